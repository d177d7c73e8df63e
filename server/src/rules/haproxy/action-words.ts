// HA004 checks of the words of rule actions (http-request, tcp-request content, …), each measured
// with haproxy 2.6.12:
// - variable names, wherever one is written (`set-var(NAME,cond…)`, `set-var-fmt`, `unset-var`,
//   the `var()` fetch, the `set-var`/`unset-var` converters): a scope among proc, sess, txn, req,
//   res and check, a dot, then letters, digits, '.' and '_' ("invalid variable name 'foo.x'");
//   and the conditions of set-var ("unknown condition \"bogus\"");
// - `set-log-level`: a syslog level or `silent` ("expects exactly 1 argument (log level name or
//   'silent')");
// - `auth`: nothing but `realm NAME` before the condition;
// - `redirect`: a `location`, `prefix` or `scheme` ("redirection type expected");
// - `normalize-uri`, `attach-srv` and `tune.fd.edge-triggered`: experimental, so only after
//   `expose-experimental-directives` in a global section; normalize-uri's normalizer and its option;
// - `set-timeout` names `server` or `tunnel` (and from 3.0 `client`), takes a time above 0 or a
//   sample expression, and `server` and `tunnel` need a backend ("proxy 'f' has no backend
//   capability"), `client` a frontend ("'b' has no frontend capability", 3.0.11 and 3.2.26);
// - a stick counter number of `sc-inc-gpc0(N)` and the like is at most 2, or from 3.0 below
//   `tune.stick-counters` ("The max allowed ID is 4 (tune.stick-counters)", 3.0.11 and 3.2.26);
import { compareVersions } from "../../facts/versions.js";
import { searchFor } from "./text-search.js";
import type { Word } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule, Report } from "../../lint/rule.js";
import { parseTime, type Placed } from "./model.js";
import { atolInt32, timeTooLong } from "./numbers.js";
import { rangeInWord } from "./options.js";
import { sampleNames } from "./samples.js";
import { haproxyFetch } from "../../facts/haproxy.js";
import { bandwidthLimitReports } from "./bandwidth-limit.js";
import { experimentalBefore, experimentalMessage, reverseHttpReports } from "./experimental.js";

type Context = Parameters<HaproxyRule["check"]>[0];

const RULE_KEYWORDS: ReadonlySet<string> = new Set(["http-request", "http-response", "http-after-response", "tcp-request", "tcp-response", "http-check", "tcp-check"]);
const SCOPES = ["proc", "sess", "txn", "req", "res", "check"];
export const SET_VAR_CONDITIONS = new Set(["ifexists", "ifnotexists", "ifempty", "ifnotempty", "ifset", "ifnotset", "ifgt", "iflt"]);
const LOG_LEVELS = new Set(["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug", "silent"]);
const CONDITION = new Set(["if", "unless"]);
const REDIRECT_TYPES = new Set(["location", "prefix", "scheme"]);
/** Actions that name a stick counter in their parentheses: the counter is the last number there. */
// `sc-inc-gpc` and `sc-set-gpt` without their parentheses too (measured: "invalid gpc ID 'sc-inc-gpc'").
// `sc-add-gpc(IDX,SC) EXPR` (3.0 on) names them as `sc-inc-gpc` does (measured on 3.0.11 and 3.2.26: "Missing gpc ID").
const COUNTER_ACTIONS = /^sc-(?:inc-gpc[01]?|set-gpt0?|add-gpc)\(|^sc-(?:inc-gpc|set-gpt|add-gpc)$/;

/** What is wrong with a variable name as haproxy reads it, or undefined. */
export function variableNameProblem(name: string): string | undefined {
  if (name.includes("$")) return undefined;
  const dot = name.indexOf(".");
  if (dot < 0 || !SCOPES.includes(name.slice(0, dot)) || dot === name.length - 1) {
    return `'${name}' is not a variable name: it starts with its scope (${SCOPES.join(", ")}), a dot and a name`;
  }
  if (/[^A-Za-z0-9._]/.test(name.slice(dot + 1))) return `'${name}' is not a variable name: after the scope, haproxy takes only letters, digits, '.' and '_'`;
  return undefined;
}

/** `action(a,b)` of a word: its name and its arguments with their offsets in the word's value. */
function call(value: string): { name: string; args: { text: string; start: number }[] } | undefined {
  const open = value.indexOf("(");
  if (open < 0 || !value.endsWith(")")) return undefined;
  const args: { text: string; start: number }[] = [];
  let start = open + 1;
  for (let i = start; i <= value.length - 1; i++) {
    if (i === value.length - 1 || value[i] === ",") {
      args.push({ text: value.slice(start, i), start });
      start = i + 1;
    }
  }
  return { name: value.slice(0, open), args };
}

function variableActionReports(word: Word): Report[] {
  const parsed = call(word.value);
  if (!parsed || parsed.args.length === 0) return [];
  const reports: Report[] = [];
  const [name, ...conditions] = parsed.args;
  const problem = variableNameProblem(name!.text);
  if (problem) reports.push({ range: rangeInWord(word, name!.start, name!.start + name!.text.length), message: `${problem}; haproxy refuses the line` });
  if (parsed.name === "unset-var") return reports;
  for (const condition of conditions) {
    // An empty condition is skipped (measured on 2.6.12: `set-var(txn.x,)` and `set-var(txn.x,,ifset)` pass; found by the twelfth mutation round).
    if (condition.text === "" || SET_VAR_CONDITIONS.has(condition.text) || condition.text.includes("$")) continue;
    reports.push({
      range: rangeInWord(word, condition.start, condition.start + condition.text.length),
      message: `'${condition.text}' is not a condition of ${parsed.name} (${[...SET_VAR_CONDITIONS].join(", ")}); haproxy refuses the line`,
    });
  }
  return reports;
}

/** The words of one rule line from its action on: `placed.statement.args` after the keyword's own words. */
function actionWords(placed: Placed): readonly Word[] {
  const reading = placed.reading;
  return reading.kind === "known" ? reading.args : [];
}

/** Actions checked here, by the name before their parentheses. */
const CHECKED_ACTIONS = new Set(["silent-drop", "set-var", "set-var-fmt", "unset-var", "set-log-level", "auth", "redirect", "normalize-uri", "attach-srv", "set-timeout", "strict-mode", "use-service", "do-resolve"]);

/** The services haproxy itself registers (`lua.NAME` ones come from scripts: HA081). */
const BUILT_IN_SERVICES: ReadonlySet<string> = new Set(["prometheus-exporter"]);

/**
 * How many stick counters a session tracks: 3, or from 3.0 what the global `tune.stick-counters`
 * sets (measured on 3.0.11 and 3.2.26); undefined when a variable or another word sets it.
 */
export function stickCounters(model: Context["model"]): number | undefined {
  if (model.version === "2.6") return 3;
  let count: number | undefined = 3;
  for (const placed of model.withKeyword("tune.stick-counters")) {
    if (placed.section.type !== "global") continue;
    const value = placed.value(0);
    count = value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  }
  return count;
}

function actionReports(placed: Placed, version: string, experimental: boolean, counters: number | undefined): Report[] {
  // The action is read without making the line's words; most rule lines have nothing checked here.
  const reading = placed.reading;
  const value = reading.kind === "known" ? reading.value(0) : undefined;
  if (value === undefined) return [];
  const name = value.includes("(") ? value.slice(0, value.indexOf("(")) : value;
  // 2.6 has no `sc-add-gpc` (HA001 reports it).
  if (!CHECKED_ACTIONS.has(name) && !(COUNTER_ACTIONS.test(value) && !(version === "2.6" && name === "sc-add-gpc"))) return [];
  const words = actionWords(placed);
  const action = words[0]!;
  // Measured: `set-var(txn.x` is "incomplete argument after action", `sc-inc-gpc0(0` "invalid stick table track ID".
  // A stick counter action is read up to its first ')', and what follows is ignored (measured on 2.6.12:
  // `sc-inc-gpc0(0),lower(`, `sc-inc-gpc(0,1)x` and `sc-inc-gpc0(0))` pass; found by the twelfth mutation round).
  const counter = !CHECKED_ACTIONS.has(name);
  const closes = counter ? value.includes(")") : value.endsWith(")");
  if (value.includes("(") && !closes && !value.includes("$")) return [{ range: action.range, message: `no ')' closes the parentheses of action '${name}'; haproxy refuses the line` }];
  switch (name) {
    case "set-var":
    case "set-var-fmt":
    case "unset-var":
      return variableActionReports(action);
    case "set-log-level": {
      const level = words[1];
      if (!level || CONDITION.has(level.value) || level.value.includes("$") || LOG_LEVELS.has(level.value)) return [];
      return [{ range: level.range, message: `'${level.value}' is not a log level (${[...LOG_LEVELS].join(", ")}); haproxy refuses the line` }];
    }
    case "auth": {
      const next = words[1];
      if (!next || CONDITION.has(next.value)) return [];
      if (next.value !== "realm") return [{ range: next.range, message: `'${next.value}' is not an option of auth: only 'realm NAME' may come before the condition; haproxy refuses the line` }];
      const realm = words[2];
      if (!realm || CONDITION.has(realm.value)) return [{ range: next.range, message: "'realm' needs a name; haproxy refuses the line" }];
      const after = words[3];
      if (!after || CONDITION.has(after.value)) return [];
      return [{ range: after.range, message: `'${after.value}' may not follow 'auth realm ${realm.value}', only 'if' or 'unless' and a condition; haproxy refuses the line` }];
    }
    case "strict-mode": {
      // haproxy 2.6.12, in any case: "Unexpected value 'maybe'. Only 'on' and 'off' are supported".
      const mode = words[1];
      if (!mode || CONDITION.has(mode.value) || /^(?:on|off)$/i.test(mode.value) || mode.value.includes("$")) return [];
      return [{ range: mode.range, message: `'strict-mode' is 'on' or 'off', not '${mode.value}'; haproxy refuses the line` }];
    }
    case "use-service": {
      // haproxy 2.6.12: "'NAME' unknown service name".
      const service = words[1];
      // The exporter answers HTTP requests only (measured on 2.6.12, 3.0.11 and 3.2.26: on a
      // `tcp-request content` rule it is "Prometheus exporter service only available on 'http-request'
      // rulesets"; found by the thirteenth mutation round).
      if (service?.value === "prometheus-exporter" && placed.keyword !== "http-request") {
        return [{ range: service.range, message: `the prometheus-exporter service answers HTTP requests only: haproxy takes it on 'http-request' rules and refuses it on '${placed.keyword}'` }];
      }
      if (!service || CONDITION.has(service.value) || service.value.startsWith("lua.") || BUILT_IN_SERVICES.has(service.value) || service.value.includes("$")) return [];
      return [{ range: service.range, message: `'${service.value}' is not a service haproxy knows: 'prometheus-exporter', or 'lua.NAME' for a service a Lua script registers; haproxy refuses the line` }];
    }
    case "redirect":
      return redirectReports(action, words.slice(1));
    case "normalize-uri":
      return experimental ? normalizerReports(words) : [{ range: action.range, message: experimentalMessage(value) }];
    case "attach-srv":
      return experimental ? [] : [{ range: action.range, message: experimentalMessage(value) }];
    case "set-timeout":
      return setTimeoutReports(placed, action, words, version);
    case "silent-drop":
      // 2.6 takes no word here (HA003); 3.0 and 3.2 take `rst-ttl N`.
      return version === "2.6" ? [] : silentDropReports(words);
    case "do-resolve": {
      // Measured on 2.6.12: a bare `do-resolve`, and one without an expression after it ("Can't parse ''"), are refused.
      const expression = words[1];
      if (!action.value.includes("(")) return [{ range: action.range, message: "do-resolve needs its variable and resolvers: do-resolve(VARIABLE,RESOLVERS[,ipv4|ipv6]) EXPR; haproxy refuses the line" }];
      if (!expression || CONDITION.has(expression.value)) return [{ range: action.range, message: `'${action.value}' needs an expression to resolve after it; haproxy refuses the line` }];
      return doResolveReports(action);
    }
    default:
      return COUNTER_ACTIONS.test(value) ? counterReports(action, value.slice(0, value.indexOf(")") + 1), counters, version) : [];
  }
}

/** normalize-uri's normalizers, each with the one option word it may take (lowercase only). */
const NORMALIZERS: ReadonlyMap<string, string | undefined> = new Map([
  ["fragment-encode", undefined], ["fragment-strip", undefined], ["path-merge-slashes", undefined], ["path-strip-dot", undefined],
  ["path-strip-dotdot", "full"], ["percent-decode-unreserved", "strict"], ["percent-to-uppercase", "strict"], ["query-sort-by-name", undefined],
]);

/**
 * `normalize-uri NORMALIZER [OPTION]`: measured on 2.6.12, 3.0.11 and 3.2.26, a word that is none
 * (in any case but lowercase) is "unknown normalizer 'bogus'", an option the normalizer does not take "unknown argument 'strict' for
 * 'path-strip-dotdot' normalizer", and a word after them "expects either 'if' or 'unless'".
 */
function normalizerReports(words: readonly Word[]): Report[] {
  const normalizer = words[1];
  // A missing normalizer is HA003's.
  if (!normalizer || CONDITION.has(normalizer.value) || normalizer.value.includes("$")) return [];
  if (!NORMALIZERS.has(normalizer.value)) {
    const lower = normalizer.value.toLowerCase();
    const hint = NORMALIZERS.has(lower) ? ` (haproxy reads it in lowercase only: '${lower}')` : ` (${[...NORMALIZERS.keys()].join(", ")})`;
    return [{ range: normalizer.range, message: `'${normalizer.value}' is not a normalizer of normalize-uri${hint}; haproxy refuses the line` }];
  }
  const option = NORMALIZERS.get(normalizer.value);
  let next = 2;
  const word = words[next];
  if (word && !CONDITION.has(word.value) && option !== undefined && !word.value.includes("$")) {
    if (word.value !== option) return [{ range: word.range, message: `normalizer '${normalizer.value}' takes only '${option}' here, not '${word.value}'; haproxy refuses the line` }];
    next++;
  }
  const after = words[next];
  if (!after || CONDITION.has(after.value) || after.value.includes("$")) return [];
  return [{ range: after.range, message: `'${after.value}' may not follow 'normalize-uri ${words.slice(1, next).map((w) => w.value).join(" ")}', only 'if' or 'unless' and a condition; haproxy refuses the line` }];
}

/**
 * `do-resolve(VAR,RESOLVERS[,ipv4|ipv6])`: measured on 2.6.12, `do-resolve(txn.ip)`,
 * `do-resolve(txn.ip,dns,ipv5)` and a fourth word are "Can't parse 'do-resolve(…)'. Expects
 * 'do-resolve(<varname>,<resolvers>[,<options>]) <expr>'".
 */
function doResolveReports(action: Word): Report[] {
  const inside = /^do-resolve\((.*)\)$/.exec(action.value)?.[1];
  if (inside === undefined || inside.includes("$")) return [];
  const parts = inside.split(",");
  if (parts.length >= 2 && parts.length <= 3 && parts[1] !== "" && (parts.length === 2 || parts[2] === "ipv4" || parts[2] === "ipv6")) return [];
  return [{ range: action.range, message: `'${action.value}' is not do-resolve(VARIABLE,RESOLVERS[,ipv4|ipv6]); haproxy refuses the line` }];
}

/** A redirect (`redirect …` line or action) without its type: `words` follow `redirect`. */
export function redirectReports(at: Word, words: readonly Word[]): Report[] {
  for (const word of words) {
    if (CONDITION.has(word.value)) break;
    if (REDIRECT_TYPES.has(word.value) || word.value.includes("$")) return [];
  }
  return [{ range: at.range, message: "a redirect needs 'location', 'prefix' or 'scheme' and its value; haproxy refuses the line" }];
}

/**
 * `set-timeout server|tunnel|client TIME|EXPR`. haproxy reads the value as a time, and when that fails
 * as a sample expression (measured on 2.6.12, 3.0.11 and 3.2.26: `set-timeout server int(5)` passes,
 * `abc`, `5x` and `-5` are "unexpected character 'a' in rule 'set-timeout server'"): a value that
 * starts with a digit, a sign or a dot is judged as a time, a word as an expression elsewhere.
 */
function setTimeoutReports(placed: Placed, action: Word, words: readonly Word[], version: string): Report[] {
  const which = words[1];
  const named = which && !CONDITION.has(which.value) ? which.value : undefined;
  const takesClient = version !== "2.6";
  const type = placed.section.type;
  // 2.6 asks for a backend first, whatever the timeout; later versions ask per timeout (defaults are not judged).
  if (type === "frontend" && (!takesClient || named !== "client")) {
    return [{ range: action.range, message: `'set-timeout${named && takesClient ? ` ${named}` : ""}' changes a backend's timeouts: haproxy ${version === "2.6" ? "2.6 " : ""}refuses it in a frontend (write it in the backend or a listen section)` }];
  }
  if (named === undefined) return [];
  if (named === "client" && takesClient) {
    if (type === "backend") return [{ range: which!.range, message: "'set-timeout client' changes a frontend's timeout: haproxy refuses it in a backend (write it in the frontend or a listen section)" }];
  } else if (named !== "server" && named !== "tunnel") {
    return [{ range: which!.range, message: `haproxy ${version === "2.6" ? "2.6's set-timeout sets 'server' or 'tunnel'" : "sets the 'server', 'tunnel' or 'client' timeout with set-timeout"}, not '${named}'` }];
  }
  const time = words[2];
  if (!time || CONDITION.has(time.value) || time.value.includes("$")) return [];
  const parsed = parseTime(time.value);
  // Past the timers' limit: "timer overflow in argument '25d' to rule 'set-timeout server'" (measured).
  const tooLong = parsed && parsed.ms > 0 ? timeTooLong("set-timeout", time.value) : undefined;
  if (tooLong) return [{ range: time.range, message: `'${time.value}' ${tooLong}; haproxy refuses the line` }];
  const after = words[3];
  if (parsed && parsed.ms > 0 && after && !CONDITION.has(after.value)) return [{ range: after.range, message: `'${after.value}' may not follow 'set-timeout ${named} ${time.value}', only 'if' or 'unless' and a condition; haproxy refuses the line` }];
  if (parsed && parsed.ms > 0) return [];
  if (parsed) return [{ range: time.range, message: "set-timeout needs a time above 0; haproxy refuses 0" }];
  // A word is a sample expression, whose converters and arguments the sample rules judge; a fetch name haproxy does not know is this line's.
  if (/^[A-Za-z_]/.test(time.value) && haproxyFetch(time.value.replace(/[(,].*$/s, "")) !== undefined) return [];
  return [{ range: time.range, message: `'${time.value}' is neither a time (a number with an optional unit: us, ms, s, m, h, d) nor a sample expression; haproxy refuses the line` }];
}

/**
 * `silent-drop [rst-ttl TTL]` from 3.0 (measured on 3.0.11 and 3.2.26): any other word is "expects
 * either 'if' or 'unless' followed by a condition", a missing TTL "missing rst-ttl value", `256`
 * "valid rst-ttl values are [1-255]" and `x` "invalid character starting at 'x' (value 1-255 expected)".
 */
function silentDropReports(words: readonly Word[]): Report[] {
  const option = words[1];
  if (!option || CONDITION.has(option.value) || option.value.includes("$")) return [];
  if (option.value !== "rst-ttl") return [{ range: option.range, message: `'silent-drop' takes only 'rst-ttl' and a TTL, then 'if' or 'unless' and a condition; haproxy refuses '${option.value}'` }];
  const ttl = words[2];
  if (!ttl || CONDITION.has(ttl.value)) return [{ range: option.range, message: "'rst-ttl' needs a TTL from 1 to 255; haproxy refuses the line" }];
  if (ttl.value.includes("$")) return [];
  if (!/^\+?\d+$/.test(ttl.value) || Number(ttl.value) < 1 || Number(ttl.value) > 255) return [{ range: ttl.range, message: `'${ttl.value}' is not a TTL from 1 to 255 for 'rst-ttl'; haproxy refuses the line` }];
  const after = words[3];
  if (after && !CONDITION.has(after.value)) return [{ range: after.range, message: `'${after.value}' may not follow 'silent-drop rst-ttl ${ttl.value}', only 'if' or 'unless' and a condition; haproxy refuses the line` }];
  return [];
}

/** `value`: the action word up to its first ')', all haproxy reads of it. */
function counterReports(action: Word, value: string, counters: number | undefined, version: string): Report[] {
  const parsed = call(value);
  // `sc-inc-gpc0`, `sc-inc-gpc1`, `sc-set-gpt0` take the counter alone (measured: `sc-inc-gpc0(0,1)` is "invalid stick table track ID").
  const among = counters === undefined ? "" : counters === 0 ? " (none is tracked)" : ` (0 to ${counters - 1})`;
  if (parsed && /\d$/.test(parsed.name) && parsed.args.length > 1) return [{ range: action.range, message: `'${parsed.name}' takes only the stick counter's number${among}; haproxy refuses the line` }];
  // `sc-inc-gpc(IDX,SC)`, `sc-set-gpt(IDX,SC)`: two numbers (measured: `sc-inc-gpc(0,1,)` is "invalid stick table track ID").
  // `sc-inc-gpc(0)` and a bare `sc-inc-gpc` lack one (measured: "Missing gpc ID 'sc-inc-gpc(0)'. Expects sc-inc-gpc(<GPC ID>,<Track ID>)").
  if (!/\d$/.test(action.value.replace(/\(.*$/s, "")) && (!parsed || parsed.args.length < 2) && !action.value.includes("$")) {
    return [{ range: action.range, message: `'${parsed?.name ?? action.value}' needs two numbers, the counter's index and the stick counter's: ${parsed?.name ?? action.value}(IDX,SC); haproxy refuses the line` }];
  }
  if (parsed && !/\d$/.test(parsed.name) && parsed.args.length > 2) return [{ range: action.range, message: `'${parsed.name}' takes two numbers, the counter's index and the stick counter's${among}; haproxy refuses the line` }];
  if (!parsed || parsed.args.some((arg) => arg.text.includes("$"))) return [];
  // Each number is read with strtol() into an int, all of it (measured: `sc-inc-gpc0(1abc)`,
  // `sc-inc-gpc(0x1,0)` are refused; `sc-inc-gpc0(-1)`, `(+1)`, `()` and `(4294967296)`, which is 0, pass).
  const notNumber = parsed.args.find((arg) => !/^[-+]?\d*$/.test(arg.text));
  if (notNumber) return [{ range: rangeInWord(action, notNumber.start, notNumber.start + notNumber.text.length), message: `'${notNumber.text}' is not a whole number in '${parsed.name}(…)'; haproxy refuses the line` }];
  const counter = parsed.args[parsed.args.length - 1];
  if (!counter || counters === undefined || atolInt32(counter.text) < counters) return [];
  const range = rangeInWord(action, counter.start, counter.start + counter.text.length);
  if (version === "2.6") return [{ range, message: `haproxy 2.6 tracks 3 stick counters (0 to 2), not ${counter.text}; it refuses the line` }];
  return [{ range, message: `haproxy tracks ${counters} stick counter${counters === 1 ? "" : "s"} (${counters === 0 ? "none" : `0 to ${counters - 1}`}; 'tune.stick-counters' in the global section sets how many), not ${counter.text}; it refuses the line` }];
}

/**
 * Global keywords the manuals tag as experimental, and the first release that has them (measured for
 * `tune.fd.edge-triggered` with 2.6.12, `tune.disable-fast-forward` with 3.0.11 and
 * `force-cfg-parser-pause` with 3.2.26: "directive is experimental, must be allowed via a global
 * 'expose-experimental-directives'"). Before that release HA008 reports the keyword itself.
 */
const EXPERIMENTAL_KEYWORDS: ReadonlyMap<string, string> = new Map([["tune.fd.edge-triggered", "2.6"], ["tune.disable-fast-forward", "3.0"], ["force-cfg-parser-pause", "3.2"]]);


/** Text every line checked here holds: the rest of the file is not read at all. */
const MENTIONS = ["var(", "var-fmt(", "set-log-level", "auth", "redirect", "normalize-uri", "attach-srv", "tune.fd.edge-triggered", "tune.disable-fast-forward", "force-cfg-parser-pause", "set-timeout", "sc-inc-gpc", "sc-set-gpt", "sc-add-gpc", "silent-drop", "strict-mode", "use-service", "do-resolve", "set-bandwidth-limit", "nbconn", "rhttp@"];
searchFor(...MENTIONS);

export function actionWordReports(model: Context["model"], report: Context["report"]): void {
  const candidates = model.mentioning(...MENTIONS);
  if (candidates.length === 0) return;
  const exposed = model.withKeyword("expose-experimental-directives").filter((placed) => placed.section.type === "global");
  const counters = stickCounters(model);
  for (const placed of candidates) {
    const uri = placed.section.uri;
    // `http-check set-var(NAME)` is a keyword of its own in the tables: its action is the keyword's second word.
    const checkVariable = (placed.keyword === "http-check" || placed.keyword === "tcp-check") && /^(?:set-var|set-var-fmt|unset-var)\(/.test(placed.value(0) ?? "");
    if (checkVariable) {
      for (const item of variableActionReports(placed.statement.args[0]!)) report({ uri, ...item });
    } else if (RULE_KEYWORDS.has(placed.keyword)) {
      for (const item of actionReports(placed, model.version, experimentalBefore(placed, exposed), counters)) report({ uri, ...item });
      const reading = placed.reading;
      if (reading.kind === "known" && reading.value(0) === "set-bandwidth-limit") for (const item of bandwidthLimitReports(model, placed, actionWords(placed))) report({ uri, ...item });
    } else if (placed.keyword === "bind" || placed.keyword === "server" || placed.keyword === "default-server") {
      if (model.version !== "2.6") for (const item of reverseHttpReports(placed, experimentalBefore(placed, exposed))) report({ uri, ...item });
    } else if (placed.keyword === "redirect") {
      for (const item of redirectReports(placed.statement.keyword, actionWords(placed))) report({ uri, ...item });
    } else if (EXPERIMENTAL_KEYWORDS.has(placed.keyword) && compareVersions(model.version, EXPERIMENTAL_KEYWORDS.get(placed.keyword)!) >= 0 && placed.section.type === "global" && !experimentalBefore(placed, exposed)) {
      report({ uri, range: placed.statement.keyword.range, message: experimentalMessage(placed.keyword) });
    }
    // Variable names inside sample expressions: the var() fetch and the set-var/unset-var converters.
    for (const sample of sampleNames(placed.statement, placed.reading)) {
      if (sample.name !== "var" && !(sample.kind === "converter" && (sample.name === "set-var" || sample.name === "unset-var"))) continue;
      const name = sample.arguments()[0];
      const problem = name && variableNameProblem(name.text);
      if (problem) report({ uri, range: name.range, message: `${problem}; haproxy refuses the line` });
    }
  }
}
