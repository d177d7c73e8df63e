// A sweep of value forms at keepalived 2.3.3 (docs/agreement.md, "keepalived 2.3.3 as an oracle"):
// every keyword of lblint's tree that takes values, in a minimal block of its kind, given a good value
// for its shape and variants of it (0, -1, 1.5, .5, 0x10, 1abc, 2^32, a word, on, nothing, a second
// word). Each case is asked of keepalived 2.2.7 and 2.3.3 (`keepalived23`), many cases a file, each in
// a block of its own, in a network namespace with eth0 and eth1; a fatal error cuts the file and the
// rest is asked again. lblint is run at 2.2 and at 2.3 on the same files. Prints, per case line: where
// 2.3.3 answers otherwise than 2.2.7, and where lblint at 2.3 disagrees with 2.3.3 (an error where 2.3.3
// says nothing; no finding where 2.3.3 has a message on the line).
//   node scripts/build.mjs --no-types && node scripts/oracle/keepalived23-values.mjs [--only BLOCK] [--json FILE]
import { writeFileSync, readFileSync } from "node:fs";
import { CONTEXTS } from "../gen-schema/keepalived-probe.mjs";
import { daemon, dropMachines, lintAt } from "./keepalived23.mjs";

const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const only = option("--only", undefined);
const schema = JSON.parse(readFileSync(new URL("../../dist/facts/keepalived.json", import.meta.url), "utf8"));

/** A value keepalived takes for a shape (the first word's). */
function good(shape) {
  if (!shape) return "x";
  const [kind, rest] = [shape.replace(/:.*/, ""), shape.includes(":") ? shape.slice(shape.indexOf(":") + 1) : ""];
  switch (kind) {
    case "int":
    case "number": {
      const low = rest ? Number(rest.split("..")[0]) : 1;
      return String(Math.max(low, 1));
    }
    case "bool":
      return "true";
    case "enum":
      return rest.split("|")[0];
    case "ip":
    case "ip4":
    case "addr":
      return "10.9.0.1";
    case "ip6":
      return "fe80::1";
    case "cidr":
      return "10.9.0.0/24";
    case "port":
      return "80";
    case "hex":
      return "0x10";
    case "umask":
      return "022";
    case "file":
      return "/tmp/lblint-ka23-file";
    case "command":
      return "/bin/true";
    default:
      return "x";
  }
}
const VARIANTS = ["0", "-1", "1.5", ".5", "0x10", "1abc", "4294967296", "word", "on", "", "SECOND"];

/**
 * The probe's contexts, with what keepalived needs to read the case at all: 2.2.7 crashes (SIGSEGV)
 * on an HTTP_GET or SSL_GET without a url, which loses every message of the file's checkers.
 */
const CONTEXT = { ...CONTEXTS, vrrp_script: 'vrrp_script S {\n script "/bin/true"\n%\n}' };
for (const check of ["HTTP_GET", "SSL_GET"]) {
  CONTEXT[`virtual_server>real_server>${check}`] = `virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n  ${check} {\n%\n   url {\n    path /\n   }\n  }\n }\n}`;
  CONTEXT[`virtual_server>real_server>${check}>url`] = `virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n  ${check} {\n   url {\n%\n   }\n  }\n }\n}`;
}

/** Each case: a block id, a keyword and the text after it. */
const cases = [];
for (const [id, block] of Object.entries(schema.blocks)) {
  if (!CONTEXT[id] || !block.keywords || (only && id !== only)) continue;
  for (const keyword of Object.values(block.keywords)) {
    if (keyword.block || /^include/.test(keyword.name) || keyword.args?.max === 0) continue;
    const shape = keyword.args?.shapes?.[0];
    const value = good(shape);
    for (const variant of [value, ...VARIANTS]) {
      const text = variant === "SECOND" ? `${value} ${value}` : variant;
      if (variant !== value && text === value) continue;
      cases.push({ block: id, keyword: keyword.name, value: text });
    }
  }
}

/** One case's block, named apart from the others (n), and the line of the case inside it. */
function render(c, n) {
  let context = CONTEXT[c.block];
  context = context
    .replace("VI_1", `VI_${n}`)
    .replace("virtual_router_id 1\n", `virtual_router_id ${(n % 255) + 1}\n`)
    .replace("vrrp_sync_group G", `vrrp_sync_group G_${n}`)
    .replace("vrrp_script S", `vrrp_script S_${n}`)
    .replace("vrrp_track_process P", `vrrp_track_process P_${n}`)
    .replace(/(vrrp_track_file|track_file) F/, `$1 F_${n}`)
    .replace("bfd_instance B", `bfd_instance B_${n}`)
    .replace("track_group T", `track_group T_${n}`)
    .replace("virtual_server 10.0.0.1 80", `virtual_server 10.${Math.floor(n / 250) + 1}.${n % 250}.1 80`);
  const before = context.slice(0, context.indexOf("%"));
  return { text: context.replace("%", `${c.keyword}${c.value === "" ? "" : ` ${c.value}`}`), offset: before.split("\n").length - 1 };
}

/** Asks a daemon about cases, a file at a time; a fatal error (exit 2: nothing after it is read) cuts the file and the rest is asked again. */
function ask(command, list) {
  const answers = new Map();
  let rest = list.map((c, index) => ({ c, index }));
  while (rest.length > 0) {
    const batch = rest.slice(0, 120);
    const parts = [];
    let line = 1;
    const lineOf = [];
    for (const { c, index } of batch) {
      const { text, offset } = render(c, index);
      lineOf.push(line + offset);
      parts.push(text);
      line += text.split("\n").length;
    }
    const answer = daemon(command, `${parts.join("\n")}\n`);
    let stoppedAt = batch.length;
    // A missing parameter ends the reading (in a checker or BFD child the parent's status may not say so).
    const fatalLines = answer.messages.filter((m) => m.includes("is missing a parameter")).map((m) => /Line (\d+)\)/.exec(m)).filter(Boolean);
    if (answer.rc === 2 || fatalLines.length > 0) {
      const fatal = (fatalLines.length > 0 ? fatalLines : answer.messages.map((m) => /Line (\d+)\)/.exec(m)).filter(Boolean)).map((m) => Number(m[1]));
      const last = Math.max(...fatal, 0);
      stoppedAt = lineOf.findIndex((at) => at > last);
      if (stoppedAt === -1) stoppedAt = batch.length;
      if (stoppedAt === 0) stoppedAt = 1;
    }
    batch.slice(0, stoppedAt).forEach(({ index }, k) => answers.set(index, { messages: answer.byLine.get(lineOf[k]) ?? [], fatal: k === stoppedAt - 1 && stoppedAt < batch.length }));
    rest = rest.slice(stoppedAt);
  }
  return answers;
}

function lintAll(list, version) {
  const found = new Map();
  for (let start = 0; start < list.length; start += 120) {
    const parts = [];
    const lineOf = [];
    let line = 1;
    for (let index = start; index < Math.min(start + 120, list.length); index++) {
      const { text, offset } = render(list[index], index);
      lineOf.push([index, line + offset]);
      parts.push(text);
      line += text.split("\n").length;
    }
    const problems = lintAt(`${parts.join("\n")}\n`, version);
    // Findings that start on the case's line: a block's findings (on its header, or over all of it) are not the case's.
    for (const [index, at] of lineOf) found.set(index, problems.filter((p) => p.line === at));
  }
  return found;
}

const d22 = ask("keepalived", cases);
const d23 = ask("keepalived23", cases);
const l22 = lintAll(cases, "2.2");
const l23 = lintAll(cases, "2.3");

// A case lblint disagrees on is asked again alone: in a file of many blocks keepalived sometimes loses a
// child process's messages (the BFD and checker processes print on their own).
const alone = (c, index) => {
  const { text, offset } = render(c, index);
  return daemon("keepalived23", `${text}\n`).byLine.get(offset + 1) ?? [];
};
cases.forEach((c, index) => {
  const said = d23.get(index)?.messages ?? [];
  const found = l23.get(index) ?? [];
  if ((said.length === 0 && found.some((p) => p.severity === "error")) || (said.length > 0 && found.length === 0)) d23.set(index, { messages: alone(c, index) });
});
dropMachines();

const strip = (messages) => messages.map((m) => m.replace(/^\(.*?Line \d+\)\s*/, "").replace(/VI_\d+|G_\d+|S_\d+|P_\d+|F_\d+|B_\d+|T_\d+/g, "X").replace(/10\.\d+\.\d+\.1/g, "VS"));
const rows = { differ: [], falseError: [], miss: [] };
cases.forEach((c, index) => {
  const a22 = strip(d22.get(index)?.messages ?? []);
  const a23 = strip(d23.get(index)?.messages ?? []);
  const f23 = l23.get(index) ?? [];
  const f22 = l22.get(index) ?? [];
  const label = `${c.block} | ${c.keyword} ${c.value}`;
  if (a22.join(" / ") !== a23.join(" / ")) rows.differ.push(`${label}\n    2.2.7: ${a22.join(" / ") || "(nothing)"}\n    2.3.3: ${a23.join(" / ") || "(nothing)"}\n    lblint 2.2: ${f22.map((p) => `${p.rule} ${p.severity}`).join(", ") || "-"}; 2.3: ${f23.map((p) => `${p.rule} ${p.severity}: ${p.message.slice(0, 90)}`).join(", ") || "-"}`);
  if (a23.length === 0 && f23.some((p) => p.severity === "error")) rows.falseError.push(`${label}: ${f23.filter((p) => p.severity === "error").map((p) => `${p.rule} ${p.message.slice(0, 100)}`).join(" | ")}`);
  if (a23.length > 0 && f23.length === 0) rows.miss.push(`${label}: ${a23.join(" / ")}`);
});
console.log(`${cases.length} cases; 2.2.7 and 2.3.3 answer differently on ${rows.differ.length}; lblint at 2.3: ${rows.falseError.length} errors where 2.3.3 says nothing, ${rows.miss.length} cases without a finding where 2.3.3 has a message`);
console.log("\n== 2.2.7 and 2.3.3 differ");
for (const row of rows.differ) console.log(row);
console.log("\n== lblint error at 2.3, 2.3.3 quiet");
for (const row of rows.falseError) console.log(row);
console.log("\n== 2.3.3 message, no lblint finding at 2.3");
for (const row of rows.miss) console.log(row);
const json = option("--json", undefined);
if (json) writeFileSync(json, JSON.stringify(rows, null, 1));
