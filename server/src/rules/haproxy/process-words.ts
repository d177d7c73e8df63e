// HA004 checks of the words of process-wide keywords and of `stats admin` and `monitor fail`, each measured with
// haproxy 2.6.12 (see keyword-words.ts for the rest).
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { Report } from "../../lint/rule.js";
import { holdsVariable, notIn } from "./word-lists.js";

/**
 * `cpu-map [auto:]THREADS[/THREADS] CPUS…` as haproxy 2.6.12 reads it (measured): a thread set is
 * all, odd, even, N or N-M from 1 to 64 ("'0' is not a valid number/range. It supports numbers from
 * 1 to 64"). Each CPU word must start with a digit ("',0' is not a CPU range"); haproxy then reads
 * the digits up to the first other character as an unsigned 32-bit number, and those after a '-' as
 * the end of a range, so `0abc`, `0,x`, `1.5` and `4294967296` (0) pass, and only a CPU above 1023
 * is refused ("supports CPU numbers from 0 to 1023").
 */
function cpuMapReports(args: readonly Word[]): Report[] {
  const threads = args[0];
  if (!threads || holdsVariable(threads)) return [];
  const set = (text: string) => ["all", "odd", "even"].includes(text) || (/^\d+(?:-\d*)?$/.test(text) && text.split("-").every((n) => n === "" || (Number(n) >= 1 && Number(n) <= 64)));
  const [process = "", thread] = threads.value.replace(/^auto:/, "").split("/");
  if (!set(process) || (thread !== undefined && !set(thread))) return [{ range: threads.range, message: `'${threads.value}' is not a thread set (all, odd, even, or numbers and ranges from 1 to 64, as 1/1-4); haproxy refuses the line` }];
  if (args.length < 2) return [{ range: threads.range, message: "'cpu-map' needs the CPUs after the threads; haproxy refuses the line" }];
  for (const cpus of args.slice(1)) {
    if (holdsVariable(cpus)) return [];
    if (!/^\d/.test(cpus.value)) return [{ range: cpus.range, message: `'${cpus.value}' is not a CPU list (numbers and ranges such as 0-3 or 0,2); haproxy refuses the line` }];
    const dash = cpus.value.indexOf("-");
    const ends = [cpus.value, ...(dash >= 0 ? [cpus.value.slice(dash + 1)] : [])].map(leadingUnsigned32);
    if (ends.some((cpu) => cpu > 1023)) return [{ range: cpus.range, message: `'${cpus.value}' names a CPU above 1023, which haproxy does not take; it refuses the line` }];
  }
  return [];
}

/** The digits a word starts with, as C's unsigned 32-bit arithmetic keeps them (0 when there are none). */
function leadingUnsigned32(text: string): number {
  const digits = /^\d*/.exec(text)![0];
  return digits === "" ? 0 : Number(BigInt(digits) % 4294967296n);
}

/** `unix-bind` options, each with its value (measured: "'unix-bind' only supports the 'prefix', 'mode', 'uid', 'gid', 'user' and 'group' options"). */
function unixBindReports(args: readonly Word[]): Report[] {
  for (let i = 0; i < args.length; i += 2) {
    const word = args[i]!;
    if (holdsVariable(word)) return [];
    if (!["prefix", "mode", "uid", "gid", "user", "group"].includes(word.value)) return [{ range: word.range, message: `'${word.value}' is not an option of 'unix-bind' (prefix, mode, uid, gid, user, group); haproxy refuses the line` }];
  }
  return [];
}

/** `default-path current|config|parent|origin DIR` (measured: "unsupported default-path mode", "'default-path origin' expects a directory"). */
function defaultPathReports(args: readonly Word[]): Report[] {
  const mode = args[0];
  if (!mode || holdsVariable(mode)) return [];
  if (!["current", "config", "parent", "origin"].includes(mode.value)) return notIn(mode, ["current", "config", "parent", "origin"], "a default-path mode");
  if (mode.value === "origin" && !args[1]) return [{ range: mode.range, message: "'default-path origin' needs a directory; haproxy refuses the line" }];
  return [];
}

/**
 * `stats admin` and `monitor fail` need a condition (measured: "'stats admin' requires either 'if'
 * or 'unless' followed by a condition", "'monitor fail' requires …").
 */
function conditionNeeded(hint: string): (args: readonly Word[], version: string, statement: Statement) => Report[] {
  return (args, _version, statement) => {
    if (statement.hasCondition || args.some((word) => word.value === "if" || word.value === "unless")) return [];
    const name = `${statement.keyword.value} ${statement.args[0]?.value ?? ""}`;
    return [{ range: { start: statement.keyword.range.start, end: (statement.args[0] ?? statement.keyword).range.end }, message: `'${name}' needs a condition (${hint}); haproxy refuses it without one` }];
  };
}

/** `ssl-load-extra-files` words (measured: "expects one or multiple arguments (none, all, bundle, sctl, ocsp, issuer)"; `key` passes too). */
const EXTRA_FILES = ["none", "all", "bundle", "sctl", "ocsp", "issuer", "key"];

/**
 * Global words a second sweep of value forms measured on 2.6.12: a `node` name of letters, digits, '.',
 * '-' and '_' ("'node' requires valid node name"), `h1-case-adjust` names that differ only in case
 * ("<from> and <to> must not differ execpt the case"), the global `log-tag` of one word ("cannot
 * handle unexpected argument"; a proxy's takes more).
 */
const SWEPT_GLOBAL_CHECKS: Readonly<Record<string, (args: readonly Word[], version: string, statement: Statement, sectionType?: string) => Report[]>> = {
  node: (args) => {
    const name = args[0];
    if (!name || holdsVariable(name) || /^[A-Za-z0-9._-]+$/.test(name.value)) return [];
    return [{ range: name.range, message: `'${name.value}' is not a node name (letters, digits, '.', '-' and '_'); haproxy refuses the line` }];
  },
  "h1-case-adjust": (args) => {
    const [from, to] = args;
    if (!from || !to || holdsVariable(from) || holdsVariable(to) || from.value.toLowerCase() === to.value.toLowerCase()) return [];
    return [{ range: to.range, message: `'${to.value}' is not '${from.value}' in another case: 'h1-case-adjust' only changes the case of a header name; haproxy refuses the line` }];
  },
  "ssl-load-extra-files": (args) => {
    const bad = args.find((word) => !holdsVariable(word) && !EXTRA_FILES.includes(word.value));
    return bad ? notIn(bad, EXTRA_FILES, "a kind of extra file") : [];
  },
  "log-tag": (args, _version, _statement, sectionType) => {
    const extra = args[1];
    if (sectionType !== "global" || !extra || holdsVariable(extra)) return [];
    return [{ range: extra.range, message: `the global 'log-tag' takes one word ('${extra.value}' is one too many); haproxy refuses the line` }];
  },
};

/** By keyword as the tables name it. */
export const PROCESS_CHECKS: Readonly<Record<string, (args: readonly Word[], version: string, statement: Statement, sectionType?: string) => Report[]>> = {
  "cpu-map": cpuMapReports,
  "unix-bind": unixBindReports,
  "default-path": defaultPathReports,
  "stats admin": conditionNeeded("'stats admin if TRUE' for everyone who reaches the page, better an ACL of trusted clients"),
  "monitor fail": conditionNeeded("'monitor fail if { nbsrv(app) lt 1 }' reports failure when the backend is down"),
  // Measured: "'master-worker' only supports 'no-exit-on-failure' option", "'profiling.tasks' expects either 'on', 'auto', or 'off'".
  "master-worker": (args) => notIn(args[0], ["no-exit-on-failure"], "an option of 'master-worker'"),
  "profiling.tasks": (args) => notIn(args[0], ["on", "auto", "off"], "a profiling mode"),
  ...SWEPT_GLOBAL_CHECKS,
};
