// What haproxy compares a line's first word with. haproxy expands "${VAR}" inside double quotes
// before it looks at the keyword, so `gl"${A}"obal` is `global` when A is unset (or empty), and
// `.e"${A}"ndif` is `.endif`. lblint reads such a keyword with every variable unset, as `haproxy -c`
// does in an empty environment, and says so; where that reading cannot tell whether the line opens
// a section, it says that instead of reporting the lines after it.
import { diagnostic, type SyntaxDiagnostic } from "../common/diagnostics.js";
import { excerpt } from "../common/excerpt.js";
import type { Word } from "./words.js";

/** The keyword as haproxy compares it: unquoted, with variables expanded as unset. */
export function keywordName(word: Word): string {
  return word.variables.length === 0 ? word.value : word.expand({});
}

function variableNames(word: Word): string {
  return excerpt([...new Set(word.variables.map((variable) => variable.name))].join(", "));
}

/** The note for a keyword whose environment-dependent reading lblint chose. */
export function expandedKeyword(word: Word, name: string): SyntaxDiagnostic {
  return diagnostic(
    "keyword-variable",
    "info",
    `this keyword depends on the environment (${variableNames(word)}); lblint reads it as '${excerpt(name)}', as haproxy does when ${word.variables.length > 1 ? "they are" : "it is"} unset`,
    word.range,
  );
}

/** The note for a keyword outside any section that might open one, depending on the environment. */
export function undecidedKeyword(word: Word): SyntaxDiagnostic {
  return diagnostic(
    "keyword-variable",
    "info",
    `lblint cannot tell what this keyword is: it depends on the environment (${variableNames(word)}); the lines after it are not reported as outside a section`,
    word.range,
  );
}
