// Where a lint() of the large bench files (bench-out/, made by `npm run bench`) spends its time, rule
// by rule: each rule's check is timed inside whole lint() runs after a warm-up, so a shared index
// is charged to the first rule that asks for it (HA001 and KA001 run first). Noisy machines make the
// alternative (lint() with one rule turned off) useless: its differences are smaller than the noise.
// Usage: node --expose-gc scripts/profile-rules.mjs [haproxy|keepalived] [--runs N] [--top N]
import { readFileSync } from "node:fs";
const lblint = await import(process.env.LBLINT_BENCH_MODULE ? new URL(process.env.LBLINT_BENCH_MODULE, `file://${process.cwd()}/`).href : new URL("../dist/index.js", import.meta.url).href);
const which = process.argv[2] ?? "haproxy";
const option = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const runs = option("--runs", 10);
const top = option("--top", 30);
const file = which === "haproxy" ? "bench-out/haproxy-5000.cfg" : "bench-out/keepalived-5000.conf";
const text = readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const parse = which === "haproxy" ? lblint.parseHaproxy : lblint.parseKeepalived;
const prefix = which === "haproxy" ? "HA" : "KA";
const spent = new Map();
for (const rule of lblint.RULES) {
  if (!rule.meta.id.startsWith(prefix)) continue;
  const check = rule.check;
  rule.check = function timed(context) {
    const start = performance.now();
    try {
      return check.call(this, context);
    } finally {
      spent.set(rule.meta.id, (spent.get(rule.meta.id) ?? 0) + performance.now() - start);
    }
  };
}
for (let i = 0; i < 5; i++) lblint.lint(parse(text));
spent.clear();
let parseMs = 0;
let lintMs = 0;
for (let i = 0; i < runs; i++) {
  globalThis.gc?.();
  let start = performance.now();
  const parsed = parse(text);
  parseMs += performance.now() - start;
  globalThis.gc?.();
  start = performance.now();
  lblint.lint(parsed);
  lintMs += performance.now() - start;
}
const rows = [...spent].map(([id, ms]) => [id, ms / runs]).sort((a, b) => b[1] - a[1]);
const inRules = rows.reduce((sum, [, ms]) => sum + ms, 0);
console.log(`${file}, means of ${runs} runs: parse ${(parseMs / runs).toFixed(1)} ms, lint ${(lintMs / runs).toFixed(1)} ms (rules ${inRules.toFixed(1)} ms, the rest ${(lintMs / runs - inRules).toFixed(1)} ms)`);
for (const [id, ms] of rows.slice(0, top)) console.log(`${id.padEnd(6)} ${ms.toFixed(2).padStart(8)} ms`);
