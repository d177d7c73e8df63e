// HA003: a keyword with fewer or more words after it than haproxy accepts. haproxy refuses both
// ("'use_backend' expects a backend name", "'timeout client' expects …") — measured keyword by
// keyword against haproxy 2.6.12 when the tables were generated. Keywords whose extra words
// haproxy 2.6.12 tolerates have no maximum in the tables. Also: an action one word short, a section
// header without its name, a proxy's server without an address, a log target without a facility.
import { SECTION_KINDS } from "../../../../grammars/haproxy/sections.js";
import { parameterCountReports } from "./option-parameters.js";
import { haproxyAction } from "../../facts/haproxy.js";
import { compareVersions } from "../../facts/versions.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { ignoredInFrontend, ignoredInRing, keywordRange, type StatementReading } from "./keywords.js";

/**
 * Limits that changed between the versions the tables merge (which keep the larger one): the
 * 3.2 `option httpchk` takes a fourth argument, the Host header; 2.6.12 and 3.0.11 refuse it ("cannot
 * handle unexpected argument 'host.example'"). The 3.4 manual gives `option tcplog` a `clf`; 2.6.12
 * and 3.0.11 take no word after it ("'option tcplog' cannot handle unexpected argument 'clf'"), 3.2.26
 * takes it (measured).
 */
const MAX_BEFORE: Readonly<Record<string, { readonly before: string; readonly max: number }>> = {
  "option httpchk": { before: "3.2", max: 3 },
  "option tcplog": { before: "3.2", max: 0 },
};

type Known = Extract<StatementReading, { kind: "known" }>;

/** Keywords whose extra words 3.0.11 ignores and 3.2.26 refuses ("'expose-deprecated-directives' cannot handle unexpected argument 'x'"; measured). */
const IGNORED_AT_30: ReadonlySet<string> = new Set(["expose-deprecated-directives"]);

/**
 * Keywords whose extra words haproxy 2.6 accepts (the tables have no maximum for them) but never
 * reads: the stats page's parser takes the one word after `stats uri|realm|auth|scope|refresh` and
 * drops the rest without a word, so `stats realm Haproxy Manager` shows the realm "Haproxy".
 */
// A Map: a server line (no maximum) looks its name up here, and a keyed load on a record is slower.
const READS_ONLY: ReadonlyMap<string, number> = new Map([
  ["stats uri", 1],
  ["stats realm", 1],
  ["stats auth", 1],
  ["stats scope", 1],
  ["stats refresh", 1],
]);

/**
 * Keywords of the smaller sections whose parsers read the words they need and ignore the rest
 * without a word (measured keyword by keyword, haproxy 2.6.12: `hold valid 10 s`, `mailer m
 * 10.0.0.1:25 x`, `errorfile 503 FILE x`, the global `set-var`, `hash-type consistent sdbm avalanche
 * x`): words too many there are a warning, not an error. Most keywords of proxies and of the global
 * section refuse them.
 */
/** The variable actions of check rules, whose parser reads its words and leaves the rest (measured on 2.6.12: `tcp-check unset-var(check.x) x`, `http-check set-var(check.x) int(1) if TRUE` pass; found by mutations). */
const CHECK_VARIABLES = ["tcp-check", "http-check"].flatMap((rules) => ["set-var", "set-var-fmt", "unset-var"].map((action) => `${rules} ${action}`));

const IGNORES_EXTRA_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  resolvers: new Set(["accepted_payload_size", "hold"]),
  peers: new Set(["disabled", "enabled"]),
  mailers: new Set(["mailer"]),
  ring: new Set(["format", "maxlen", "size", "timeout connect", "timeout server"]),
  "http-errors": new Set(["errorfile"]),
  "log-forward": new Set(["timeout client"]),
  global: new Set(["set-var", "set-var-fmt"]),
  defaults: new Set(["errorfile", "hash-balance-factor", "hash-type", ...CHECK_VARIABLES]),
  // A frontend ignores `hash-type` and `hash-balance-factor` (HA002) but parses them as a backend does, extra words left alone
  // (measured on 2.6.12, 3.0.11 and 3.2.26: `hash-type consistent crc32 avalanche x` passes there; the fifteenth mutation round).
  frontend: new Set(["errorfile", "hash-balance-factor", "hash-type"]),
  backend: new Set(["errorfile", "hash-balance-factor", "hash-type", ...CHECK_VARIABLES]),
  listen: new Set(["errorfile", "hash-balance-factor", "hash-type", ...CHECK_VARIABLES]),
};

/**
 * Minimums that depend on the section or the first word, which the tables cannot hold: a proxy's
 * `server` needs an address (a `peers` one may go without, and haproxy 2.6.12 even takes a bare
 * `server` there without a word), and `log` needs a facility after its
 * target unless it is `log global`.
 */
function minimumFor(reading: Known, sectionType: string): number | undefined {
  const name = reading.match.keyword.name;
  if (name === "server") return sectionType === "peers" ? 0 : 2;
  if (name === "log" && reading.value(0) !== "global") return 2;
  // haproxy 2.6.12 takes a log-forward section's `bind` without an address (it then binds nothing).
  if (name === "bind" && sectionType === "log-forward") return 0;
  return undefined;
}

/**
 * An action of a rule set (`http-request set-header X-A`) with fewer words than it needs before its
 * condition, or more than it takes: its name, the limit, the count and the first word too many.
 * haproxy 2.6.12 refuses every action of the tables one word short of its minimum ("expects exactly
 * 2 arguments"), and a word after the arguments of an action that takes a fixed number that is
 * not `if` or `unless` ("expects either 'if' or 'unless' followed by a condition but found 'iff'"):
 * a misspelt `if`, or a condition without it. Actions with optional words have no maximum in the
 * tables. Read without making the line's words.
 */
/** Actions that took arguments only later: 2.6.12 takes none after `silent-drop` (3.x adds `rst-ttl N`). */
const NO_ARGUMENTS_AT_26: ReadonlySet<string> = new Set(["silent-drop"]);
/**
 * Counts the tables leave open: `set-var-fmt(NAME)` takes one log format, or none (measured on 2.6.12
 * in every rule set: `set-var-fmt(txn.y) %[src] %[dst]` is "expects either 'if' or 'unless' … but
 * found '%[dst]'"; without a format it passes).
 */
// `sc-add-gpc(IDX,SC)` without an expression passes too (measured on 3.0.11 and 3.2.26).
const MEASURED_ACTION_ARGS: Readonly<Record<string, { readonly min: number; readonly max: number }>> = { "set-var-fmt": { min: 0, max: 1 }, "sc-add-gpc": { min: 0, max: -1 } };

function actionCount(ruleSet: string, reading: Known, version: string): { readonly name: string; readonly min: number; readonly max: number; readonly count: number; readonly extra: number } | undefined {
  const word = reading.value(0);
  const found = word === undefined ? undefined : haproxyAction(ruleSet, word);
  const measured = found && MEASURED_ACTION_ARGS[found.name];
  const action = found && version === "2.6" && NO_ARGUMENTS_AT_26.has(found.name) ? { ...found, args: { min: 0, max: 0 } } : found && measured ? { ...found, args: measured } : found;
  if (!action?.args || (action.args.min === 0 && action.args.max < 0)) return undefined;
  let count = 0;
  for (let i = 1; i < reading.count; i++) {
    const value = reading.value(i);
    // An empty word (`""`, `''`) ends haproxy's arguments: `set-header X-A ""` is "expects exactly 2
    // arguments" on 2.6.12, 3.0.11 and 3.2.26 (the fourteenth mutation round).
    if (value === "if" || value === "unless" || value === "") break;
    count++;
  }
  const { min, max } = action.args;
  if (count >= min && (max < 0 || count <= max)) return undefined;
  return { name: `${reading.match.keyword.name} ${word!.replace(/\(.*$/, "")}`, min, max, count, extra: 1 + max };
}

export const argumentCount: HaproxyRule = {
  meta: {
    id: "HA003",
    alias: "argument-count",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a keyword with too few or too many arguments",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const { section, uri, name, type } of model.sections) {
      // `global`, `traces` take no name, `defaults` and `crt-store` may go without one
      if (name === undefined && SECTION_KINDS.get(type)?.named === "required") report({ uri, range: section.header.words[0]!.range, message: `'${type}' needs a name` });
    }
    parameterCountReports(model, report);
    // The limits of MAX_BEFORE that hold at the model's version, compared once rather than per line (`option httpchk` is common).
    const olderMax = new Map<string, number>();
    for (const [keyword, older] of Object.entries(MAX_BEFORE)) if (compareVersions(model.version, older.before) < 0) olderMax.set(keyword, older.max);
    // An indexed loop: a for...of over 100,000 statements allocates an iterator result per step.
    const placedList = model.statements();
    for (let placedAt = 0; placedAt < placedList.length; placedAt++) {
      const placed = placedList[placedAt]!;
      const { statement, section, reading } = placed;
      if (reading.kind !== "known" || !reading.match.keyword.args) continue;
      // An unclosed quote takes in the rest of the line (a syntax error): the words cannot be counted.
      if (!placed.plain && reading.args.some((word) => word.unterminatedQuote)) continue;
      const ruleSet = reading.match.keyword.actions;
      const action = ruleSet ? actionCount(ruleSet, reading, model.version) : undefined;
      if (action && action.count < action.min) {
        report({
          uri: section.uri,
          range: reading.args[0]!.range,
          message: `'${action.name}' needs ${action.min === 1 ? "an argument" : `${action.min} arguments`}${action.count > 0 ? ` (it has ${action.count})` : ""}`,
        });
      } else if (action) {
        const extra = reading.args[action.extra]!;
        const takes = action.max === 0 ? "takes no argument" : `takes ${action.max} argument${action.max === 1 ? "" : "s"}`;
        report({
          uri: section.uri,
          range: extra.range,
          message: `'${action.name}' ${takes}, then only 'if' or 'unless' and a condition; haproxy refuses '${extra.value}'`,
        });
      }
      // `no log` drops the inherited targets and takes no argument: haproxy refuses `no log global`.
      if (reading.match.negated && reading.match.keyword.name === "log" && reading.count > 0) {
        report({ uri: section.uri, range: { start: reading.args[0]!.range.start, end: reading.args[reading.args.length - 1]!.range.end }, message: `'${statement.keyword.value} log' takes no argument (it drops the log targets set before); haproxy refuses the line` });
      }
      // `no option x`: the negated form takes no arguments, and haproxy does not count them the same way.
      if (reading.match.negated || ignoredInRing(section, reading.match.keyword.name) || ignoredInFrontend(section, reading.match.keyword.name)) continue;
      const name = reading.match.keyword.name;
      const min = minimumFor(reading, section.type) ?? reading.match.keyword.args.min;
      const older = olderMax.get(name);
      // The global `user` and `group` take one word; the userlist keywords of the same names take more.
      const globalName = section.type === "global" && (name === "user" || name === "group");
      const max = globalName ? 1 : older !== undefined ? older : reading.match.keyword.args.max;
      const count = reading.count;
      if (count < min) {
        report({
          uri: section.uri,
          range: keywordRange(statement, reading.match),
          message: `'${name}' needs ${min === 1 ? "an argument" : `at least ${min} arguments`}${count > 0 ? ` (it has ${count})` : ""}`,
        });
      } else if (max < 0 && READS_ONLY.has(name) && count > READS_ONLY.get(name)!) {
        const extra = reading.args.slice(READS_ONLY.get(name));
        report({
          severity: "warning",
          uri: section.uri,
          range: { start: extra[0]!.range.start, end: extra[extra.length - 1]!.range.end },
          message: `'${name}' reads one word, and haproxy ignores the rest: '${extra.map((word) => word.value).join(" ")}' (to keep a blank in the value, escape it with '\\' or quote the value)`,
        });
      } else if (name === "option tcplog" && count === 1 && max === 1 && reading.value(0) !== "clf" && !reading.args[0]!.value.includes("$")) {
        // 3.2.26: "keyword 'tcplog' only supports option 'clf'" (measured).
        report({ uri: section.uri, range: reading.args[0]!.range, message: `'option tcplog' takes only 'clf', not '${reading.value(0)}'; haproxy refuses the line` });
      } else if (max >= 0 && count > max && reading.args[max]!.value !== "") {
        // haproxy looks at the first word past the last it takes: an empty one (`busy-polling ""`) ends the line for it (a sweep).
        const extra = reading.args.slice(max);
        const ignored = IGNORES_EXTRA_WORDS[section.type]?.has(name) === true || (model.version === "3.0" && IGNORED_AT_30.has(name));
        const takes = max === 0 ? "takes no argument" : `takes ${max === 1 ? "one value" : `${max} arguments`}`;
        report({
          ...(ignored ? { severity: "warning" as const } : {}),
          uri: section.uri,
          range: { start: extra[0]!.range.start, end: extra[extra.length - 1]!.range.end },
          message: ignored
            ? `'${name}' ${takes}; ${model.version === "3.0" && IGNORED_AT_30.has(name) ? "haproxy 3.0" : `in ${section.type === "ring" ? "a ring" : `${section.type.startsWith("http") ? "an" : "a"} ${section.type} section`} haproxy`} ignores the rest without a word`
            : max === 0
              ? `'${name}' takes no argument`
              : `'${name}' takes at most ${max} argument${max === 1 ? "" : "s"}; haproxy refuses the rest`,
        });
      }
    }
  },
};
