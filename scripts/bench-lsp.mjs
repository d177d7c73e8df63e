// The language server's latency on a big file, measured as an editor sees it: the bundled server is
// started over stdio, a generated haproxy.cfg of about 15,000 lines is opened, and a line is typed
// into the middle of it one keystroke at a time. For each keystroke: the time from the change to
// the diagnostics of that version, then the time to answer a completion and a hover there. Prints
// medians and 95th percentiles; asserts nothing (speed depends on the machine).
// Usage: node scripts/bench-lsp.mjs [--keystrokes N] [--backends N] [--keepalived]   (after npm run build)
// --keepalived types into a generated keepalived.conf of about 13,000 lines instead.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node.js";
import { generateHaproxy } from "./generate-haproxy.mjs";
import { generateKeepalived } from "./generate-keepalived.mjs";

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const keystrokes = arg("--keystrokes", 40);
const backends = arg("--backends", 1000);
const server = fileURLToPath(new URL("../dist/server.js", import.meta.url));
if (!existsSync(server)) {
  console.error("bench-lsp: dist/server.js is missing; run npm run build first");
  process.exit(1);
}

const keepalived = process.argv.includes("--keepalived");
const text = keepalived ? generateKeepalived({ instances: 300, virtualServers: 300, realServersPerVs: 4 }) : generateHaproxy({ backends, serversPerBackend: 10 });
const lines = text.split("\n");
const child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
// The server's own CPU time (user + system, ms) from /proc: what a keystroke costs it, whatever else
// the machine is doing. Wall times depend on that; on a shared machine, read both.
const ticks = 100;
const cpuMs = () => {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
  } catch {
    return NaN;
  }
};
connection.onNotification("textDocument/publishDiagnostics", (params) => {
  for (const [version, resolve] of waiting) {
    if (params.version >= version) {
      waiting.delete(version);
      resolve(params);
    }
  }
});
connection.listen();
await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
await connection.sendNotification("initialized", {});
const uri = keepalived ? "file:///tmp/lblint-bench/keepalived.conf" : "file:///tmp/lblint-bench/haproxy.cfg";
const diagnosticsFor = (version) => new Promise((resolve) => waiting.set(version, resolve));

let start = performance.now();
let ready = diagnosticsFor(1);
await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: keepalived ? "keepalived" : "haproxy", version: 1, text } });
await ready;
const openMs = performance.now() - start;

// Type a new line into the middle of the file, in a backend (or a vrrp_instance).
const line = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith(keepalived ? "vrrp_instance " : "backend ")) + 1;
const typed = (keepalived ? "    advert_int 1 priority 150 nopreempt garp_master_delay 5" : "    timeout queue 30s option redispatch balance leastconn").slice(0, keystrokes + 4);
let version = 1;
version++;
ready = diagnosticsFor(version);
await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: "\n" }] });
await ready;
const diagnostics = [];
const completion = [];
const hover = [];
const cpu = [];
for (let i = 0; i < Math.min(keystrokes, typed.length); i++) {
  version++;
  ready = diagnosticsFor(version);
  const cpuStart = cpuMs();
  start = performance.now();
  await connection.sendNotification("textDocument/didChange", {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character: i }, end: { line, character: i } }, text: typed[i] }],
  });
  // An editor asks for completion right after the keystroke, while the change is being checked.
  const position = { line, character: i + 1 };
  const completionStart = performance.now();
  await connection.sendRequest("textDocument/completion", { textDocument: { uri }, position });
  completion.push(performance.now() - completionStart);
  await ready;
  diagnostics.push(performance.now() - start);
  cpu.push(cpuMs() - cpuStart);
  const hoverStart = performance.now();
  await connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line, character: 5 } });
  hover.push(performance.now() - hoverStart);
}
await connection.sendRequest("shutdown");
await connection.sendNotification("exit");
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`;
};
console.log(`lblint-language-server over stdio, ${keepalived ? "keepalived.conf" : "haproxy.cfg"} of ${lines.length} lines, ${diagnostics.length} keystrokes (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`);
console.log(`open → first diagnostics: ${openMs.toFixed(0)} ms`);
console.log(`keystroke → diagnostics:  ${stats(diagnostics)} (server CPU per keystroke, completion included: ${stats(cpu)}; /proc counts in 10 ms ticks)`);
console.log(`completion after a keystroke: ${stats(completion)}`);
console.log(`hover after the diagnostics:  ${stats(hover)}`);
