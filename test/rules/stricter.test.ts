// The rules that report errors the daemons accept are listed, with their reason, in one reviewed
// page: docs/stricter.md. The list and the rules' `stricter` field must agree.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "../../server/src/lint/registry.js";

describe("rules stricter than the daemons", () => {
  it("are exactly the ones docs/stricter.md lists", () => {
    const page = readFileSync(join(import.meta.dirname, "..", "..", "docs", "stricter.md"), "utf8");
    const listed = [...page.matchAll(/^\| ((?:HA|KA)\d{3}) \|/gm)].map((m) => m[1]).sort();
    const marked = RULES.filter((rule) => rule.meta.stricter !== undefined).map((rule) => rule.meta.id).sort();
    expect(listed).toEqual(marked);
  });
});
