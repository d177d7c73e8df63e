// Which keywords of lblint's keepalived tree keepalived 2.3.3 knows, compared with 2.2.7 and with the
// tree's availability (docs/agreement.md, "keepalived 2.3.3 as an oracle"). Each keyword is asked
// alone in a minimal block of its kind (`KEYWORD 1`), of both releases; a keyword is unknown to a
// release when it answers "Unknown keyword 'KEYWORD'". Prints the keywords whose answer differs
// between the releases or from the tree at 2.3.
//   node scripts/build.mjs --no-types && node scripts/oracle/keepalived23-keywords.mjs
import { CONTEXTS } from "../gen-schema/keepalived-probe.mjs";
import { daemon, dropMachines } from "./keepalived23.mjs";
import { readFileSync } from "node:fs";

const source = readFileSync(new URL("../../server/src/facts/generated/keepalived.ts", import.meta.url), "utf8");
const schema = JSON.parse(JSON.parse(/JSON\.parse\((".*")\)/.exec(source)[1]));
const availableAt = (av, version) => {
  const cmp = (a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]);
  if (!av) return true;
  if (av.removed !== undefined && cmp(version, av.removed) >= 0) return false;
  if (av.since !== undefined && cmp(version, av.since) < 0) return false;
  return true;
};
const known = (command, id, keyword) => {
  const context = CONTEXTS[id];
  const { messages } = daemon(command, context.replace("%", `${keyword} 1`));
  return !messages.some((m) => m.includes(`Unknown keyword '${keyword}'`));
};
let asked = 0;
const rows = [];
for (const [id, block] of Object.entries(schema.blocks)) {
  if (!CONTEXTS[id] || !block.keywords) continue;
  for (const keyword of Object.values(block.keywords)) {
    if (/^include/.test(keyword.name) || keyword.name.startsWith("@")) continue;
    asked++;
    const at23 = known("keepalived23", id, keyword.name);
    const at22 = known("keepalived", id, keyword.name);
    const tree23 = availableAt(keyword.availability, "2.3");
    if (at23 !== at22 || at23 !== tree23) rows.push(`${id}\t${keyword.name}\t2.2.7 ${at22 ? "knows" : "unknown"}\t2.3.3 ${at23 ? "knows" : "unknown"}\ttree at 2.3: ${tree23 ? "known" : "unknown"} ${JSON.stringify(keyword.availability ?? {})}`);
  }
}
dropMachines();
console.log(`${asked} keywords asked; ${rows.length} differ:`);
for (const row of rows) console.log(row);
