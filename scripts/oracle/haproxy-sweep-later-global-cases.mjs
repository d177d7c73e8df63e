// Cases for scripts/oracle/haproxy-sweep-later.mjs: every global keyword the tables give to 3.0 or
// 3.2 (and not 2.6), each with the same twelve values, good and bad (docs/agreement.md, "Later
// sweeps: gaps left at 3.0 and 3.2"). Experimental keywords come after expose-experimental-directives.
// Usage: node scripts/oracle/haproxy-sweep-later.mjs scripts/oracle/haproxy-sweep-later-global-cases.mjs
import { readFileSync } from "node:fs";
const src = readFileSync(new URL("../../server/src/facts/generated/haproxy.ts", import.meta.url), "utf8");
const json = src.slice(src.indexOf("JSON.parse('") + 12, src.indexOf("') as HaproxySchema"));
const schema = JSON.parse(json.replace(/\\'/g, "'").replace(/\\\\/g, "\\"));
const EXPERIMENTAL = new Set(["force-cfg-parser-pause"]);
const values = ["", "bogus", "-1", "0", "1", "10x", "99999999999", "1k", "on", "off", "1 2", "5s"];
export const cases = [];
for (const k of schema.keywords) {
  if (!k.sections?.includes("global")) continue;
  const since = k.availability?.since;
  if (!since || since === "3.4") continue;
  for (const v of values) {
    const line = v ? `${k.name} ${v}` : k.name;
    cases.push({ name: `later-global ${k.name}`, section: "global", lines: EXPERIMENTAL.has(k.name) ? ["expose-experimental-directives", line] : [line] });
  }
}
