// What one lint() of a large bench file costs in CPU time, warm, for builds compared side by side:
// medians of N lints, each on a fresh parse with a full GC before it (after 5 warm-ups), then the
// same with every rule of the product off (the model's walk, syntax problems, suppressions, sort).
// CPU time is the process's user + system time, which counts V8's garbage collection threads too;
// on a shared machine it is steadier than wall time. Run builds alternately, one process each.
// Usage: node --expose-gc scripts/lint-cpu.mjs [haproxy|keepalived] [--runs N] [--module PATH]
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const which = process.argv[2] === "haproxy" ? "haproxy" : "keepalived";
const runs = Number(option("--runs", 7));
const bundle = option("--module", new URL("../dist/index.js", import.meta.url).pathname);
const lblint = await import(pathToFileURL(bundle).href);
const file = which === "haproxy" ? "bench-out/haproxy-5000.cfg" : "bench-out/keepalived-5000.conf";
const text = readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const parse = which === "haproxy" ? lblint.parseHaproxy : lblint.parseKeepalived;
const off = { rules: Object.fromEntries(lblint.RULES.filter((rule) => rule.meta.product === which).map((rule) => [rule.meta.id, "off"])) };
const gc = globalThis.gc ?? (() => {});
const cpu = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Medians of `runs` lints with `config`, wall and CPU ms. */
function measure(config) {
  for (let i = 0; i < 5; i++) lblint.lint(parse(text), config);
  const wall = [];
  const used = [];
  for (let i = 0; i < runs; i++) {
    const parsed = parse(text);
    gc();
    const start = performance.now();
    const before = cpu();
    lblint.lint(parsed, config);
    used.push(cpu() - before);
    wall.push(performance.now() - start);
  }
  return `${median(wall).toFixed(0)} ms wall, ${median(used).toFixed(0)} ms CPU`;
}

// Every rule on first: the lints with rules off keep a model of another shape (see lastModels in lint.ts).
console.log(`${bundle}, ${file}, medians of ${runs}: lint ${measure(undefined)}; every rule off ${measure(off)}`);
