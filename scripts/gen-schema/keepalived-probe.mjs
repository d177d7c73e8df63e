// Development tool, not part of the generation: asks the installed keepalived (`keepalived -t`, the
// 2.2.7 oracle) which words it accepts as keywords in a block, and how it reacts to a keyword's
// arguments. Its findings are copied by hand, with a comment, into overrides-keepalived.mjs.
//
//   node scripts/gen-schema/keepalived-probe.mjs discover BLOCK_ID CANDIDATES_FILE   (one word a line)
//   node scripts/gen-schema/keepalived-probe.mjs try BLOCK_ID 'keyword arg…' ['keyword arg…' …]
//   node scripts/gen-schema/keepalived-probe.mjs raw FILE
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A config that puts the probed lines (`%`) inside the block `id`. */
export const CONTEXTS = {
  top: "%",
  global_defs: "global_defs {\n%\n}",
  vrrp_instance: "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n%\n}",
  "vrrp_instance>authentication": "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n authentication {\n%\n }\n}",
  vrrp_sync_group: "vrrp_sync_group G {\n%\n}",
  vrrp_script: "vrrp_script S {\n%\n}",
  vrrp_track_process: "vrrp_track_process P {\n%\n}",
  vrrp_track_file: "vrrp_track_file F {\n%\n}",
  track_file: "track_file F {\n%\n}",
  garp_group: "garp_group {\n%\n}",
  bfd_instance: "bfd_instance B {\n%\n}",
  track_group: "track_group T {\n%\n}",
  SSL: "SSL {\n%\n}",
  virtual_server: "virtual_server 10.0.0.1 80 {\n%\n}",
  "virtual_server>real_server": "virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n%\n }\n}",
};
for (const c of ["TCP_CHECK", "HTTP_GET", "SSL_GET", "SMTP_CHECK", "DNS_CHECK", "MISC_CHECK", "UDP_CHECK", "PING_CHECK", "FILE_CHECK", "BFD_CHECK"]) {
  CONTEXTS[`virtual_server>real_server>${c}`] = `virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n  ${c} {\n%\n  }\n }\n}`;
}
CONTEXTS["virtual_server>real_server>HTTP_GET>url"] = "virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n  HTTP_GET {\n   url {\n%\n   }\n  }\n }\n}";
CONTEXTS["virtual_server>real_server>SMTP_CHECK>host"] = "virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n  SMTP_CHECK {\n   host {\n%\n   }\n  }\n }\n}";

const work = mkdtempSync(join(tmpdir(), "ka-probe-"));

/** Runs `keepalived -t` on the text; returns exit code and the message lines (deduplicated). */
export function runOracle(text) {
  const file = join(work, "probe.conf");
  writeFileSync(file, text);
  // keepalived's checker process may still be printing when the parent exits: the pipe through cat waits for it.
  const r = spawnSync("sh", ["-c", '{ keepalived -t -f "$1" -l -D 2>&1; echo "keepalived-exit=$?"; } | cat', "sh", file], { cwd: work, encoding: "utf8", timeout: 20_000 });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  const exit = /keepalived-exit=(\d+)/.exec(output);
  const lines = [...new Set(output.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("keepalived-exit=")))];
  return { rc: exit ? Number(exit[1]) : r.signal ? `signal ${r.signal}` : -1, messages: lines };
}

function build(id, body) {
  const ctx = CONTEXTS[id];
  if (!ctx) throw new Error(`no context for ${id}`);
  const before = ctx.slice(0, ctx.indexOf("%"));
  return { text: ctx.replace("%", body), firstLine: before.split("\n").length };
}

/** Which candidate words keepalived knows as keywords in block `id`. */
export function discover(id, candidates) {
  const known = new Set();
  let rest = candidates.slice();
  const isUnknown = (messages, word) => messages.some((m) => m.includes(`Unknown keyword '${word}'`));
  while (rest.length > 0) {
    // In a batch, each word is followed by a dummy argument on its own line. Unknown words change
    // nothing, so every word before the first one not reported unknown was read in block `id`; that
    // word is then checked on its own (it may open a block and swallow the following lines).
    const batch = rest.slice(0, 200);
    const { text, firstLine } = build(id, batch.map((c) => `${c} 1`).join("\n"));
    const { messages } = runOracle(text);
    const reported = new Set();
    for (const m of messages) {
      const at = /Line (\d+)\) Unknown keyword '([^']*)'/.exec(m);
      if (at && batch[Number(at[1]) - firstLine] === at[2]) reported.add(Number(at[1]) - firstLine);
    }
    let i = 0;
    while (i < batch.length && reported.has(i)) i++;
    if (i < batch.length) {
      const single = tryLines(id, [`${batch[i]} 1`]);
      if (!isUnknown(single.messages, batch[i])) known.add(batch[i]);
    }
    rest = rest.slice(i + 1);
  }
  return [...known].sort();
}

export function tryLines(id, lines) {
  const { text } = build(id, lines.join("\n"));
  return runOracle(text);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [cmd, id, ...rest] = process.argv.slice(2);
  if (cmd === "discover") {
    const candidates = readFileSync(rest[0], "utf8").split("\n").map((s) => s.trim()).filter(Boolean);
    console.log(discover(id, candidates).join("\n"));
  } else if (cmd === "try") {
    const r = tryLines(id, rest);
    console.log(`rc=${r.rc}`);
    for (const m of r.messages) console.log(`  ${m}`);
  } else if (cmd === "raw") {
    const r = runOracle(readFileSync(id, "utf8"));
    console.log(`rc=${r.rc}`);
    for (const m of r.messages) console.log(`  ${m}`);
  } else {
    console.error("usage: discover BLOCK FILE | try BLOCK LINE… | raw FILE");
    process.exit(2);
  }
}
