// Sample fetch, converter and ACL argument checks asked of haproxy 2.6.12, 3.0.11 and 3.2.26 at once
// (docs/agreement.md, "Sweeps at 3.0 and 3.2: sample arguments"). Each case is one line in a frontend
// (`http-request set-var(txn.x) EXPR`, or an `acl` line used by a rule); cases are batched many to a
// file, and a batch whose file is refused is run again without the lines it named until what is left
// passes, or run a line at a time (haproxy checks some things only once a file parses). Each
// release's verdict on the line is compared with lblint's errors on it at that target (3.4, lblint's
// default, against 3.2.26). Prints the disagreements, by target; with --all every verdict as JSON.
// Usage: node scripts/build.mjs --no-types && node scripts/oracle/haproxy-samples-later.mjs [--all] [--only=REGEX]
//   (RELEASES=3.0,3.2 asks only those; answers are kept in $TMPDIR/lblint-samples-later/cache.json, or SWEEP_DIR)
// The releases are the commands `haproxy`, `haproxy30` and `haproxy32` (HAPROXY26, HAPROXY30, HAPROXY32 override them).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
// LBLINT_MODULE: another build to compare (a copy of dist/ made before a change).
const lblint = await import(process.env.LBLINT_MODULE ?? join(ROOT, "dist/index.js"));
const schema = JSON.parse(readFileSync(join(ROOT, "dist/facts/haproxy.json"), "utf8"));
const RELEASES = [
  { version: "2.6", bin: process.env.HAPROXY26 ?? "haproxy", targets: ["2.6"] },
  { version: "3.0", bin: process.env.HAPROXY30 ?? "haproxy30", targets: ["3.0"] },
  { version: "3.2", bin: process.env.HAPROXY32 ?? "haproxy32", targets: ["3.2", "3.4"] },
].filter((release) => !process.env.RELEASES || process.env.RELEASES.split(",").includes(release.version));
const args = process.argv.slice(2);
const only = args.find((arg) => arg.startsWith("--only="))?.slice(7);
const dir = process.env.SWEEP_DIR ?? join(tmpdir(), "lblint-samples-later");
mkdirSync(dir, { recursive: true });
const cacheFile = join(dir, "cache.json");
const cache = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, "utf8")) : {};

// ---- cases -----------------------------------------------------------------------------------------

/** A fetch giving each converter input type. */
const INPUT = { str: "str(a)", bin: "bin(61)", sint: "int(1)", addr: "src", ipv4: "src", ipv6: "ipv6(::1)", bool: "bool(1)", meth: "method", any: "str(a)" };
/** Argument variants (those of the third round of sweeps at 2.6, and a variable, a word, a nested parenthesis). */
const VARIANTS = ["", "-1", "0", "+1", "05", "0x10", "1abc", "1.5", "2147483648", "4294967296", '"1"', "ABC", "-", "/", ":", "x", "txn.v", "1", "10.1.0.2.", "(a)", "a b"];

/** Expressions of the lblint tests of these rules (their «marks» removed): each measured at 2.6, now asked of 3.0 and 3.2. */
function testExpressions() {
  const found = new Set();
  const tests = join(ROOT, "test/rules");
  for (const name of readdirSync(tests)) {
    if (!/^HA0(68|19|63|80|82|04-sweeps3|64)/.test(name)) continue;
    const text = readFileSync(join(tests, name), "utf8");
    for (const match of text.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) {
      const value = match[1].replace(/\\"/g, '"').replace(/\\\\/g, "\\").replace(/[«»]/g, "");
      if (/^[a-z][a-z0-9_.-]*(\(.*\))?(,[a-z0-9_.-]+(\(.*\))?)*$/.test(value) && /[(,]/.test(value) && !/\s/.test(value)) found.add(value);
    }
  }
  return [...found];
}

/** The items each release's dump knows, with the counts 3.2's dump (else 2.6's) gives. */
function items(kind) {
  return schema[kind === "fetch" ? "fetches" : "converters"].filter((item) => (item.dumped?.["3.2"] || item.output !== undefined) && !item.name.includes("*") && !/^(51d|da-|wurfl)/.test(item.name));
}

function cases() {
  const list = [];
  const add = (group, expr, form = "set-var") => list.push({ group, expr, form });
  for (const expr of testExpressions()) add("tests", expr);
  for (const kind of ["fetch", "converter"]) {
    for (const item of items(kind)) {
      const spec = item.dumped?.["3.2"]?.args ?? item.args ?? { min: 0, max: 0 };
      const max = spec.max < 0 ? 3 : Math.min(spec.max, 3);
      const head = kind === "fetch" ? "" : `${INPUT[item.input] ?? "str(a)"},`;
      if (max === 0) {
        add(`${kind} ${item.name}`, `${head}${item.name}(1)`);
        add(`${kind} ${item.name}`, `${head}${item.name}()`);
        continue;
      }
      for (const variant of VARIANTS) add(`${kind} ${item.name}`, `${head}${item.name}(${variant})`);
      // The later positions after a first argument each release takes (found below, as `good`).
      for (let at = 1; at < max; at++) for (const variant of VARIANTS) add(`${kind} ${item.name}`, `${head}${item.name}(GOOD${",GOOD".repeat(at - 1)},${variant})`, `later ${at}`);
      add(`${kind} ${item.name}`, `${head}${item.name}(${Array(max + 1).fill("1").join(",")})`);
      add(`${kind} ${item.name}`, `${head}${item.name}((${"1"}))`);
    }
  }
  // ACL forms: a doubled parenthesis, match methods on each output type.
  for (const acl of ["hdr_beg((host)) foo", "hdr_beg(host) foo", "hdr_beg(host,1) foo", "hdr_beg(host,1,2) foo", "hdr((host)) foo", "res.hdr((content-type)) foo", "path_beg -m foo /a", "path -m beg /a", "src -m str 1", "src -m ip 10.0.0.1", "method -m ip 1.2.3.4", "ssl_fc -m ip 1.2.3.4", "req.len -m bool 1", "src -m int 1", "req.body -m int 1", "req.body -m ip 1.2.3.4", "path -m reg (", "path -i -m len 3", "url_param(a) -m found", "query(1) -m found", "sc_inc_gpc0((0)) -m int 1", "sc_get_gpc0(,) -m int 1"]) add("acl", acl, "acl");
  // Each matching method on a fetch of each output type (METHOD_REFUSES in keyword-words.ts).
  for (const fetch of ["ssl_fc", "req.len", "path", "req.body", "src", "dst", "ipv6(::1)", "method", "var(txn.v)", "str(a),ipmask(24)", "int(1),add(1)"]) {
    for (const method of ["ip", "int", "bool", "str", "beg", "end", "sub", "dir", "dom", "reg", "len", "found", "bin"]) add("acl methods", `${fetch} -m ${method} ${method === "found" ? "" : method === "bin" ? "61" : method === "ip" ? "10.0.0.1" : "1"}`, "acl");
  }
  // Casts: a fetch of each type before a converter of each input type (NO_CAST in converter-input.ts).
  for (const fetch of ["bool(1)", "int(1)", "str(a)", "bin(61)", "ipv4(10.0.0.1)", "ipv6(::1)", "method", "src"]) {
    for (const converter of ["iif(a,b)", "add(1)", "ltime(%Y)", "lower", "hex", "ipmask(24)"]) add("casts", `${fetch},${converter}`);
  }
  // Stick counter actions and set-timeout, read at 2.6 only until now (action-words.ts).
  for (const action of ["sc-inc-gpc0(0)", "sc-inc-gpc0((0))", "sc-inc-gpc0(,)", "sc-inc-gpc0()", "sc-inc-gpc0(2)", "sc-inc-gpc0(3)", "sc-inc-gpc0(11)", "sc-inc-gpc0(12)", "sc-inc-gpc0(0,1)", "sc-inc-gpc0(1abc)", "sc-inc-gpc0(-1)", "sc-inc-gpc0(4294967296)", "sc-inc-gpc0(0),lower(", "sc-inc-gpc0(0))", "sc-inc-gpc1(0)", "sc-inc-gpc(0,1)", "sc-inc-gpc(0)", "sc-inc-gpc", "sc-inc-gpc(0,1,)", "sc-inc-gpc(0x1,0)", "sc-inc-gpc(0,3)", "sc-inc-gpc(1,(0))", "sc-set-gpt0(0) 1", "sc-set-gpt0(3) 1", "sc-set-gpt0(0,1) 1", "sc-set-gpt(0,0) 1", "sc-set-gpt(0) 1", "sc-set-gpt 1", "sc-set-gpt0((0)) 1", "sc-set-gpt0(,) 1", "sc-add-gpc(0,0) 1", "sc-add-gpc(0) 1", "set-timeout server 5s", "set-timeout tunnel 5s", "set-timeout client 5s", "set-timeout server 0", "set-timeout server int(5)", "set-timeout connect 5s", "set-timeout queue 5s", "set-timeout tarpit 5s"]) add("action", action, "action");
  return only ? list.filter((item) => new RegExp(only).test(item.group) || new RegExp(only).test(item.expr)) : list;
}

// ---- files -----------------------------------------------------------------------------------------

const HEAD = ["defaults", "    mode http", "    timeout client 5s", "    timeout server 5s", "    timeout connect 5s", "frontend f", "    bind :18080", "    stick-table type ip size 1k store gpc0,gpt0,http_req_rate(10s)"];
const TAIL = ["    default_backend b", "backend b", "    stick-table type ip size 1k store gpc0,gpt0,http_req_rate(10s)", "    server s 127.0.0.1:80"];

function caseLines(item, index) {
  if (item.form === "action") return [`    http-request ${item.expr}`];
  if (item.form === "acl") return [`    acl a${index} ${item.expr}`, `    http-request deny if a${index}`];
  return [`    http-request set-var(txn.x${index}) ${item.expr}`];
}

/** A file of the cases, and the line each case's first line is on. */
function file(batch) {
  const lines = [...HEAD];
  const at = [];
  batch.forEach((item, index) => {
    at.push(lines.length + 1);
    lines.push(...caseLines(item, index));
  });
  return { text: [...lines, ...TAIL].join("\n") + "\n", at };
}

function run(bin, text) {
  const key = createHash("sha1").update(`${bin}\0${text}`).digest("hex");
  if (cache[key]) return cache[key];
  const path = join(dir, "case.cfg");
  writeFileSync(path, text);
  const out = spawnSync(bin, ["-c", "-dr", "-f", path], { encoding: "utf8", timeout: 30_000 });
  const alerts = `${out.stdout}${out.stderr}`.split("\n").filter((line) => line.includes("[ALERT]")).map((line) => line.replace(/^.*?\] : /, ""));
  return (cache[key] = { code: out.status, alerts });
}

const lineOf = (alert) => Number(/case\.cfg:(\d+)\]/.exec(alert)?.[1] ?? NaN);

/** Each case's verdict from one release: the alerts naming its lines ([] for a pass). */
function verdicts(bin, batch) {
  const result = new Map();
  let left = batch;
  for (let round = 0; left.length && round < 6; round++) {
    const { text, at } = file(left);
    const out = run(bin, text);
    if (out.code === 0 || out.code === 2) {
      for (const item of left) result.set(item, []);
      return result;
    }
    const named = new Map();
    for (const alert of out.alerts) {
      const line = lineOf(alert);
      const index = at.findIndex((first, i) => line >= first && line < (at[i + 1] ?? first + 2));
      if (index >= 0) named.set(left[index], [...(named.get(left[index]) ?? []), alert]);
    }
    if (!named.size) break;
    for (const [item, alerts] of named) result.set(item, alerts);
    left = left.filter((item) => !named.has(item));
  }
  // What is left of a batch that still fails without naming a line (haproxy checks some things only
  // once a file parses): halves of it, down to a case at a time.
  const split = (part) => {
    const out = run(bin, file(part).text);
    if (out.code === 0 || out.code === 2) return part.forEach((item) => result.set(item, []));
    if (part.length === 1) return result.set(part[0], out.alerts.length ? out.alerts : ["(refused)"]);
    split(part.slice(0, part.length >> 1));
    split(part.slice(part.length >> 1));
  };
  const rest = left.filter((item) => !result.has(item));
  if (rest.length) split(rest);
  saveCache();
  return result;
}

let saved = Date.now();
function saveCache(force = false) {
  if (!force && Date.now() - saved < 30_000) return;
  writeFileSync(cacheFile, JSON.stringify(cache));
  saved = Date.now();
}

function lblintErrors(item, version) {
  const { text, at } = file([item]);
  const problems = lblint.lint(lblint.parseHaproxy(text), { haproxyVersion: version }, "file:///case.cfg");
  const last = at[0] + caseLines(item, 0).length - 1;
  return problems.filter((p) => p.severity === "error" && p.range.start.line + 1 >= at[0] && p.range.start.line + 1 <= last).map((p) => `${p.ruleId} ${p.message}`);
}

// ---- the sweep -------------------------------------------------------------------------------------

let all = cases();
// A first argument each release takes, for the later positions (`GOOD`): from the first-position variants.
const first = all.filter((item) => !item.form.startsWith("later"));
const byRelease = new Map();
for (const release of RELEASES) {
  const verdict = new Map();
  for (let start = 0; start < first.length; start += 150) for (const [item, alerts] of verdicts(release.bin, first.slice(start, start + 150))) verdict.set(item, alerts);
  byRelease.set(release, verdict);
}
const good = new Map();
for (const item of first) {
  const match = /^(?:[^,(]*\([^)]*\),)?([a-z0-9_.-]+)\((.*)\)$/.exec(item.expr);
  if (!match || good.has(`${item.group}`) || match[2] === "" || match[2].includes(",")) continue;
  if (RELEASES.every((release) => byRelease.get(release).get(item).length === 0)) good.set(item.group, match[2]);
}
const later = all
  .filter((item) => item.form.startsWith("later"))
  .flatMap((item) => (good.has(item.group) ? [{ ...item, expr: item.expr.replaceAll("GOOD", good.get(item.group)) }] : []));
for (const release of RELEASES) {
  const verdict = byRelease.get(release);
  for (let start = 0; start < later.length; start += 150) for (const [item, alerts] of verdicts(release.bin, later.slice(start, start + 150))) verdict.set(item, alerts);
}
saveCache(true);
all = [...first, ...later];

const rows = [];
const disagreements = {};
for (const item of all) {
  const row = { group: item.group, expr: item.expr, form: item.form };
  for (const release of RELEASES) {
    const alerts = byRelease.get(release).get(item);
    row[release.version] = alerts.length ? alerts[0].replace(/^parsing \[[^\]]*\] : /, "").slice(0, 220) : "";
    for (const target of release.targets) {
      const errors = lblintErrors(item, target);
      row[`lblint ${target}`] = errors[0]?.slice(0, 160) ?? "";
      const kind = alerts.length && !errors.length ? "miss" : !alerts.length && errors.length ? "false error" : undefined;
      if (kind) (disagreements[`${target} ${kind}`] ??= []).push(`${item.expr}${item.form === "acl" ? " (acl)" : ""}  |  ${alerts.length ? row[release.version] : errors[0]}`);
    }
  }
  rows.push(row);
}
if (args.includes("--all")) console.log(JSON.stringify(rows, null, 1));
else {
  for (const [key, list] of Object.entries(disagreements)) console.log(`\n== ${key}: ${list.length}\n${list.join("\n")}`);
  console.log(`\n${all.length} cases; ${Object.entries(disagreements).map(([key, list]) => `${key} ${list.length}`).join(", ")}`);
}
