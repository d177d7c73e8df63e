// How many decimal places keepalived keeps of each keyword that takes a fraction (docs/agreement.md,
// "Thirteenth round, keepalived"): every keyword of lblint's tree whose first value is a number, in a
// minimal block of its kind, given 1.5 and then 1 followed by 1 to 7 decimal places (`1.0000001`), asked
// of keepalived 2.2.7 and 2.3.3 (`keepalived23`) one case a file. Prints, per keyword and release, the
// most decimal places it takes without "has too many decimal places" ("int" where it refuses 1.5).
//   node scripts/build.mjs --no-types && node scripts/oracle/keepalived-decimals.mjs [--only BLOCK]
import { readFileSync } from "node:fs";
import { CONTEXTS } from "../gen-schema/keepalived-probe.mjs";
import { daemon, dropMachines } from "./keepalived23.mjs";

const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const only = option("--only", undefined);
const schema = JSON.parse(readFileSync(new URL("../../dist/facts/keepalived.json", import.meta.url), "utf8"));
const CONTEXT = { ...CONTEXTS, vrrp_script: 'vrrp_script S {\n script "/bin/true"\n%\n}' };
for (const check of ["HTTP_GET", "SSL_GET"]) CONTEXT[`virtual_server>real_server>${check}`] = `virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n  ${check} {\n%\n   url {\n    path /\n   }\n  }\n }\n}`;

const VALUES = ["1.5", ...[1, 2, 3, 4, 5, 6, 7].map((places) => `1.${"0".repeat(places - 1)}1`)];
const rows = [];
for (const [id, block] of Object.entries(schema.blocks)) {
  if (!CONTEXT[id] || !block.keywords || (only && id !== only)) continue;
  for (const keyword of Object.values(block.keywords)) {
    const shape = keyword.args?.shapes?.[0] ?? "";
    if (keyword.block || !/^number/.test(shape)) continue;
    const answer = {};
    for (const command of ["keepalived", "keepalived23"]) {
      let kept = "int";
      const said = [];
      for (const value of VALUES) {
        const context = CONTEXT[id];
        const line = context.slice(0, context.indexOf("%")).split("\n").length;
        const messages = daemon(command, `${context.replace("%", `${keyword.name} ${value}`)}\n`).byLine.get(line) ?? [];
        const text = messages.map((m) => m.replace(/^\(.*?Line \d+\)\s*/, "")).join(" / ");
        if (value === "1.5") {
          if (/invalid|not valid|must be an integer|whole/i.test(text)) break;
          said.push(`1.5: ${text || "-"}`);
          kept = "?";
          continue;
        }
        const places = value.length - 2;
        if (/too many decimal places/.test(text)) {
          said.push(`${value}: ${text}`);
          break;
        }
        kept = String(places);
      }
      answer[command] = { kept, said };
    }
    rows.push({ id, keyword: keyword.name, shape, ...answer });
    console.log(`${id} ${keyword.name} (${shape}): 2.2.7 ${answer.keepalived.kept}, 2.3.3 ${answer.keepalived23.kept}   ${answer.keepalived.said.join(" | ").slice(0, 160)}`);
  }
}
dropMachines();
