// Every rule says how an editor's check after a keystroke runs it: over the touched proxies or blocks
// only (scoped), kept while what it reads of them is unchanged (stable), or over the whole file, with
// the reason. A rule added without a word here ran over the whole file on every keystroke.
import { describe, expect, it } from "vitest";
import { RULES } from "../../server/src/lint/registry.js";
import { HAPROXY_STABLE, HAPROXY_WHOLE_FILE, SECTION_SCOPED } from "../../server/src/service/incremental-lint-haproxy.js";
import { KEEPALIVED_SCOPED, KEEPALIVED_STABLE, KEEPALIVED_WHOLE_FILE } from "../../server/src/service/incremental-lint-keepalived.js";

const PRODUCTS = [
  { product: "haproxy", scoped: SECTION_SCOPED, stable: HAPROXY_STABLE, whole: HAPROXY_WHOLE_FILE },
  { product: "keepalived", scoped: KEEPALIVED_SCOPED, stable: KEEPALIVED_STABLE, whole: KEEPALIVED_WHOLE_FILE },
] as const;

describe("how the incremental check runs each rule", () => {
  for (const { product, scoped, stable, whole } of PRODUCTS) {
    it(`puts every ${product} rule in exactly one of scoped, stable and whole-file`, () => {
      const ids = RULES.filter((rule) => rule.meta.product === product).map((rule) => rule.meta.id);
      const unplaced = ids.filter((id) => [scoped.has(id), stable.has(id), whole.has(id)].filter(Boolean).length !== 1);
      expect(unplaced).toEqual([]);
      // No list names a rule that does not exist.
      const known = new Set(ids);
      expect([...scoped, ...stable.keys(), ...whole.keys()].filter((id) => !known.has(id))).toEqual([]);
      for (const [id, why] of whole) expect(why.length, id).toBeGreaterThan(10);
    });
  }
});
