// `if` / `unless` ACL conditions: named ACLs and `{ inline ACLs }` joined by implicit AND, `||` or
// `or`, each optionally negated with `!` (alone or stuck to the name). haproxy wants the braces of an
// inline ACL as separate words; `{path` is read as an ACL named "{path" and left to the checker.
import { diagnostic, type SyntaxDiagnostic } from "../common/diagnostics.js";
import { excerpt } from "../common/excerpt.js";
import type { LineIndex } from "../common/text.js";
import type { AclReference, AnonymousAcl, Condition, ConditionAnd, ConditionOr, ConditionTerm } from "./ast.js";
import type { Word } from "./words.js";

/**
 * First words of the statements that accept a trailing condition. This is grammar, not keyword
 * knowledge: it decides whether the word `if` starts a condition or is an ordinary argument.
 */
export const CONDITION_KEYWORDS: ReadonlySet<string> = new Set([
  "http-request",
  "http-response",
  "http-after-response",
  "tcp-request",
  "tcp-response",
  "quic-initial",
  "use_backend",
  "use-server",
  "use-fcgi-app",
  "redirect",
  "stick",
  "force-persist",
  "ignore-persist",
  "monitor",
  "stats",
  "block",
  "reqallow",
  "reqdeny",
  "reqpass",
  "reqtarpit",
  "reqadd",
  "rspadd",
  "reqrep",
  "reqirep",
  "rsprep",
  "rspirep",
  "reqdel",
  "reqidel",
  "rspdel",
  "rspidel",
  "rspdeny",
  "rspideny",
  "reqideny",
  "reqiallow",
  "reqipass",
  "reqitarpit",
]);

/** Index of the `if`/`unless` word that starts the condition, or -1. */
export function conditionStart(words: readonly Word[]): number {
  const first = words[0];
  // Words are compared unquoted, as haproxy compares them: `"if"` is `if`.
  if (!first || !CONDITION_KEYWORDS.has(first.value)) return -1;
  for (let i = 1; i < words.length; i++) {
    const value = words[i]!.value;
    if (value === "if" || value === "unless") return i;
  }
  return -1;
}

export function parseCondition(
  words: readonly Word[],
  lines: LineIndex,
  diagnostics: SyntaxDiagnostic[],
): Condition {
  const keyword = words[0]!;
  const rest = words.slice(1);
  const last = words[words.length - 1]!;
  const range = lines.range(keyword.range.localStart, last.range.localEnd);
  if (rest.length === 0) {
    diagnostics.push(
      diagnostic("empty-condition", "warning", `nothing follows '${excerpt(keyword.text)}': haproxy accepts it, and the rule then always applies`, keyword.range),
    );
    return { kind: "condition", keyword, negated: keyword.value === "unless", expression: undefined, range };
  }
  const expression = parseOr(rest, lines, diagnostics);
  return { kind: "condition", keyword, negated: keyword.value === "unless", expression, range };
}

function parseOr(words: readonly Word[], lines: LineIndex, diagnostics: SyntaxDiagnostic[]): ConditionOr {
  const alternatives: ConditionAnd[] = [];
  const operators: Word[] = [];
  let current: ConditionTerm[] = [];
  let i = 0;
  const closeAlternative = (at: Word) => {
    if (current.length === 0) {
      diagnostics.push(diagnostic("empty-condition", "warning", `no ACL before or after '${excerpt(at.text)}': haproxy accepts it silently; was a term lost?`, at.range));
      return;
    }
    alternatives.push({ kind: "and", terms: current, range: spanOf(current, lines) });
    current = [];
  };
  while (i < words.length) {
    const word = words[i]!;
    // haproxy compares `or` without regard to case: `OR` and `Or` are operators, not ACL names.
    if (word.value === "||" || word.value.toLowerCase() === "or") {
      closeAlternative(word);
      operators.push(word);
      i++;
      continue;
    }
    const term = parseTerm(words, i, lines, diagnostics);
    current.push(term.term);
    i = term.next;
  }
  if (current.length > 0) alternatives.push({ kind: "and", terms: current, range: spanOf(current, lines) });
  else if (operators.length > 0) closeAlternative(operators[operators.length - 1]!);
  const first = words[0]!;
  const lastWord = words[words.length - 1]!;
  return {
    kind: "or",
    alternatives,
    operators,
    range: lines.range(first.range.localStart, lastWord.range.localEnd),
  };
}

function parseTerm(
  words: readonly Word[],
  start: number,
  lines: LineIndex,
  diagnostics: SyntaxDiagnostic[],
): { term: ConditionTerm; next: number } {
  let i = start;
  let negated = false;
  // A lone `!` negates the next term; repeated ones toggle, as in haproxy.
  while (i < words.length - 1 && words[i]!.value === "!") {
    negated = !negated;
    i++;
  }
  const word = words[i]!;
  const from = words[start]!.range.localStart;
  // `!`s stuck to a word negate too: haproxy strips them before it looks at the word, so `!name` is a
  // negated ACL and `!{ … }` a negated inline ACL.
  let name = word.value;
  let nameStart = word.range.localStart;
  // Asked once: `isPlain` reads the whole word, and a word may be a long run of `!`.
  const plain = word.isPlain;
  while (name.startsWith("!") && name.length > 1) {
    negated = !negated;
    name = name.slice(1);
    // A quoted word's characters do not map one to one onto the source: its range stays whole.
    if (plain) nameStart++;
  }
  if (name === "{") {
    const inner: Word[] = [];
    let j = i + 1;
    while (j < words.length && words[j]!.value !== "}") inner.push(words[j++]!);
    const close = words[j];
    if (!close) {
      diagnostics.push(diagnostic("unclosed-anonymous-acl", "error", "missing '}' to close this inline ACL", word.range));
    } else if (inner.length === 0) {
      diagnostics.push(diagnostic("empty-anonymous-acl", "error", "an inline ACL needs a criterion between '{' and '}'", word.range));
    }
    const end = (close ?? inner[inner.length - 1] ?? word).range.localEnd;
    const term: AnonymousAcl = { kind: "anonymous-acl", negated, open: word, words: inner, close, range: lines.range(from, end) };
    return { term, next: close ? j + 1 : j };
  }
  if (word.value === "!") {
    diagnostics.push(diagnostic("empty-condition", "warning", "nothing follows '!': haproxy accepts it silently; was an ACL lost?", word.range));
  }
  const term: AclReference = {
    kind: "acl",
    negated,
    name,
    nameRange: lines.range(nameStart, word.range.localEnd),
    word,
    range: lines.range(from, word.range.localEnd),
  };
  return { term, next: i + 1 };
}

function spanOf(terms: readonly ConditionTerm[], lines: LineIndex) {
  return lines.range(terms[0]!.range.localStart, terms[terms.length - 1]!.range.localEnd);
}
