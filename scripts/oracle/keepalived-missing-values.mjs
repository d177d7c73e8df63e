// Asks keepalived what it does with a keyword written without the value it is documented to need:
// each keyword of the blocks below whose tables give it at least one argument is written alone (no
// value) in a minimal block, one file per keyword, because the common "is missing a parameter" makes
// keepalived exit at once (exit status 2) and nothing after that line is read. A keyword whose line
// gets no message is one keepalived 2.2.7 takes so (it keeps its default); one with another message
// and another status is read by its own handler, which reports it and carries on. Prints the two
// lists as JSON, the form of server/src/rules/keepalived/numbers.ts; with --all, every verdict.
// Usage: node scripts/build.mjs && node scripts/oracle/keepalived-missing-values.mjs [--all]
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { blockWith } from "./keepalived-lines.mjs";

const CHECKS = ["TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK", "SMTP_CHECK", "DNS_CHECK", "PING_CHECK", "UDP_CHECK"];
const BLOCKS = new Set(["global_defs", "vrrp_instance", "vrrp_script", "virtual_server", "virtual_server>real_server", ...CHECKS.map((check) => `virtual_server>real_server>${check}`)]);
/** The exit status of keepalived's "is missing a parameter" (KEEPALIVED_EXIT_CONFIG). */
const EXITS = 2;

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

/** keepalived -t's messages on line `at` of `file` and its exit status. Its checker process may print after the parent exits: the pipe through cat waits for it. */
function check(file, at) {
  return new Promise((resolve) => {
    const child = spawn("sh", ["-c", 'keepalived -t -f "$1" -l -D 2>&1 | cat; keepalived -t -f "$1" -l -D >/dev/null 2>&1; echo "status $?"', "sh", file]);
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("close", () => {
      const messages = new Set();
      for (const text of out.split("\n")) {
        const line = /Line (\d+)\) (.*)$/.exec(text);
        if (line && Number(line[1]) === at) messages.add(line[2]);
      }
      resolve({ messages: [...messages], status: Number(/status (\d+)/.exec(out)?.[1]) });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), "lblint-oracle-"));
const all = cases();
const verdicts = new Array(all.length);
let next = 0;
async function worker() {
  while (next < all.length) {
    const i = next++;
    const { lines, at } = blockWith(all[i].block, all[i].name, 1);
    const file = join(dir, `missing-${i}.conf`);
    writeFileSync(file, lines.join("\n") + "\n");
    verdicts[i] = { ...all[i], ...(await check(file, at + 1)) };
  }
}
await Promise.all([worker(), worker(), worker(), worker()]);
rmSync(dir, { recursive: true, force: true });
const key = (v) => `${v.block} ${v.name}`;
const silent = verdicts.filter((v) => v.messages.length === 0).map(key);
const carriesOn = verdicts.filter((v) => v.messages.length > 0 && v.status !== EXITS).map(key);
console.log(JSON.stringify(process.argv.includes("--all") ? { verdicts } : { silent, carriesOn }, null, 2));
