// Every rule runs in time linear in the size of its input. A rule that compares each statement
// with every other (a frontend with thousands of use_backend lines, a backend with thousands of
// servers, thousands of vrrp_instances) shows up here: its time grows sixteenfold when the input
// grows fourfold. The inputs (test/support/varied-configs.ts) grow in every direction at once; each
// rule is timed alone on n and 4n repetitions and must stay below 8 times its time on n. Times are
// the process's CPU time (a machine busy with other work does not count), the least of a few runs,
// and a rule over the limit is measured again before it counts as slow: a quadratic rule is slow
// every time, a pause of the machine is not.
import { describe, expect, it } from "vitest";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import type { ParseResult } from "../../server/src/workspace/loader.js";
import { resolveConfig, type ResolvedConfig } from "../../server/src/lint/config.js";
import { lint } from "../../server/src/lint/lint.js";
import { RULES } from "../../server/src/lint/registry.js";
import { variedHaproxy, variedKeepalived } from "../support/varied-configs.js";

/** Chosen so that a run on n takes tens of milliseconds for all rules together. */
const N = 40;
const RUNS = 5;
/** Time (ms) below which a run is too short to compare: slower runs are measured against it. */
const FLOOR = 2;

/** CPU time of the process in milliseconds. */
function cpu(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function fastest(parsed: ParseResult, config: ResolvedConfig): number {
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const start = cpu();
    lint(parsed, config);
    best = Math.min(best, cpu() - start);
  }
  return best;
}

/** The time on n and on 4n; measured up to three times while 4n stays over the limit. */
function scaling(small: ParseResult, large: ParseResult, config: ResolvedConfig): { t1: number; t4: number; linear: boolean } {
  let result = { t1: 0, t4: 0, linear: false };
  for (let attempt = 0; attempt < 3 && !result.linear; attempt++) {
    const t1 = fastest(small, config);
    const t4 = fastest(large, config);
    result = { t1, t4, linear: t4 < 8 * Math.max(t1, FLOOR) };
  }
  return result;
}

const products = [
  { product: "haproxy" as const, key: "haproxyVersion", generate: variedHaproxy, parse: parseHaproxy },
  { product: "keepalived" as const, key: "keepalivedVersion", generate: variedKeepalived, parse: parseKeepalived },
];

describe.each(products)("$product rules on n and 4n repetitions", ({ product, key, generate, parse }) => {
  const rules = RULES.filter((rule) => rule.meta.product === product);
  const small = parse(generate(N));
  const large = parse(generate(4 * N));
  const only = (id: string | undefined) => resolveConfig({ [key]: product === "haproxy" ? "2.6" : "2.2", rules: Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta.id === id ? "warning" : "off"])) }, "scaling test");

  it("all rules together grow linearly", () => {
    const all = resolveConfig({}, "scaling test");
    // Warm up: the first runs also compile the code.
    lint(parse(generate(N)), all);
    const { t1, t4, linear } = scaling(small, large, all);
    expect(linear, `${t1.toFixed(1)} ms on n, ${t4.toFixed(1)} ms on 4n`).toBe(true);
  }, 120_000);

  it("each rule alone grows linearly", () => {
    const slow: string[] = [];
    for (const rule of rules) {
      const config = only(rule.meta.id);
      lint(small, config);
      const { t1, t4, linear } = scaling(small, large, config);
      if (!linear) slow.push(`${rule.meta.id}: ${t1.toFixed(1)} ms on n, ${t4.toFixed(1)} ms on 4n`);
    }
    expect(slow).toEqual([]);
  }, 300_000);
});
