// Sweeps of lblint's argument checks of directives, actions and bind/server options at the later
// targets: each case (a few lines in a proxy, the global section or another section) goes through
// haproxy 2.6.12, 3.0.11 and 3.2.26 (`haproxy`, `haproxy30`, `haproxy32`: docs/agreement.md, "Later
// releases as oracles") and through lblint at 2.6, 3.0, 3.2 and 3.4 (3.4 judged by 3.2's verdict).
// A case haproxy refuses on its lines that lblint has no error for is a MISS; one haproxy takes
// that lblint has an error for is a FALSE (a warning of haproxy's counts as taken). Cases come from
// the modules named on the command line (each exports `cases`, a list of { name, section, lines,
// [global], [before], [after] }), by default scripts/oracle/haproxy-sweep-later-cases.mjs.
// Usage: node scripts/build.mjs && node scripts/oracle/haproxy-sweep-later.mjs [--all] [--only TEXT] [CASES.mjs…]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// LBLINT_DIST: another build's dist/index.js (the one a round started from, for before → after figures).
const lblint = await import(process.env.LBLINT_DIST ? new URL(`file://${process.env.LBLINT_DIST}`).href : new URL("../../dist/index.js", import.meta.url).href);
const args = process.argv.slice(2);
const all = args.includes("--all");
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const modules = args.filter((arg, i) => arg.endsWith(".mjs") && args[i - 1] !== "--only");
const cases = [];
for (const module of modules.length ? modules : [new URL("./haproxy-sweep-later-cases.mjs", import.meta.url).pathname]) {
  cases.push(...(await import(new URL(`file://${resolve(module)}`).href)).cases);
}
const chosen = only ? cases.filter((c) => c.name.includes(only) || c.lines.join("\n").includes(only)) : cases;

const DAEMONS = [
  ["2.6", "haproxy"],
  ["3.0", "haproxy30"],
  ["3.2", "haproxy32"],
];

/** The case's file and the lines (1-based) its own lines take. */
function configOf(c) {
  const global = ["global", ...(c.global ?? []).map((l) => `    ${l}`)];
  const defaults = ["defaults", "    mode http", "    timeout client 5s", "    timeout server 5s", "    timeout connect 5s"];
  const head = [...global, ...defaults, ...(c.before ?? [])];
  if (c.section === "global") {
    const lines = ["global", ...c.lines.map((l) => `    ${l}`)];
    const text = [...lines, ...(c.global ?? []).map((l) => `    ${l}`), ...defaults, ...(c.before ?? []), "backend be", "    server s 127.0.0.1:80", ...(c.after ?? [])].join("\n") + "\n";
    return { text, first: 2, last: 1 + c.lines.length };
  }
  const header = c.header ?? `${c.section} sut`;
  const bind = c.section === "frontend" || c.section === "listen" ? (c.bind === undefined ? ["    bind :18080"] : c.bind.map((l) => `    ${l}`)) : [];
  const body = [header, ...bind];
  const first = head.length + body.length + 1;
  const tail = ["backend be", "    stick-table type ip size 1k", "    server s 127.0.0.1:80", ...(c.after ?? [])];
  const text = [...head, ...body, ...c.lines.map((l) => `    ${l}`), ...tail].join("\n") + "\n";
  return { text, first, last: first + c.lines.length - 1 };
}

function run(command, file) {
  return new Promise((done) => {
    const child = spawn(command, ["-c", "-dr", "-f", file], { cwd: tmpdir() });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => done({ code, out }));
  });
}

/** haproxy's verdict on the case: refused (exit 1), warned on its lines, or ok; with its first message. */
function verdictOf({ code, out }, name, first, last) {
  const messages = out.split("\n").filter((l) => /\[(ALERT|WARNING)\]/.test(l));
  const onCase = (l) => {
    const at = new RegExp(`${name.replace(/\./g, "\\.")}:(\\d+)`).exec(l);
    return at && Number(at[1]) >= first && Number(at[1]) <= last;
  };
  const alerts = messages.filter((l) => l.includes("[ALERT]"));
  const warnings = messages.filter((l) => l.includes("[WARNING]") && onCase(l));
  const say = (l) => l?.replace(/^.*?\] *: */, "").replace(/\s+/g, " ").slice(0, 160) ?? "";
  if (code !== 0 && code !== 2) return { state: "refused", says: say(alerts.find(onCase) ?? alerts.find((l) => !/Fatal errors found|Error\(s\) found/.test(l)) ?? alerts[0]) };
  if (warnings.length) return { state: "warned", says: say(warnings[0]) };
  return { state: "ok", says: "" };
}

function lblintOf(text, version, first, last) {
  const problems = lblint.lint(lblint.parseHaproxy(text), { haproxyVersion: version }, "file:///sweep.cfg");
  const mine = problems.filter((p) => p.range.start.line + 1 >= first && p.range.start.line + 1 <= last);
  const error = mine.find((p) => p.severity === "error");
  const warning = mine.find((p) => p.severity === "warning");
  return error ? { state: "error", says: `${error.ruleId} ${error.message}` } : warning ? { state: "warning", says: `${warning.ruleId} ${warning.message}` } : { state: "none", says: "" };
}

const work = mkdtempSync(join(tmpdir(), "lblint-sweep-later-"));
const results = [];
let next = 0;
async function worker() {
  while (next < chosen.length) {
    const index = next++;
    const c = chosen[index];
    const { text, first, last } = configOf(c);
    const name = `case${index}.cfg`;
    const file = join(work, name);
    writeFileSync(file, text);
    const daemons = {};
    for (const [version, command] of DAEMONS) daemons[version] = verdictOf(await run(command, file), name, first, last);
    const lints = {};
    for (const version of ["2.6", "3.0", "3.2", "3.4"]) lints[version] = lblintOf(text, version, first, last);
    results[index] = { c, daemons, lints };
  }
}
await Promise.all([worker(), worker(), worker()]);
rmSync(work, { recursive: true, force: true });

const tally = { miss: 0, false: 0 };
for (const { c, daemons, lints } of results) {
  const flags = [];
  for (const version of ["2.6", "3.0", "3.2", "3.4"]) {
    const daemon = daemons[version === "3.4" ? "3.2" : version];
    if (daemon.state === "refused" && lints[version].state !== "error") flags.push(`MISS@${version}`);
    if (daemon.state !== "refused" && lints[version].state === "error") flags.push(`FALSE@${version}`);
  }
  if (flags.some((f) => f.startsWith("MISS"))) tally.miss++;
  if (flags.some((f) => f.startsWith("FALSE"))) tally.false++;
  if (!all && flags.length === 0) continue;
  const d = DAEMONS.map(([v]) => `${v}:${daemons[v].state[0]}`).join(" ");
  const l = ["2.6", "3.0", "3.2", "3.4"].map((v) => `${v}:${lints[v].state[0]}`).join(" ");
  console.log(`${flags.join(",") || "agree"}\t[${c.name}] ${c.section}: ${c.lines.join(" ⏎ ")}\n\thaproxy ${d} | lblint ${l}`);
  let last = "";
  for (const [v] of DAEMONS) {
    if (daemons[v].says && daemons[v].says !== last) console.log(`\t  haproxy ${v}: ${daemons[v].says}`);
    last = daemons[v].says;
  }
  const lsays = [...new Set(["2.6", "3.2"].map((v) => lints[v].says).filter(Boolean))];
  for (const s of lsays) console.log(`\t  lblint: ${s.slice(0, 200)}`);
}
console.log(`${results.length} cases; with a miss: ${tally.miss}; with a false error: ${tally.false}`);
