// Mutation agreement: how lblint does on configurations nobody wrote. Each corpus file haproxy
// accepts without a word, and every keepalived file (keepalived reads on after each problem, so a
// new message is the mutation's), is changed in one place (a keyword misspelt, a last argument dropped, a
// number made wrong, a line moved, doubled or dropped, a brace dropped, a quote left open, a reference
// renamed, a comment in another language's style, a word after the last argument); the daemon labels the
// result, and lblint (at haproxy 2.6 / keepalived 2.2, like the daemons here) is compared with it.
// Prints, per format: mutations the daemon refuses or reports, those lblint misses, those it
// reports only as warnings, and its errors on mutations the daemon accepts; then each miss.
// haproxy files also get kinds of their own (scripts/mutations-haproxy.mjs), each file from a stream of
// its own (the seed and its name), so that a kind added changes no other file's mutations. The
// seventh round's kinds (scripts/mutations-round7.mjs: a keyword out of place, edge numbers, numbers
// written otherwise, wrong addresses, quotes, odd blanks, names used twice, negated options, case, a
// `}` moved) come after, each kind from a stream of its own (seed, file, kind), and then the eighth
// round's (scripts/mutations-round8.mjs: sample arguments and converters, ACL flags, conditions, bind
// and server option values, keepalived sibling blocks, tracked scripts, VIP options, LVS values,
// notify scripts, includes, quorum), likewise, and then the ninth round's (scripts/mutations-round9.mjs:
// `.if` blocks, a name renamed where it is defined, a neighbour's value, range edges of options, a section
// or block copied, `defaults … from` typos, a keepalived block moved into the wrong parent), and the tenth's
// (scripts/mutations-round10.mjs: lines joined, split or glued, `_` for `-`, fetches renamed, actions of the
// other direction, flags after the pattern, server values of the wrong kind, stick-tables, status codes,
// removed 1.x keywords, keepalived's last `}`, a `{` on its own line, virtual/real server addresses), and the
// eleventh's (scripts/mutations-round11.mjs: a word written twice, IPv6 addresses, a quote opened mid-line,
// units on numbers, a second value, a `{`/`}` written twice, block keywords near-missed, `auth_pass`, script arguments),
// and the twelfth's (scripts/mutations-round12.mjs: conditions cut short, sample syntax, flags given values, `timeout`
// names, action arguments, stick counters, keepalived server heads, check connections, VIP prefixes, sync groups, unicast peers),
// and the thirteenth's (scripts/mutations-round13.mjs, keepalived only: numbers written with decimals, variables, keywords of
// later releases, an owner's settings, interface values, script security settings), and haproxy's fourteenth
// (scripts/mutations-round14-haproxy.mjs: TLS settings, HTTP action arguments, resolvers, userlists, caches, balance, ACL matches),
// and haproxy's fifteenth (scripts/mutations-round15-haproxy.mjs: captures, server templates, monitor and forwardfor options,
// hashing and reuse, backend references, mailers and email alerts, stats lines, cookie persistence),
// and haproxy's sixteenth (scripts/mutations-round16-haproxy.mjs: tune settings, TLS defaults, threads, rings and
// log-forward sections, log format strings, stick rules, the process's own settings),
// and keepalived's fourteenth and fifteenth (scripts/mutations-round14.mjs, scripts/mutations-round15.mjs: group and fwmark
// virtual servers, BFD, global_defs, unicast sources, sync group members, real server and vrrp_script settings),
// and keepalived's sixteenth (scripts/mutations-round16.mjs: MISC/SMTP/DNS checkers and checkers' common fields, tracked
// interfaces and groups, VIP options, preemption, persistence and schedulers).
// Usage: node scripts/build.mjs && node scripts/mutations.mjs [--seed N] [--per-file N] [--format haproxy|keepalived]
//   [--only PART-OF-A-FILE-NAME] [--dump DIR (each mutated text, to replay by hand)] [--json FILE]
//   [--files DIR[,DIR…] (real files outside the corpus: DIR/haproxy/*, DIR/keepalived/*)] [--round7 N (0: without the
//   seventh round's kinds)] [--round8 N (likewise the eighth round's: scripts/mutations-round8.mjs)] [--round9 N] [--round10 N] [--round11 N] [--round12 N] [--round13 N]
//   [--round13-haproxy N (the thirteenth round's haproxy kinds: scripts/mutations-round13-haproxy.mjs)]
//   [--round14 N (the fourteenth round's keepalived kinds: scripts/mutations-round14.mjs: url blocks, checker fields,
//   virtual_server settings, garp timing, routes and rules, track_file/track_process blocks, VMAC, notify FIFOs)]
//   [--round14-haproxy N (the fourteenth round's haproxy kinds: scripts/mutations-round14-haproxy.mjs)]
//   [--round15-haproxy N (the fifteenth round's haproxy kinds: scripts/mutations-round15-haproxy.mjs)]
//   [--round16-haproxy N (the sixteenth round's haproxy kinds: scripts/mutations-round16-haproxy.mjs)]
//   [--round15 N (the fifteenth round's keepalived kinds: scripts/mutations-round15.mjs: virtual_server_group entries, fwmark
//   servers, bfd_instance blocks and their trackers, global_defs settings, unicast sources and TTLs, sync group members, real
//   server settings, vrrp_script fields)]
//   [--round16 N (the sixteenth round's keepalived kinds: scripts/mutations-round16.mjs: MISC_CHECK, SMTP_CHECK and DNS_CHECK
//   fields, checkers' common fields, track_interface and track_group weights, VIP options, preemption and garp settings,
//   virtual server persistence and schedulers)]
//   [--before OTHER/dist/index.js (a second build on the same mutations)]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { haproxyMutations } from "./mutations-haproxy.mjs";
import { dropMachine, inMachine, machineFor, otherFiles } from "./mutations-files.mjs";
import { keepalivedMutations } from "./mutations-keepalived.mjs";
import { haproxyRound7, keepalivedRound7 } from "./mutations-round7.mjs";
import { haproxyRound8, keepalivedRound8 } from "./mutations-round8.mjs";
import { haproxyRound9, keepalivedRound9 } from "./mutations-round9.mjs";
import { haproxyRound10, keepalivedRound10 } from "./mutations-round10.mjs";
import { haproxyRound11, keepalivedRound11 } from "./mutations-round11.mjs";
import { haproxyRound12, keepalivedRound12 } from "./mutations-round12.mjs";
import { haproxyRound13, keepalivedRound13 } from "./mutations-round13.mjs";
import { haproxyRound13 as haproxyRound13Kinds } from "./mutations-round13-haproxy.mjs";
import { keepalivedRound14 } from "./mutations-round14.mjs";
import { haproxyRound14 } from "./mutations-round14-haproxy.mjs";
import { haproxyRound15 } from "./mutations-round15-haproxy.mjs";
import { haproxyRound16 } from "./mutations-round16-haproxy.mjs";
import { keepalivedRound15 } from "./mutations-round15.mjs";
import { keepalivedRound16 } from "./mutations-round16.mjs";

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const CORPUS = process.env.LBLINT_CORPUS ?? new URL("../../shared/corpus", import.meta.url).pathname;
// LBLINT_DIST: another build to compare (its dist/index.js), such as the one a round started from.
const lblint = await import(process.env.LBLINT_DIST ? new URL(`file://${process.env.LBLINT_DIST}`).href : new URL("../dist/index.js", import.meta.url).href);
// --before PATH/TO/dist/index.js: another build linted on the same mutations, for before → after figures from one daemon pass.
const beforeOption = option("--before", undefined);
const lblintBefore = beforeOption ? await import(new URL(`file://${beforeOption}`).href) : undefined;
const config = { haproxyVersion: "2.6", keepalivedVersion: "2.2" };
const firstSeed = Number(option("--seed", "1"));
let seed = firstSeed;
/** The start of a haproxy file's own stream. keepalived files share one stream, as before haproxy's got theirs. */
const seedFor = (name) => [...name].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) % 2147483648, firstSeed);
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (list) => list[Math.floor(random() * list.length)];
const work = mkdtempSync(join(tmpdir(), "lblint-mutations-"));
// Stopped early, the run still removes its network namespace and its files.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    dropMachine();
    rmSync(work, { recursive: true, force: true });
    process.exit(130);
  });
}

/** The daemon's complaints about a text: haproxy's alerts, keepalived's messages (its checker process may print after the parent exits). */
function daemon(format, text) {
  const file = join(work, format === "haproxy" ? "m.cfg" : "m.conf");
  writeFileSync(file, text);
  const command = format === "haproxy" ? 'haproxy -c -dr -f "$1"' : `${inMachine()}keepalived -t -f "$1" -l -D`;
  const run = spawnSync("sh", ["-c", `{ ${command} 2>&1; echo "daemon-exit=$?"; } | cat`, "sh", file], { cwd: work, encoding: "utf8", timeout: 20_000 });
  const exit = Number(/daemon-exit=(\d+)/.exec(run.stdout)?.[1] ?? -1);
  const lines = run.stdout.split("\n").filter((line) => (format === "haproxy" ? line.includes("[ALERT]") : line.trim() !== "" && !line.startsWith("daemon-exit=")));
  return { exit, lines, complains: exit !== 0 || lines.length > 0, first: lines[0] ?? `exit ${exit}` };
}

/** A keepalived message without what a moved line or a renamed block changes in it (its line number, the file name, the mutation's `_x` / `_copy`). */
const normalised = (line) => line.replace(/\(.*?: Line \d+\)/, "(Line)").replace(/Line \d+/g, "Line").replace(/(?<=\w)(_x|_copy)\b/g, "");

/**
 * Whether the daemon complains about the mutation. haproxy: any alert, on files it accepted. keepalived
 * goes on after every problem, so any file will do: a message the original did not get.
 */
function complainsMore(format, base, mutated) {
  if (format === "haproxy") return mutated.complains;
  const before = new Set(base.lines.map(normalised));
  return mutated.lines.some((line) => !before.has(normalised(line))) || (base.exit === 0 && mutated.exit !== 0);
}

function findings(format, text, linter = lblint) {
  return linter.lint(linter.parseText(format, text), config).filter((problem) => problem.severity !== "info");
}

/** The errors and warnings `linter` gives the mutated text that it does not give the original. */
function freshCounts(format, mutated, baseKeys, linter) {
  const fresh = findings(format, mutated, linter).filter((p) => !baseKeys.has(`${p.ruleId} ${p.message}`));
  return { errors: fresh.filter((p) => p.severity === "error").length, warnings: fresh.filter((p) => p.severity === "warning").length };
}

const statementLines = (lines, test) => lines.map((line, index) => [line, index]).filter(([line]) => !/^\s*#/.test(line) && test(line));
const MUTATIONS = {
  misspell(lines) {
    const chosen = pick(statementLines(lines, (line) => /^\s*[a-z_-]{4,}/.test(line)));
    if (!chosen) return undefined;
    const [line, index] = chosen;
    const [, indent, word] = /^(\s*)([a-z_-]+)/.exec(line);
    const at = 1 + Math.floor(random() * (word.length - 2));
    const swapped = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    if (swapped === word) return undefined;
    lines[index] = indent + swapped + line.slice(indent.length + word.length);
    return index;
  },
  dropLastArgument(lines) {
    const chosen = pick(statementLines(lines, (line) => !/[{}]/.test(line) && line.trim().split(/\s+/).length >= 2));
    if (!chosen) return undefined;
    lines[chosen[1]] = chosen[0].replace(/\s+\S+\s*$/, "");
    return chosen[1];
  },
  badNumber(lines) {
    const chosen = pick(statementLines(lines, (line) => /\s\d+(ms|s|m)?\s*$/.test(line)));
    if (!chosen) return undefined;
    lines[chosen[1]] = chosen[0].replace(/\d+(ms|s|m)?(\s*)$/, `${pick(["-5", "99999999999", "abc", "10x", "0.5"])}$2`);
    return chosen[1];
  },
  moveLine(lines) {
    const candidates = statementLines(lines, (line) => /^\s+[a-z]/.test(line) && !/[{}]/.test(line));
    const from = pick(candidates);
    const to = pick(candidates);
    if (!from || !to || from[1] === to[1]) return undefined;
    lines.splice(from[1], 1);
    const at = to[1] > from[1] ? to[1] - 1 : to[1];
    lines.splice(at, 0, from[0]);
    return at;
  },
  doubleLine(lines) {
    const chosen = pick(statementLines(lines, (line) => /^\s*[a-z]/.test(line) && !/[{}]/.test(line)));
    if (!chosen) return undefined;
    lines.splice(chosen[1] + 1, 0, chosen[0]);
    return chosen[1] + 1;
  },
  dropLine(lines) {
    const chosen = pick(statementLines(lines, (line) => /\S/.test(line)));
    if (!chosen) return undefined;
    lines.splice(chosen[1], 1);
    return chosen[1];
  },
  dropBrace(lines) {
    const chosen = pick(statementLines(lines, (line) => /[{}]/.test(line)));
    if (!chosen) return undefined;
    lines[chosen[1]] = chosen[0].replace(/[{}](?=[^{}]*$)/, "");
    return chosen[1];
  },
  strayQuote(lines) {
    const chosen = pick(statementLines(lines, (line) => /^\s*\S+\s+\S/.test(line) && !/["']/.test(line)));
    if (!chosen) return undefined;
    lines[chosen[1]] = chosen[0].replace(/(\s)(\S)/, '$1"$2');
    return chosen[1];
  },
  foreignComment(lines) {
    // A comment in another language's style: a `#` line made `//` or `;`, or a note after a value.
    const comment = pick(lines.map((line, index) => [line, index]).filter(([line]) => /^\s*#\s*\S/.test(line)));
    if (comment && random() < 0.5) {
      lines[comment[1]] = comment[0].replace(/#+/, pick(["//", ";", "--"]));
      return comment[1];
    }
    const chosen = pick(statementLines(lines, (line) => /^\s*[a-z]/.test(line) && !/[{}#"]/.test(line)));
    if (!chosen) return undefined;
    lines[chosen[1]] = `${chosen[0].replace(/\s+$/, "")} ${pick(["// primary", "; primary", "-- primary", "//primary"])}`;
    return chosen[1];
  },
  extraWord(lines) {
    // A word after the last argument, as if the keyword took a switch or a unit of its own.
    const chosen = pick(statementLines(lines, (line) => /^\s*[a-z]\S*\s+\S/.test(line) && !/[{}#"]/.test(line)));
    if (!chosen) return undefined;
    lines[chosen[1]] = `${chosen[0].replace(/\s+$/, "")} ${pick(["yes", "true", "on", "1", "enabled", "s", "default"])}`;
    return chosen[1];
  },
  renameReference(lines) {
    const chosen = pick(statementLines(lines, (line) => /^\s*(default_backend|use_backend|track_script|virtual_server_group|group)\s/.test(line)));
    const parts = chosen && /^(\s*\S+\s+)(\S+)/.exec(chosen[0]);
    if (!parts) return undefined;
    lines[chosen[1]] = `${parts[1]}${parts[2]}_x${chosen[0].slice(parts[0].length)}`;
    return chosen[1];
  },
};

const KEEPALIVED_MUTATIONS = { ...MUTATIONS, ...keepalivedMutations(pick) };
const HAPROXY_MUTATIONS = { ...MUTATIONS, ...haproxyMutations({ pick, random }) };
const perFile = Number(option("--per-file", "4"));
/** Mutations per file of each seventh-round kind (`--round7 0` leaves them out, as earlier rounds ran). */
const round7PerFile = Number(option("--round7", "1"));
const ROUND7 = { haproxy: haproxyRound7({ pick, random }), keepalived: keepalivedRound7({ pick, random }) };
/** Mutations per file of each eighth-round kind (`--round8 0` leaves them out, as the seventh round ran). */
const round8PerFile = Number(option("--round8", "1"));
const ROUND8 = { haproxy: haproxyRound8({ pick, random }), keepalived: keepalivedRound8({ pick, random }) };
/** Mutations per file of each ninth-round kind (`--round9 0` leaves them out, as the eighth round ran). */
const round9PerFile = Number(option("--round9", "1"));
const ROUND9 = { haproxy: haproxyRound9({ pick, random }), keepalived: keepalivedRound9({ pick, random }) };
/** Mutations per file of each tenth-round kind (`--round10 0` leaves them out, as the ninth round ran). */
const round10PerFile = Number(option("--round10", "1"));
const ROUND10 = { haproxy: haproxyRound10({ pick, random }), keepalived: keepalivedRound10({ pick, random }) };
/** Mutations per file of each eleventh-round kind (`--round11 0` leaves them out, as the tenth round ran). */
const round11PerFile = Number(option("--round11", "1"));
const ROUND11 = { haproxy: haproxyRound11({ pick, random }), keepalived: keepalivedRound11({ pick, random }) };
/** Mutations per file of each twelfth-round kind (`--round12 0` leaves them out, as the eleventh round ran). */
const round12PerFile = Number(option("--round12", "1"));
const ROUND12 = { haproxy: haproxyRound12({ pick, random }), keepalived: keepalivedRound12({ pick, random }) };
/** Mutations per file of each thirteenth-round kind (`--round13 0` leaves them out, as the twelfth round ran). */
const round13PerFile = Number(option("--round13", "1"));
const ROUND13 = { haproxy: haproxyRound13({ pick, random }), keepalived: keepalivedRound13({ pick, random }) };
/** Mutations per file of each thirteenth-round haproxy kind (scripts/mutations-round13-haproxy.mjs; `--round13-haproxy 0` leaves them out). */
const round13HaproxyPerFile = Number(option("--round13-haproxy", "1"));
const ROUND13_HAPROXY = haproxyRound13Kinds({ pick, random });
/** Mutations per file of each fourteenth-round keepalived kind (scripts/mutations-round14.mjs; `--round14 0` leaves them out). */
const round14PerFile = Number(option("--round14", "1"));
const ROUND14 = keepalivedRound14({ pick, random });
/** Mutations per file of each fourteenth-round haproxy kind (scripts/mutations-round14-haproxy.mjs; `--round14-haproxy 0` leaves them out). */
const round14HaproxyPerFile = Number(option("--round14-haproxy", "1"));
const ROUND14_HAPROXY = haproxyRound14({ pick, random });
/** Mutations per file of each fifteenth-round haproxy kind (scripts/mutations-round15-haproxy.mjs; `--round15-haproxy 0` leaves them out). */
const round15HaproxyPerFile = Number(option("--round15-haproxy", "1"));
const ROUND15_HAPROXY = haproxyRound15({ pick, random });
/** Mutations per file of each sixteenth-round haproxy kind (scripts/mutations-round16-haproxy.mjs; `--round16-haproxy 0` leaves them out). */
const round16HaproxyPerFile = Number(option("--round16-haproxy", "1"));
const ROUND16_HAPROXY = haproxyRound16({ pick, random });
/** Mutations per file of each fifteenth-round keepalived kind (scripts/mutations-round15.mjs; `--round15 0` leaves them out). */
const round15PerFile = Number(option("--round15", "1"));
const ROUND15 = keepalivedRound15({ pick, random });
/** Mutations per file of each sixteenth-round keepalived kind (scripts/mutations-round16.mjs; `--round16 0` leaves them out). */
const round16PerFile = Number(option("--round16", "1"));
const ROUND16 = keepalivedRound16({ pick, random });
const filesOption = option("--files", process.env.LBLINT_MUTATION_FILES);
/** Files to mutate: the corpus's (its manifest says which haproxy accepts), or DIR/haproxy/* and DIR/keepalived/* of `--files DIR[,DIR…]`, which the daemon then labels here. */
const manifest = filesOption ? otherFiles(filesOption.split(",")) : readFileSync(join(CORPUS, "manifest.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line));
const results = [];
const onlyFormat = option("--format", undefined);
const onlyFile = option("--only", undefined);
const dump = option("--dump", undefined);
for (const entry of manifest) {
  // The loop below is synchronous: a turn of the event loop per file lets SIGINT/SIGTERM's handlers run.
  await new Promise((resolve) => setImmediate(resolve));
  if (onlyFormat && entry.format !== onlyFormat) continue;
  if (onlyFile && !entry.file.includes(onlyFile)) continue;
  const path = entry.localPath ?? join(CORPUS, entry.file);
  if (!entry.oracle || !existsSync(path)) continue;
  if (entry.format === "haproxy" && entry.oracle.exit_code !== 0) continue;
  const text = readFileSync(path, "utf8");
  // keepalived reads `@id` lines only on the host they name, and `net_namespace` moves `-t` elsewhere: files like that are left out.
  if (entry.format === "keepalived" && filesOption && /^\s*(@|net_namespace\b)/m.test(text)) continue;
  if (entry.format === "keepalived" && filesOption) machineFor(text);
  const base = daemon(entry.format, text);
  if (entry.format === "haproxy" && base.complains) continue;
  // keepalived drops an instance on a missing interface, and stops at a fatal error, before checking
  // the rest: a base like that would hide what a mutation breaks.
  if (entry.format === "keepalived" && base.lines.some((line) => /interface|\*\*\*|missing '\}'/i.test(line))) continue;
  const before = new Set(findings(entry.format, text).map((p) => `${p.ruleId} ${p.message}`));
  const beforeOther = lblintBefore && new Set(findings(entry.format, text, lblintBefore).map((p) => `${p.ruleId} ${p.message}`));
  const shared = seed;
  if (entry.format === "haproxy") seed = seedFor(entry.file);
  const kinds = entry.format === "keepalived" ? KEEPALIVED_MUTATIONS : HAPROXY_MUTATIONS;
  const tryOne = (kind, kindsOf, n) => {
    const lines = text.split("\n");
    const at = kindsOf[kind](lines);
    const mutated = lines.join("\n");
    // A line for another machine (`@host …`) is not read by keepalived here.
    if (at === undefined || mutated === text || /^\s*@/.test(lines[at] ?? "")) return;
    if (dump) writeFileSync(join(dump, `${entry.file.replace(/\//g, "_")}-${n}-${kind}`), mutated);
    const verdict = daemon(entry.format, mutated);
    verdict.complains = complainsMore(entry.format, base, verdict);
    if (verdict.complains && entry.format === "keepalived") verdict.first = verdict.lines.find((line) => !base.lines.map(normalised).includes(normalised(line))) ?? verdict.first;
    const all = findings(entry.format, mutated);
    const fresh = all.filter((p) => !before.has(`${p.ruleId} ${p.message}`));
    // keepalived names the line of many messages: lblint should report on that line too.
    const named = entry.format === "keepalived" && verdict.complains ? /Line (\d+)\)/.exec(verdict.first) : null;
    const daemonLine = named ? Number(named[1]) : undefined;
    const onLine = !named || all.some((p) => p.range.start.line + 1 <= daemonLine && daemonLine <= p.range.end.line + 1);
    results.push({ file: entry.file, format: entry.format, kind, line: at + 1, daemonLine, onLine, text: lines[at], daemon: verdict.complains, daemonSays: verdict.first, errors: fresh.filter((p) => p.severity === "error").length, firstError: fresh.find((p) => p.severity === "error")?.message ?? "", warnings: fresh.filter((p) => p.severity === "warning").length, ...(lblintBefore ? { before: freshCounts(entry.format, mutated, beforeOther, lblintBefore) } : {}) });
  };
  for (let n = 0; n < perFile; n++) tryOne(pick(Object.keys(kinds)), kinds, n);
  // The seventh round's kinds, each from a stream of its own (seed, file, kind): the older kinds' draws above stay as they were.
  const kept = seed;
  const round7 = ROUND7[entry.format];
  for (const kind of Object.keys(round7)) {
    seed = seedFor(`${entry.file}#${kind}`);
    for (let n = 0; n < round7PerFile; n++) tryOne(kind, round7, `r7-${n}`);
  }
  // The eighth round's kinds, likewise each from a stream of its own (seed, file, `r8:` and the kind).
  const round8 = ROUND8[entry.format];
  for (const kind of Object.keys(round8)) {
    seed = seedFor(`${entry.file}#r8:${kind}`);
    for (let n = 0; n < round8PerFile; n++) tryOne(kind, round8, `r8-${n}`);
  }
  // The ninth round's kinds, likewise (seed, file, `r9:` and the kind).
  const round9 = ROUND9[entry.format];
  for (const kind of Object.keys(round9)) {
    seed = seedFor(`${entry.file}#r9:${kind}`);
    for (let n = 0; n < round9PerFile; n++) tryOne(kind, round9, `r9-${n}`);
  }
  // The tenth round's kinds, likewise (seed, file, `r10:` and the kind).
  const round10 = ROUND10[entry.format];
  for (const kind of Object.keys(round10)) {
    seed = seedFor(`${entry.file}#r10:${kind}`);
    for (let n = 0; n < round10PerFile; n++) tryOne(kind, round10, `r10-${n}`);
  }
  // The eleventh round's kinds, likewise (seed, file, `r11:` and the kind).
  const round11 = ROUND11[entry.format];
  for (const kind of Object.keys(round11)) {
    seed = seedFor(`${entry.file}#r11:${kind}`);
    for (let n = 0; n < round11PerFile; n++) tryOne(kind, round11, `r11-${n}`);
  }
  // The twelfth round's kinds, likewise (seed, file, `r12:` and the kind).
  const round12 = ROUND12[entry.format];
  for (const kind of Object.keys(round12)) {
    seed = seedFor(`${entry.file}#r12:${kind}`);
    for (let n = 0; n < round12PerFile; n++) tryOne(kind, round12, `r12-${n}`);
  }
  // The thirteenth round's kinds, likewise (seed, file, `r13:` and the kind).
  const round13 = ROUND13[entry.format];
  for (const kind of Object.keys(round13)) {
    seed = seedFor(`${entry.file}#r13:${kind}`);
    for (let n = 0; n < round13PerFile; n++) tryOne(kind, round13, `r13-${n}`);
  }
  // The thirteenth round's haproxy kinds, likewise (seed, file, `r13h:` and the kind).
  for (const kind of entry.format === "haproxy" ? Object.keys(ROUND13_HAPROXY) : []) {
    seed = seedFor(`${entry.file}#r13h:${kind}`);
    for (let n = 0; n < round13HaproxyPerFile; n++) tryOne(kind, ROUND13_HAPROXY, `r13h-${n}`);
  }
  // The fourteenth round's keepalived kinds, likewise (seed, file, `r14:` and the kind).
  for (const kind of entry.format === "keepalived" ? Object.keys(ROUND14) : []) {
    seed = seedFor(`${entry.file}#r14:${kind}`);
    for (let n = 0; n < round14PerFile; n++) tryOne(kind, ROUND14, `r14-${n}`);
  }
  // The fourteenth round's haproxy kinds, likewise (seed, file, `r14h:` and the kind).
  for (const kind of entry.format === "haproxy" ? Object.keys(ROUND14_HAPROXY) : []) {
    seed = seedFor(`${entry.file}#r14h:${kind}`);
    for (let n = 0; n < round14HaproxyPerFile; n++) tryOne(kind, ROUND14_HAPROXY, `r14h-${n}`);
  }
  // The fifteenth round's haproxy kinds, likewise (seed, file, `r15h:` and the kind).
  for (const kind of entry.format === "haproxy" ? Object.keys(ROUND15_HAPROXY) : []) {
    seed = seedFor(`${entry.file}#r15h:${kind}`);
    for (let n = 0; n < round15HaproxyPerFile; n++) tryOne(kind, ROUND15_HAPROXY, `r15h-${n}`);
  }
  // The sixteenth round's haproxy kinds, likewise (seed, file, `r16h:` and the kind).
  for (const kind of entry.format === "haproxy" ? Object.keys(ROUND16_HAPROXY) : []) {
    seed = seedFor(`${entry.file}#r16h:${kind}`);
    for (let n = 0; n < round16HaproxyPerFile; n++) tryOne(kind, ROUND16_HAPROXY, `r16h-${n}`);
  }
  // The fifteenth round's keepalived kinds, likewise (seed, file, `r15:` and the kind).
  for (const kind of entry.format === "keepalived" ? Object.keys(ROUND15) : []) {
    seed = seedFor(`${entry.file}#r15:${kind}`);
    for (let n = 0; n < round15PerFile; n++) tryOne(kind, ROUND15, `r15-${n}`);
  }
  // The sixteenth round's keepalived kinds, likewise (seed, file, `r16:` and the kind).
  for (const kind of entry.format === "keepalived" ? Object.keys(ROUND16) : []) {
    seed = seedFor(`${entry.file}#r16:${kind}`);
    for (let n = 0; n < round16PerFile; n++) tryOne(kind, ROUND16, `r16-${n}`);
  }
  seed = kept;
  if (entry.format === "haproxy") seed = shared;
}
dropMachine();
rmSync(work, { recursive: true, force: true });

const rows = ["haproxy", "keepalived"].filter((format) => !onlyFormat || format === onlyFormat).map((format) => {
  const of = results.filter((r) => r.format === format);
  const bad = of.filter((r) => r.daemon);
  const count = (list, test) => list.filter(test).length;
  const percent = (part, whole) => `${part} (${whole ? ((100 * part) / whole).toFixed(1) : "0.0"}%)`;
  const offLine = format === "keepalived" ? count(bad, (r) => r.errors + r.warnings > 0 && !r.onLine) : "";
  return [format, of.length, bad.length, percent(count(bad, (r) => r.errors + r.warnings === 0), bad.length), count(bad, (r) => r.errors === 0 && r.warnings > 0), offLine, percent(count(of, (r) => !r.daemon && r.errors > 0), of.length - bad.length)];
});
const header = ["format", "mutations", "daemon complains", "lblint silent", "lblint warns only", "lblint not on keepalived's line", "lblint error, daemon quiet"];
console.log([header, header.map(() => "---"), ...rows].map((row) => row.join(" | ")).join("\n"));
if (lblintBefore) {
  console.log(`\nbefore (${beforeOption}) → this build: lblint silent, warns only, error where the daemon is quiet`);
  for (const format of ["haproxy", "keepalived"].filter((format) => !onlyFormat || format === onlyFormat)) {
    const of = results.filter((r) => r.format === format);
    const figures = (pick) => [of.filter((r) => r.daemon && pick(r).errors + pick(r).warnings === 0).length, of.filter((r) => r.daemon && pick(r).errors === 0 && pick(r).warnings > 0).length, of.filter((r) => !r.daemon && pick(r).errors > 0).length];
    const [then, now] = [figures((r) => r.before), figures((r) => r)];
    console.log(`  ${format}: ${then.map((value, i) => `${value} → ${now[i]}`).join(", ")}`);
  }
}
const KINDS = { haproxy: { ...HAPROXY_MUTATIONS, ...ROUND7.haproxy, ...ROUND8.haproxy, ...ROUND9.haproxy, ...ROUND10.haproxy, ...ROUND11.haproxy, ...ROUND12.haproxy, ...ROUND13.haproxy }, keepalived: { ...KEEPALIVED_MUTATIONS, ...ROUND7.keepalived, ...ROUND8.keepalived, ...ROUND9.keepalived, ...ROUND10.keepalived, ...ROUND11.keepalived, ...ROUND12.keepalived, ...ROUND13.keepalived } };
Object.assign(KINDS.haproxy, ROUND13_HAPROXY, ROUND14_HAPROXY, ROUND15_HAPROXY, ROUND16_HAPROXY);
Object.assign(KINDS.keepalived, ROUND14, ROUND15, ROUND16);
console.log("\nby kind (format kind: mutations, daemon complains, lblint silent, warns only, error where the daemon is quiet):");
for (const format of ["haproxy", "keepalived"].filter((format) => !onlyFormat || format === onlyFormat)) {
  for (const kind of Object.keys(KINDS[format])) {
    const of = results.filter((r) => r.format === format && r.kind === kind);
    const bad = of.filter((r) => r.daemon);
    console.log(`  ${format} ${kind}: ${of.length}, ${bad.length}, ${bad.filter((r) => r.errors + r.warnings === 0).length}, ${bad.filter((r) => r.errors === 0 && r.warnings > 0).length}, ${of.filter((r) => !r.daemon && r.errors > 0).length}`);
  }
}
console.log("\nmissed (the daemon complains, lblint says nothing):");
for (const r of results.filter((r) => r.daemon && r.errors + r.warnings === 0)) console.log(`  ${r.file}:${r.line} ${r.kind} '${(r.text ?? "").trim().slice(0, 60)}' — ${r.daemonSays.replace(/^.*?\] : /, "").slice(0, 110)}`);
console.log("\nkeepalived: lblint reports, but not on the line keepalived names:");
for (const r of results.filter((r) => r.format === "keepalived" && r.daemon && r.errors + r.warnings > 0 && !r.onLine)) console.log(`  ${r.file}:${r.daemonLine} ${r.kind} '${(r.text ?? "").trim().slice(0, 60)}' — ${r.daemonSays.slice(0, 110)}`);
console.log("\nerrors where the daemon is quiet:");
for (const r of results.filter((r) => !r.daemon && r.errors > 0)) console.log(`  ${r.file}:${r.line} ${r.kind} '${(r.text ?? "").trim().slice(0, 60)}' — ${r.firstError.slice(0, 110)}`);
const json = option("--json", undefined);
if (json) writeFileSync(json, JSON.stringify(results, null, 1));
