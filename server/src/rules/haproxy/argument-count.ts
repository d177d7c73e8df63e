// HA003: a keyword with fewer or more words after it than haproxy accepts. haproxy refuses both
// ("'use_backend' expects a backend name", "'timeout client' expects …") — measured keyword by
// keyword against haproxy 2.6.12 when the tables were generated. Keywords whose extra words
// haproxy 2.6.12 tolerates have no maximum in the tables.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { haproxyAction } from "../../facts/haproxy.js";
import { compareVersions } from "../../facts/versions.js";
import type { HaproxyRule, Report } from "../../lint/rule.js";
import { keywordRange } from "./keywords.js";

/**
 * Limits that changed between the versions the tables merge (which keep the larger one): the
 * 3.x `option httpchk` takes a fourth argument, the Host header; 2.6.12 refuses it ("cannot handle
 * unexpected argument").
 */
const MAX_BEFORE: Readonly<Record<string, { readonly before: string; readonly max: number }>> = {
  "option httpchk": { before: "2.8", max: 3 },
};

/**
 * An action of a rule set (`http-request set-header X-A`) with fewer words than it needs before its
 * condition. haproxy 2.6.12 refuses every action of the tables one word short of its minimum
 * ("expects exactly 2 arguments"); maximums are not checked, as many actions take optional words.
 */
function actionReport(ruleSet: string, keyword: string, args: readonly Word[]): Report | undefined {
  const word = args[0];
  const action = word && haproxyAction(ruleSet, word.value);
  if (!word || !action?.args || action.args.min === 0) return undefined;
  let count = 0;
  while (count + 1 < args.length && args[count + 1]!.value !== "if" && args[count + 1]!.value !== "unless") count++;
  if (count >= action.args.min) return undefined;
  const name = `${keyword} ${word.value.replace(/\(.*$/, "")}`;
  const min = action.args.min;
  return { range: word.range, message: `'${name}' needs ${min === 1 ? "an argument" : `${min} arguments`}${count > 0 ? ` (it has ${count})` : ""}` };
}

/** Section kinds haproxy reads without a name; every other one refuses a header without it. */
const UNNAMED_SECTIONS: ReadonlySet<string> = new Set(["global", "defaults"]);

/**
 * Minimums that depend on the section or the first word, which the tables cannot hold: a proxy's
 * `server` needs an address (a `peers` one may go without), and `log` needs a facility after its
 * target unless it is `log global`.
 */
function minimumFor(name: string, sectionType: string, args: readonly Word[]): number | undefined {
  if (name === "server" && sectionType !== "peers") return 2;
  if (name === "log" && args[0]?.value !== "global") return 2;
  return undefined;
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
      if (name === undefined && !UNNAMED_SECTIONS.has(type)) {
        report({ uri, range: section.header.words[0]!.range, message: `'${type}' needs a name` });
      }
    }
    for (const { statement, section, reading } of model.statements()) {
      if (reading.kind !== "known" || !reading.match.keyword.args) continue;
      // An unclosed quote takes in the rest of the line (a syntax error): the words cannot be counted.
      if (reading.args.some((word) => word.unterminatedQuote)) continue;
      const ruleSet = reading.match.keyword.actions;
      if (ruleSet) {
        const short = actionReport(ruleSet, reading.match.keyword.name, reading.args);
        if (short) report({ uri: section.uri, ...short });
      }
      // `no option x`: the negated form takes no arguments, and haproxy does not count them the same way.
      if (reading.match.negated) continue;
      const min = minimumFor(reading.match.keyword.name, section.type, reading.args) ?? reading.match.keyword.args.min;
      const older = MAX_BEFORE[reading.match.keyword.name];
      const max = older && compareVersions(model.version, older.before) < 0 ? older.max : reading.match.keyword.args.max;
      const count = reading.args.length;
      const name = reading.match.keyword.name;
      if (count < min) {
        report({
          uri: section.uri,
          range: keywordRange(statement, reading.match),
          message: `'${name}' needs ${min === 1 ? "an argument" : `at least ${min} arguments`}${count > 0 ? ` (it has ${count})` : ""}`,
        });
      } else if (max >= 0 && count > max) {
        const extra = reading.args.slice(max);
        report({
          uri: section.uri,
          range: { start: extra[0]!.range.start, end: extra[extra.length - 1]!.range.end },
          message: max === 0 ? `'${name}' takes no argument` : `'${name}' takes at most ${max} argument${max === 1 ? "" : "s"}; haproxy refuses the rest`,
        });
      }
    }
  },
};
