// HA001: a keyword haproxy does not know: a typo, a keyword from another product, an unknown
// `option`, `timeout` or rule action. haproxy refuses to start on the first one.
import { stickCounters } from "./action-words.js";
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import { haproxyActions, haproxyAction, haproxyKeywordFamily, haproxyKeywordsIn } from "../../facts/haproxy.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { HaproxyRule, Report } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import type { HaproxyModel, SectionModel } from "./model.js";
import { hasVariable } from "./keywords.js";
import { negationReport } from "./negation.js";
import { SECTION_KINDS } from "../../../../grammars/haproxy/sections.js";

/** For `option foo`, `timeout foo`, `stats foo`: the family's known second words. */
function familyReport(statement: Statement): Report | undefined {
  const words = [statement.keyword, ...statement.args];
  const negated = words[0]!.value === "no" || words[0]!.value === "default";
  const head = words[negated ? 1 : 0];
  const second = words[negated ? 2 : 1];
  if (!head || !second) return undefined;
  const family = haproxyKeywordFamily(head.value).filter((k) => k.name.includes(" "));
  if (family.length === 0) return undefined;
  const names = family.map((k) => k.name.split(" ")[1]!);
  const candidates = suggest(second.value, names);
  return {
    range: second.range,
    message: `unknown ${head.value} '${second.value}'${didYouMean(candidates.map((c) => `${head.value} ${c}`))}`,
    ...replacementFixes(second.range, candidates),
  };
}

/** The first words of the keywords of a section type at a version (the tables do not change: kept). */
const firstWords = new Map<string, ReadonlySet<string>>();

function keywordNames(type: string, version: string): ReadonlySet<string> {
  const key = `${type} ${version}`;
  let names = firstWords.get(key);
  if (!names) firstWords.set(key, (names = new Set(haproxyKeywordsIn(type, version as HaproxyModel["version"]).map((k) => k.name.split(" ")[0]!))));
  return names;
}

function keywordReport(statement: Statement, section: SectionModel, model: HaproxyModel): Report {
  const word = statement.keyword;
  // A misspelt section header (`frontned f`) stands in the section before it: offer the section too.
  const candidates = suggest(word.value, [...keywordNames(section.type, model.version), ...SECTION_KINDS.keys()]);
  return {
    range: word.range,
    message: `unknown keyword '${word.value}' in ${section.type === "global" ? "the global section" : `a ${section.type} section`}${didYouMean(candidates)}`,
    ...replacementFixes(word.range, candidates),
  };
}

export const unknownKeyword: HaproxyRule = {
  meta: {
    id: "HA001",
    alias: "unknown-keyword",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a keyword, option or rule action haproxy does not know",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    let counters: number | undefined;
    // An indexed loop: a for...of over 100,000 statements allocates an iterator result per step.
    const placedList = model.statements();
    for (let placedAt = 0; placedAt < placedList.length; placedAt++) {
      const { statement, section, reading } = placedList[placedAt]!;
      if (reading.kind === "unknown") {
        // A ring reads `timeout connect` and `timeout server`, and ignores any other timeout (measured).
        if (section.type === "ring" && statement.keyword.value === "timeout") {
          const found = familyReport(statement);
          if (found) report({ uri: section.uri, ...found, severity: "warning", message: found.message.replace(/^unknown timeout '[^']*'/, "$& (haproxy ignores it in a ring, which reads only 'timeout connect' and 'timeout server')") });
          continue;
        }
        // A frontend skips every `stick` line, known or not, with a warning ("'stick' ignored because
        // frontend 'f' has no backend capability"; 2.6.12, 3.0.11, 3.2.26; sixteenth mutation round).
        if (section.type === "frontend" && statement.keyword.value === "stick") {
          const found = familyReport(statement) ?? keywordReport(statement, section, model);
          report({ uri: section.uri, ...found, severity: "warning", message: `${found.message} (haproxy ignores any 'stick' line in a frontend, which has no backend)` });
          continue;
        }
        report({ uri: section.uri, ...(familyReport(statement) ?? keywordReport(statement, section, model)) });
        continue;
      }
      const negation = negationReport(statement, reading, section);
      if (negation) report(negation);
      if (reading.kind !== "known" || !reading.match.keyword.actions) continue;
      const ruleSet = reading.match.keyword.actions;
      const action = reading.args[0];
      if (!action || hasVariable(action) || haproxyAction(ruleSet, action.value)) continue;
      // From 3.0 `tune.stick-counters` sets how many `track-scN` there are (measured on 3.0.11 and 3.2.26).
      const tracked = /^track-sc(\d+)$/.exec(action.value);
      if (tracked) {
        counters ??= stickCounters(model) ?? Infinity;
        if (Number(tracked[1]) < counters) continue;
      }
      const candidates = suggest(action.value, haproxyActions(ruleSet).map((a) => a.name));
      report({
        uri: section.uri,
        range: action.range,
        message: `unknown ${ruleSet} action '${action.value}'${didYouMean(candidates)}`,
        ...replacementFixes(action.range, candidates),
      });
    }
  },
};
