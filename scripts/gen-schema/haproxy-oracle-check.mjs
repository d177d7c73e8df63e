#!/usr/bin/env node
// Development check, not part of `gen:schema`: asks the installed haproxy (2.6.x) whether the
// argument counts of the generated tables hold, by running `haproxy -c` on one tiny configuration
// per keyword with one word too many and one word too few. Prints the keywords whose limits haproxy
// does not enforce, so that overrides-haproxy.mjs can relax them (a false error is worse than a
// missed one).
//
// With --known, also checks that every keyword the tables say 2.6 has is known to the binary.
//
//   node scripts/gen-schema/haproxy-oracle-check.mjs [--only name,name] [--actions] [--known]
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "./haproxy.mjs";

const args = process.argv.slice(2);
const only = args.includes("--only") ? new Set(args[args.indexOf("--only") + 1].split(",")) : undefined;
const { schema } = await generate({ referenceDir: join(import.meta.dirname, "../../../shared/reference"), outDir: mkdtempSync(join(tmpdir(), "hafacts-")) });
const dir = mkdtempSync(join(tmpdir(), "haoracle-"));

const at26 = (av) => !av || ((!av.since || Number(av.since) <= 2.6) && (!av.removed || Number(av.removed) > 2.6));

function filler(shape) {
  if (!shape) return "1";
  if (shape.startsWith("enum:")) return shape.slice(5).split("|")[0];
  if (shape === "ref:backend") return "bk";
  return "1";
}

const HEAD = "global\n  log stdout local0\n";
const TAIL = "backend bk\n  server s 127.0.0.1:8\n";
const PROXY_DEFAULTS = "defaults\n  mode http\n  timeout client 1s\n  timeout server 1s\n  timeout connect 1s\n";

/** A configuration with `line` in a section of type `section`; returns { text, line number }. */
function config(section, line) {
  const body = [];
  let header;
  switch (section) {
    case "global":
      return { text: `global\n  ${line}\n${PROXY_DEFAULTS}listen l\n  bind 127.0.0.1:18080\n${TAIL}`, at: 2 };
    case "defaults":
      header = "defaults d";
      break;
    case "frontend":
      header = "frontend f";
      body.push("  bind 127.0.0.1:18080");
      break;
    case "listen":
      header = "listen l";
      body.push("  bind 127.0.0.1:18080");
      break;
    case "backend":
      header = "backend b";
      break;
    case "peers":
      header = "peers p";
      break;
    case "log-forward":
      header = "log-forward lf";
      break;
    default:
      header = `${section} x`;
  }
  const pre = `${HEAD}${PROXY_DEFAULTS}${header}\n${body.map((b) => b + "\n").join("")}`;
  const at = pre.split("\n").length;
  return { text: `${pre}  ${line}\n${section === "listen" ? "" : "listen l2\n  bind 127.0.0.1:18081\n"}${TAIL}`, at };
}

function run(text, at) {
  const file = join(dir, "t.cfg");
  writeFileSync(file, text);
  let out;
  try {
    out = execFileSync("haproxy", ["-c", "-f", file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    out = `${e.stdout}${e.stderr}`;
  }
  const mine = out.split("\n").filter((l) => l.includes(`t.cfg:${at}]`));
  return mine.map((l) => l.replace(/^.*?t\.cfg:\d+\]\s*:?\s*/, "")).join(" | ");
}

const TOO_MANY = /unexpected|extra argument|too many|only supports|exactly|cannot handle|expects .*argument|expects (?:only|no)|does not take|doesn't take|no argument|takes no/i;
const SECTION_ORDER = ["listen", "frontend", "backend", "defaults", "global", "peers", "resolvers", "userlist", "mailers", "cache", "ring", "http-errors", "fcgi-app", "log-forward", "program"];

const relaxMax = [];
const lowerMin = [];
for (const k of schema.keywords) {
  if (only && !only.has(k.name)) continue;
  if (!k.args || k.actions || !at26(k.availability)) continue;
  const section = SECTION_ORDER.find((s) => k.sections.includes(s));
  if (!section) continue;
  const shapes = k.args.shapes ?? [];
  if (k.args.max >= 0) {
    const n = k.args.max + 1;
    const words = Array.from({ length: n }, (_, i) => filler(shapes[i] ?? k.args.rest));
    const { text, at } = config(section, `${k.name} ${words.join(" ")}`);
    const said = run(text, at);
    if (!said) relaxMax.push(`${k.name} [${section}]: ${n} args accepted (max ${k.args.max})`);
    else if (!TOO_MANY.test(said) && process.env.VERBOSE) console.log(`  ? ${k.name} +1: ${said}`);
  }
  if (k.args.min >= 1) {
    const words = Array.from({ length: k.args.min - 1 }, (_, i) => filler(shapes[i] ?? k.args.rest));
    const { text, at } = config(section, `${k.name} ${words.join(" ")}`.trim());
    const said = run(text, at);
    if (!said) lowerMin.push(`${k.name} [${section}]: ${k.args.min - 1} args accepted (min ${k.args.min})`);
  }
}
console.log(`max not enforced by haproxy 2.6 (${relaxMax.length}):\n  ${relaxMax.join("\n  ")}`);
console.log(`min too high (${lowerMin.length}):\n  ${lowerMin.join("\n  ")}`);

if (args.includes("--actions")) {
  const relax = [];
  const low = [];
  for (const [ruleSet, list] of Object.entries(schema.actions)) {
    if (ruleSet === "quic-initial") continue;
    for (const a of list) {
      if (!a.args || !at26(a.availability)) continue;
      const section = ruleSet.startsWith("tcp-response") || ruleSet.startsWith("http-response") || ruleSet === "http-after-response" ? "listen" : "listen";
      const word = /^(set-var|set-var-fmt|unset-var)$/.test(a.name) ? `${a.name}(txn.x)` : /^(sc-inc-gpc|sc-set-gpt|sc-add-gpc)$/.test(a.name) ? `${a.name}(0,0)` : /^(sc-inc-gpc0|sc-inc-gpc1|sc-set-gpt0)$/.test(a.name) ? `${a.name}(0)` : /^(add-acl|del-acl|del-map|set-map)$/.test(a.name) ? `${a.name}(/tmp/x.map)` : a.name;
      if (a.args.max >= 0) {
        const { text, at } = config(section, `${ruleSet} ${word} ${Array.from({ length: a.args.max + 1 }, () => "1").join(" ")}`);
        const said = run(text, at);
        if (!said) relax.push(`${ruleSet} ${a.name}: ${a.args.max + 1} args accepted (max ${a.args.max})`);
      }
      if (a.args.min >= 1) {
        const { text, at } = config(section, `${ruleSet} ${word} ${Array.from({ length: a.args.min - 1 }, () => "1").join(" ")}`.trim());
        const said = run(text, at);
        if (!said) low.push(`${ruleSet} ${a.name}: ${a.args.min - 1} args accepted (min ${a.args.min})`);
      }
    }
  }
  console.log(`action max not enforced (${relax.length}):\n  ${relax.join("\n  ")}`);
  console.log(`action min too high (${low.length}):\n  ${low.join("\n  ")}`);
}

if (args.includes("--known")) {
  const unknown = [];
  const UNKNOWN = /unknown keyword|unknown option|unknown stats parameter|'timeout' supports|not supported any ?more|doesn't exist anymore/i;
  for (const k of schema.keywords) {
    if (only && !only.has(k.name)) continue;
    if (!at26(k.availability)) continue;
    for (const section of k.sections.filter((s) => !["healthcheck", "traces", "crt-store", "acme"].includes(s))) {
      const shapes = k.args?.shapes ?? [];
      const n = Math.max(k.args?.min ?? 0, k.actions ? 1 : 0);
      const words = k.actions ? ["allow"] : Array.from({ length: n }, (_, i) => filler(shapes[i] ?? k.args?.rest));
      const { text, at } = config(section, `${k.name} ${words.join(" ")}`.trim());
      const said = run(text, at);
      if (UNKNOWN.test(said)) unknown.push(`${k.name} [${section}]: ${said.slice(0, 140)}`);
    }
  }
  console.log(`said to be in 2.6 but unknown to the binary (${unknown.length}):\n  ${unknown.join("\n  ")}`);
}

if (args.includes("--known")) {
  const unknownActions = [];
  for (const [ruleSet, list] of Object.entries(schema.actions)) {
    if (ruleSet === "quic-initial") continue;
    for (const a of list) {
      if (!at26(a.availability)) continue;
      const word = /^(set-var|set-var-fmt|unset-var)$/.test(a.name) ? `${a.name}(txn.x)` : /^(sc-inc-gpc|sc-set-gpt|sc-add-gpc)$/.test(a.name) ? `${a.name}(0,0)` : /^(sc-inc-gpc0|sc-inc-gpc1|sc-set-gpt0)$/.test(a.name) ? `${a.name}(0)` : /^(add-acl|del-acl|del-map|set-map)$/.test(a.name) ? `${a.name}(/tmp/x.map)` : a.name;
      const { text, at } = config("listen", `${ruleSet} ${word} ${Array.from({ length: a.args?.min ?? 0 }, () => "1").join(" ")}`.trim());
      const said = run(text, at);
      if (new RegExp(`'${ruleSet}' expects`).test(said)) unknownActions.push(`${ruleSet} ${a.name}: ${said.slice(0, 100)}`);
    }
  }
  console.log(`actions said to be in 2.6 but unknown to the binary (${unknownActions.length}):\n  ${unknownActions.join("\n  ")}`);
}
