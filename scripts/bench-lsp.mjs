// The language server's latency, measured as an editor sees it (issue 13): the bundled server is
// started over stdio and a big file is opened; a line is typed into the middle of it one keystroke
// at a time (in a backend, a virtual_server, or global_defs of the including file). For each
// keystroke: the time from sending the change to receiving the diagnostics of that version (the
// server's debounce included), the time to answer a completion sent right after
// the change (while it is being checked, as editors do), and, once the diagnostics are in, a hover,
// find references on the name of the nearest named block above (which reads the name index the
// edit made stale) and the code lenses an editor asks for, 30 of them resolved (those on screen).
// Then 1,000 more edits are made over the whole file (a character typed and deleted again, each
// waited for), and the keystrokes are measured again. While the big file is opened and first
// checked, a small file open beside it is hovered every 20 ms: a long check must not hold that up.
// Three files:
//   - haproxy.cfg of 15,009 lines (930 backends x 10 servers);
//   - keepalived.conf of 13,967 lines (310 VRRP instances, 310 virtual servers x 4 real servers);
//   - the same keepalived configuration as a keepalived.conf with `include conf.d/*.conf` and ten
//     included files on disk (a temporary directory), typing into the including file.
// Prints medians and 95th percentiles; asserts nothing (speed depends on the machine).
// Usage: node scripts/bench-lsp.mjs [--quick] [--keystrokes N] [--earlier N] [--only haproxy|keepalived|include]
//   (after npm run build; --quick: 20 keystrokes and 100 earlier edits)
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node.js";
import { generateHaproxy } from "./generate-haproxy.mjs";
import { generateKeepalived } from "./generate-keepalived.mjs";

const quick = process.argv.includes("--quick");
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const keystrokes = Number(arg("--keystrokes", quick ? 20 : 40));
const earlier = Number(arg("--earlier", quick ? 100 : 1000));
const only = arg("--only", undefined);
// LBLINT_BENCH_SERVER points at another build of the server, e.g. one built from a branch.
const server = process.env.LBLINT_BENCH_SERVER ?? fileURLToPath(new URL("../dist/server.js", import.meta.url));
if (!existsSync(server)) {
  console.error("bench-lsp: dist/server.js is missing; run npm run build first");
  process.exit(1);
}

/** The three set-ups: the file typed into, its language, the line typed and where, other files on disk. */
function scenarios() {
  const haproxy = generateHaproxy({ backends: 930, serversPerBackend: 10 });
  const keepalived = generateKeepalived({ instances: 310, virtualServers: 310, realServersPerVs: 4 });
  // The line after the first header of a block past the middle of the file.
  const middle = (text, start) => {
    const lines = text.split("\n");
    const at = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith(start));
    if (at < 0) throw new Error(`bench-lsp: no '${start}' past the middle of the file`);
    return at + 1;
  };
  // The include set-up: global_defs stays in keepalived.conf, the blocks go to ten files in conf.d/.
  const lines = keepalived.split("\n");
  const firstBlock = lines.findIndex((l) => l.startsWith("vrrp_instance "));
  const starts = lines.map((l, i) => (/^(vrrp_instance|virtual_server) /.test(l) ? i : -1)).filter((i) => i >= 0);
  const parts = [];
  for (let p = 0; p < 10; p++) {
    const from = starts[Math.floor((p * starts.length) / 10)];
    const to = p === 9 ? lines.length : starts[Math.floor(((p + 1) * starts.length) / 10)];
    parts.push(lines.slice(from, to).join("\n") + "\n");
  }
  const root = `${lines.slice(0, firstBlock).join("\n")}\ninclude conf.d/*.conf\n`;
  return [
    { name: "haproxy", label: "haproxy.cfg", languageId: "haproxy", file: "haproxy.cfg", text: haproxy, line: middle(haproxy, "backend "), typed: "    timeout queue 30s option redispatch balance leastconn" },
    // The second half of the generated keepalived.conf holds its virtual servers.
    { name: "keepalived", label: "keepalived.conf", languageId: "keepalived", file: "keepalived.conf", text: keepalived, line: middle(keepalived, "virtual_server "), typed: "    delay_loop 10 lb_algo wrr lb_kind DR persistence_timeout 50" },
    {
      name: "include",
      label: "keepalived.conf + 10 included files",
      languageId: "keepalived",
      file: "include/keepalived.conf",
      text: root,
      line: root.split("\n").findIndex((l) => l.startsWith("global_defs")) + 1,
      typed: '    notification_email_from "lb-alerts@example.com" smtp',
      disk: Object.fromEntries(parts.map((text, p) => [`include/conf.d/part-${String(p).padStart(2, "0")}.conf`, text])),
      lines: keepalived.split("\n").length,
    },
  ].filter((s) => !only || s.name === only);
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
};

async function measure(scenario, dir) {
  for (const [path, text] of Object.entries(scenario.disk ?? {})) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(dir, scenario.file, ".."), { recursive: true });
  writeFileSync(join(dir, scenario.file), scenario.text);
  const uri = pathToFileURL(join(dir, scenario.file)).href;
  const textLines = scenario.text.split("\n");
  const lineCount = textLines.length;

  const child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  // The server's own CPU time (user + system, ms) from /proc: what a keystroke costs it, whatever
  // else the machine is doing. Wall times depend on that; on a shared machine, read both.
  const cpuMs = () => {
    try {
      const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      return NaN;
    }
  };
  const waiting = new Map();
  connection.onNotification("textDocument/publishDiagnostics", (params) => {
    if (params.uri !== uri) return;
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
  const diagnosticsFor = (version) => new Promise((resolve) => waiting.set(version, resolve));
  let version = 1;
  const change = async (range, text) => {
    version++;
    const ready = diagnosticsFor(version);
    await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return ready;
  };
  const at = (line, character) => ({ line, character });

  // A small file of the same language is open too: while the big one is opened and checked, a
  // hover there every 20 ms measures whether the big file's check holds up other requests.
  const other = pathToFileURL(join(dir, `other-${scenario.name}`, scenario.file.split("/").pop())).href;
  const otherText = scenario.languageId === "haproxy" ? "backend app\n    server a 10.0.0.1:80\n" : "vrrp_script chk {\n    script /bin/true\n}\n";
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri: other, languageId: scenario.languageId, version: 1, text: otherText } });
  await connection.sendRequest("textDocument/hover", { textDocument: { uri: other }, position: at(1, 6) });

  let start = performance.now();
  const opened = diagnosticsFor(1);
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: scenario.languageId, version: 1, text: scenario.text } });
  const otherHovers = [];
  let openDone = false;
  const hovering = (async () => {
    while (!openDone) {
      const sent = performance.now();
      await connection.sendRequest("textDocument/hover", { textDocument: { uri: other }, position: at(1, 6) });
      otherHovers.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  await opened;
  const openMs = performance.now() - start;
  openDone = true;
  await hovering;

  /** Opens a line in the middle, types it a keystroke at a time, then deletes it again. */
  const typeLine = async () => {
    const line = scenario.line;
    const result = { diagnostics: [], completion: [], hover: [], references: [], lenses: [], cpu: [] };
    const named = nearestName(line);
    await change({ start: at(line, 0), end: at(line, 0) }, "\n");
    const typed = scenario.typed.slice(0, keystrokes);
    for (let i = 0; i < typed.length; i++) {
      const cpuStart = cpuMs();
      start = performance.now();
      const ready = change({ start: at(line, i), end: at(line, i) }, typed[i]);
      const completionStart = performance.now();
      await connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: at(line, i + 1) });
      result.completion.push(performance.now() - completionStart);
      await ready;
      result.diagnostics.push(performance.now() - start);
      result.cpu.push(cpuMs() - cpuStart);
      const hoverStart = performance.now();
      await connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: at(line, 5) });
      result.hover.push(performance.now() - hoverStart);
      if (named) {
        const referencesStart = performance.now();
        await connection.sendRequest("textDocument/references", { textDocument: { uri }, position: named, context: { includeDeclaration: true } });
        result.references.push(performance.now() - referencesStart);
      }
      const lensesStart = performance.now();
      const lenses = (await connection.sendRequest("textDocument/codeLens", { textDocument: { uri } })) ?? [];
      await Promise.all(lenses.slice(0, 30).map((lens) => connection.sendRequest("codeLens/resolve", lens)));
      result.lenses.push(performance.now() - lensesStart);
    }
    await change({ start: at(line, 0), end: at(line + 1, 0) }, "");
    return result;
  };

  /** The name of the nearest line above `line` that names a backend or keepalived block. */
  const nearestName = (line) => {
    for (let l = line - 1; l >= 0; l--) {
      const found = /^(backend|vrrp_instance|vrrp_script|virtual_server_group) +(\S+)/.exec(textLines[l]);
      if (found) return at(l, found[1].length + 1);
    }
    return undefined;
  };

  const fresh = await typeLine();
  // Earlier edits all over the file: a character typed into a line and deleted again (the text is
  // the same afterwards, the server's pieces and caches are not), each one waited for.
  for (let k = 0; k < earlier / 2; k++) {
    const line = (k * 7919) % lineCount;
    const column = Math.min(4, textLines[line].length);
    await change({ start: at(line, column), end: at(line, column) }, "x");
    await change({ start: at(line, column), end: at(line, column + 1) }, "");
  }
  const after = await typeLine();
  await connection.sendRequest("shutdown");
  await connection.sendNotification("exit");
  return { openMs, otherHovers, fresh, after, lines: scenario.lines ?? lineCount };
}

const dir = mkdtempSync(join(os.tmpdir(), "lblint-bench-lsp-"));
const rows = [];
try {
  for (const scenario of scenarios()) {
    process.stderr.write(`  language server: ${scenario.label}...\n`);
    const result = await measure(scenario, dir);
    for (const [phase, values] of [
      ["fresh", result.fresh],
      [`after ${earlier} edits`, result.after],
    ]) {
      const cell = (list) => {
        const { median, p95 } = stats(list);
        return `${median.toFixed(1)} / ${p95.toFixed(1)}`;
      };
      const others = result.otherHovers;
      const during = phase === "fresh" ? `${stats(others).median.toFixed(0)} / ${Math.max(...others).toFixed(0)}` : "";
      rows.push([`${scenario.label} (${result.lines} lines)`, phase, phase === "fresh" ? result.openMs.toFixed(0) : "", during, cell(values.diagnostics), cell(values.cpu), cell(values.completion), cell(values.hover), values.references.length ? cell(values.references) : "", cell(values.lenses)]);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  `\nlblint-language-server over stdio: ${keystrokes} keystrokes into a line in the middle, before and after ${earlier} earlier edits; median / p95 in ms` +
    ` (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs; server CPU from /proc in 10 ms ticks)`,
);
const header = ["file", "phase", "open → diagnostics", "other file's hover meanwhile (median / max)", "keystroke → diagnostics", "server CPU", "completion", "hover", "references", "lenses"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
console.log(line(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const row of rows) console.log(line(row));
console.log("targets (issue 13): keystroke → diagnostics 50 / 100 ms; completion and hover 30 ms median");
