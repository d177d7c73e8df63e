// Asks keepalived which keywords it takes without the value they are documented to need: each
// keyword of the blocks below whose tables give it at least one argument is written alone (no value),
// each in a block of its own, all in one file, and a keyword that gets no message on its line is one
// keepalived 2.2.7 accepts so (it keeps its default). Prints them as JSON, the form of
// server/src/rules/keepalived/numbers.ts; with --all, every verdict.
// Usage: node scripts/build.mjs && node scripts/oracle/keepalived-missing-values.mjs [--all]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { blockWith, messagesByLine } from "./keepalived-lines.mjs";

const CHECKS = ["TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK", "SMTP_CHECK", "DNS_CHECK", "PING_CHECK", "UDP_CHECK"];
const BLOCKS = new Set(["global_defs", "vrrp_instance", "vrrp_script", "virtual_server", "virtual_server>real_server", ...CHECKS.map((check) => `virtual_server>real_server>${check}`)]);

const schema = JSON.parse(readFileSync(new URL("../../dist/facts/keepalived.json", import.meta.url), "utf8"));

function cases() {
  const found = [];
  for (const [block, facts] of Object.entries(schema.blocks)) {
    if (!BLOCKS.has(block)) continue;
    for (const [name, keyword] of Object.entries(facts.keywords)) {
      // Block keywords, includes and keywords newer than 2.2 tell nothing here.
      if (keyword.block || name.startsWith("include") || (keyword.args?.min ?? 0) < 1 || keyword.availability?.since) continue;
      if (keyword.availability?.removed) continue;
      found.push({ block, name });
    }
  }
  return found;
}

const dir = mkdtempSync(join(tmpdir(), "lblint-oracle-"));
const all = cases();
const lines = [];
const at = [];
all.forEach((c, n) => {
  const block = blockWith(c.block, c.name, n + 1);
  at.push(lines.length + block.at + 1);
  lines.push(...block.lines);
});
const file = join(dir, "missing.conf");
writeFileSync(file, lines.join("\n") + "\n");
const messages = messagesByLine(file);
rmSync(dir, { recursive: true, force: true });
const verdicts = all.map((c, i) => ({ ...c, messages: messages.get(at[i]) ?? [] }));
const silent = verdicts.filter((v) => v.messages.length === 0).map((v) => `${v.block} ${v.name}`);
console.log(JSON.stringify(process.argv.includes("--all") ? { verdicts } : { silent }, null, 2));
