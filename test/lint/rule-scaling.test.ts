// Every rule runs in time linear in the size of its input. A rule that compares each statement
// with every other (a frontend with thousands of use_backend lines, a backend with thousands of
// servers, thousands of vrrp_instances) shows up here: its work grows sixteenfold when the input
// grows fourfold. The inputs (test/support/varied-configs.ts) grow in every direction at once; each
// rule runs alone on n and 4n repetitions and must do less than 8 times the work on 4n that it does
// on n. Work is counted, not timed (test/support/work-counter.ts): the same on any machine, under
// any load. How fast the rules are is measured by `npm run bench`, which never fails.
import { describe, expect, it } from "vitest";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import type { ParseResult } from "../../server/src/workspace/loader.js";
import { resolveConfig, type ResolvedConfig } from "../../server/src/lint/config.js";
import { lint, runRules } from "../../server/src/lint/lint.js";
import { RULES } from "../../server/src/lint/registry.js";
import type { HaproxyRule } from "../../server/src/lint/rule.js";
import { HaproxyModel } from "../../server/src/rules/haproxy/model.js";
import type { HaproxyParseResult } from "../../grammars/haproxy/parse.js";
import { variedHaproxy, variedKeepalived } from "../support/varied-configs.js";
import { countWork, keepTally, tally } from "../support/work-counter.js";

const N = 40;
/** Counts below this are too small to compare: larger counts are measured against it. */
const FLOOR = 200;

/**
 * The work of a run on n and on 4n, whether it grew less than eightfold, and if not, what grew most
 * (the accessors and methods that did the most work on 4n).
 */
function scaling(run: (parsed: ParseResult) => void, small: ParseResult, large: ParseResult): { w1: number; w4: number; linear: boolean; most: string } {
  // A first run fills what is kept between runs (keyword tables, their indexes), as in any process.
  run(small);
  const w1 = countWork(() => run(small));
  const w4 = countWork(() => run(large));
  const linear = w4 < 8 * Math.max(w1, FLOOR);
  let most = "";
  if (!linear) {
    keepTally(true);
    countWork(() => run(large));
    most = [...tally!].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, work]) => `${name} ${work}`).join(", ");
    keepTally(false);
  }
  return { w1, w4, linear, most };
}

const products = [
  { product: "haproxy" as const, key: "haproxyVersion", generate: variedHaproxy, parse: parseHaproxy },
  { product: "keepalived" as const, key: "keepalivedVersion", generate: variedKeepalived, parse: parseKeepalived },
];

describe.each(products)("$product rules on n and 4n repetitions", ({ product, key, generate, parse }) => {
  const rules = RULES.filter((rule) => rule.meta.product === product);
  const small = parse(generate(N));
  const large = parse(generate(4 * N));
  const only = (id: string | undefined): ResolvedConfig =>
    resolveConfig({ [key]: product === "haproxy" ? "2.6" : "2.2", rules: Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta.id === id ? "warning" : "off"])) }, "scaling test");

  it("all rules together grow linearly", () => {
    const all = resolveConfig({}, "scaling test");
    const { w1, w4, linear, most } = scaling((parsed) => lint(parsed, all), small, large);
    expect(w1).toBeGreaterThan(FLOOR);
    expect(linear, `${w1} on n, ${w4} on 4n (most: ${most})`).toBe(true);
  });

  it("each rule alone grows linearly", () => {
    const slow: string[] = [];
    for (const rule of rules) {
      const config = only(rule.meta.id);
      const { w1, w4, linear, most } = scaling((parsed) => lint(parsed, config), small, large);
      if (!linear) slow.push(`${rule.meta.id}: ${w1} on n, ${w4} on 4n (most: ${most})`);
    }
    expect(slow).toEqual([]);
  });
});

describe("the work counter", () => {
  const config = resolveConfig({}, "scaling test");
  const run = (rule: HaproxyRule) => (parsed: ParseResult) =>
    runRules([rule], new HaproxyModel([{ uri: "test", parse: parsed as HaproxyParseResult }], "2.6"), config, "test", () => {});
  const small = parseHaproxy(variedHaproxy(N));
  const large = parseHaproxy(variedHaproxy(4 * N));
  const meta = { id: "T000", alias: "test", product: "haproxy", severity: "warning", category: "style", description: "", fixable: false, native: "silent" } as const;

  it("tells a rule that compares every pair of statements from one that reads each once", () => {
    const pairs: HaproxyRule = {
      meta,
      check({ model }) {
        const all = model.statements();
        for (const a of all) for (const b of all) if (a !== b && a.keyword === b.keyword && a.statement.args[0]?.value === b.statement.args[0]?.value) break;
      },
    };
    const once: HaproxyRule = {
      meta,
      check({ model }) {
        const seen = new Set<string>();
        for (const a of model.statements()) seen.add(`${a.keyword} ${a.statement.args[0]?.value}`);
      },
    };
    expect(scaling(run(pairs), small, large).linear).toBe(false);
    expect(scaling(run(once), small, large).linear).toBe(true);
  });

  it("sees a quadratic search through arrays built once", () => {
    const names: HaproxyRule = {
      meta,
      check({ model }) {
        const keywords = model.statements().map((placed) => placed.keyword);
        for (const keyword of keywords) keywords.indexOf(keyword);
      },
    };
    expect(scaling(run(names), small, large).linear).toBe(false);
  });
});
