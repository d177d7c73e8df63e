// HA053: a rule that can never apply because an earlier rule of the same set stops the evaluation
// first: an unconditional final rule (`http-request deny`, `use_backend x`), or a final rule with
// the very same condition (same words). Rule sets are evaluated separately — http-request,
// http-response, http-after-response, each tcp-request/tcp-response stage, use_backend, use-server,
// redirect — so only rules of one set are compared. A rule in between that can change what
// conditions read (set-header, set-var, track-sc…) ends the comparison of conditions, since the
// same words may then give another answer.
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { isGuarded, type SectionModel } from "./model.js";
import { spanWords } from "./options.js";
import { lineOf } from "./proxy-settings.js";

const FINAL: Readonly<Record<string, ReadonlySet<string>>> = {
  "http-request": new Set(["allow", "deny", "reject", "tarpit", "redirect", "return", "auth", "silent-drop", "use-service"]),
  "http-response": new Set(["allow", "deny", "redirect", "return", "silent-drop"]),
  "http-after-response": new Set(["allow"]),
  "tcp-request connection": new Set(["accept", "reject", "silent-drop"]),
  "tcp-request session": new Set(["accept", "reject", "silent-drop"]),
  "tcp-request content": new Set(["accept", "reject", "silent-drop", "use-service", "switch-mode"]),
  "tcp-response content": new Set(["accept", "reject", "close", "silent-drop"]),
};

/** Non-final actions that change nothing a later condition could read. */
const PURE = new Set(["capture", "set-log-level", "set-nice", "set-mark", "set-tos", "set-priority-class", "set-priority-offset", "early-hint", "set-timeout"]);

/** Keywords whose every rule is final: the first one that matches wins. */
const SWITCHING = new Set(["use_backend", "use-server", "redirect"]);

interface Rule {
  readonly set: string;
  readonly action: string;
  readonly head: Word;
  readonly final: boolean;
}

function readRule(statement: Statement, disabled: ReadonlySet<string>): Rule | undefined {
  const keyword = statement.keyword.value;
  // A redirect with `ignore-empty` is skipped when its location is empty; newer haproxy versions
  // skip a use_backend that names a disabled backend (2.6 answers 503): neither always applies.
  const skippable =
    statement.args.some((w) => w.value === "ignore-empty") || (keyword === "use_backend" && disabled.has(statement.args[0]?.value ?? ""));
  if (SWITCHING.has(keyword)) return { set: keyword, action: keyword, head: statement.keyword, final: !skippable };
  if (keyword === "http-request" || keyword === "http-response" || keyword === "http-after-response") {
    const action = statement.args[0];
    if (!action) return undefined;
    const name = action.value.replace(/\(.*$/, "");
    return { set: keyword, action: skippable ? "capture" : name, head: action, final: FINAL[keyword]!.has(name) && !skippable };
  }
  if (keyword === "tcp-request" || keyword === "tcp-response") {
    const stage = statement.args[0]?.value;
    const action = statement.args[1];
    const set = `${keyword} ${stage}`;
    if (!action || !FINAL[set]) return undefined;
    const name = action.value.replace(/\(.*$/, "");
    return { set, action: name, head: action, final: FINAL[set]!.has(name) };
  }
  return undefined;
}

function conditionKey(statement: Statement): string | undefined {
  const condition = statement.condition;
  if (!condition) return undefined;
  const at = statement.words.indexOf(condition.keyword);
  return statement.words
    .slice(at)
    .map((w) => w.value)
    .join(" ");
}

/** The keywords `readRule` reads a rule from. */
const RULE_KEYWORDS: readonly string[] = [...SWITCHING, "http-request", "http-response", "http-after-response", "tcp-request", "tcp-response"];

/** How a message names an earlier rule: its words up to the action, and its line. */
function describeRule(earlier: Statement, disabled: ReadonlySet<string>, section: SectionModel): string {
  const head = earlier.words.indexOf(readRule(earlier, disabled)!.head);
  const text = earlier.words
    .slice(0, head + 1)
    .map((w) => w.value)
    .join(" ");
  return `the '${text}' on ${lineOf(earlier, section.uri, section.uri)}`;
}

export const shadowedRule: HaproxyRule = {
  meta: {
    id: "HA053",
    alias: "shadowed-rule",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a rule can never apply because an earlier rule of the same set always stops the evaluation first",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const disabled = new Set(model.sectionsOfType("backend", "listen").flatMap((s) => (model.has(s, "disabled") && s.name ? [s.name] : [])));
    const always = new Map<string, Statement>();
    const seen = new Map<string, Map<string, Statement>>();
    for (const section of model.sectionsOfType("frontend", "listen", "backend")) {
      const lines = model.keywordsIn(section, RULE_KEYWORDS);
      // A rule shadows another of its set.
      if (lines.length < 2) continue;
      always.clear();
      seen.clear();
      for (const statement of lines) {
        if (isGuarded(statement)) continue;
        const rule = readRule(statement, disabled);
        if (!rule) continue;
        const first = always.get(rule.set);
        if (first) {
          report({
            uri: section.uri,
            range: spanWords(statement.keyword, rule.head),
            related: [{ uri: section.uri, range: first.range, message: "this rule always stops the evaluation" }],
            message: `this rule can never apply: ${describeRule(first, disabled, section)} has no condition and stops the evaluation first`,
          });
          continue;
        }
        const key = conditionKey(statement);
        const conditions = seen.get(rule.set) ?? seen.set(rule.set, new Map()).get(rule.set)!;
        const twin = key === undefined ? undefined : conditions.get(key);
        if (twin && key !== undefined) {
          report({
            uri: section.uri,
            range: statement.condition!.range,
            related: [{ uri: section.uri, range: twin.condition!.range, message: "the same condition" }],
            message: `this rule can never apply: ${describeRule(twin, disabled, section)} has the same condition and stops the evaluation first`,
          });
          continue;
        }
        if (rule.final) {
          if (key === undefined) always.set(rule.set, statement);
          else conditions.set(key, statement);
        } else if (!PURE.has(rule.action)) conditions.clear();
      }
    }
  },
};
