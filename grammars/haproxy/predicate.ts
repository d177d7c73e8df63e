// `.if` / `.elif` expressions: `defined(X) && (streq("$A",b) || !feature(OPENSSL))`, `1`, `0`.
// haproxy first reads the directive's words like any line (quotes and escapes removed), joins them
// with single spaces, and parses that text. So does this parser, with a map from every character of
// the joined text back to the source, so that each node keeps its exact range. As in haproxy 2.6:
// AND binds tighter than OR; a predicate's arguments run to the next `,` or `)` with no nesting and
// keep their spaces; a bare term must be an integer. Predicate names are not checked here: which
// exist depends on the version.
import { diagnostic, type SyntaxDiagnostic } from "../common/diagnostics.js";
import { excerpt } from "../common/excerpt.js";
import type { LineIndex } from "../common/text.js";
import type { Predicate, PredicateArgument } from "./ast.js";
import type { Word, WordPart } from "./words.js";

interface Joined {
  /** The words' values joined with single spaces, variables left as written. */
  readonly text: string;
  /** Source offset of every character of `text`, plus one entry for its end. */
  readonly offsets: number[];
}

function mapParts(parts: readonly WordPart[], text: string[], offsets: number[]): void {
  for (const part of parts) {
    const start = part.range.localStart;
    if (part.kind === "double-quoted") mapParts(part.parts, text, offsets);
    else if (part.kind === "escape") for (const c of part.value) text.push(c), offsets.push(start);
    else {
      const first = part.kind === "single-quoted" ? start + 1 : start;
      const value = part.kind === "variable" ? part.text : part.value;
      for (let k = 0; k < value.length; k++) text.push(value[k]!), offsets.push(first + k);
    }
  }
}

function join(words: readonly Word[]): Joined {
  const text: string[] = [];
  const offsets: number[] = [];
  words.forEach((word, index) => {
    if (index > 0) text.push(" "), offsets.push(words[index - 1]!.range.localEnd);
    if (word.isPlain) for (let k = 0; k < word.text.length; k++) text.push(word.text[k]!), offsets.push(word.range.localStart + k);
    else mapParts(word.parts, text, offsets);
  });
  offsets.push(words[words.length - 1]!.range.localEnd);
  return { text: text.join(""), offsets };
}

const MAX_NESTING = 100;

/** The fewest and most arguments of the predicates haproxy 2.6 has, which later versions keep. */
const PREDICATE_ARGUMENTS: Readonly<Record<string, readonly [number, number]>> = {
  defined: [1, 1],
  feature: [1, 1],
  streq: [2, 2],
  strneq: [2, 2],
  version_atleast: [1, 1],
  version_before: [1, 1],
};

/** Parses the condition made of `words` (the words after `.if` or `.elif`). */
export function parsePredicate(lines: LineIndex, words: readonly Word[], diagnostics: SyntaxDiagnostic[]): Predicate | undefined {
  if (words.length === 0) return undefined;
  const { text, offsets } = join(words);
  // An empty condition is false, and allowed.
  if (text.trim() === "") return undefined;
  let pos = 0;
  let failed = false;
  // The source range of text[from, to): from the first character's offset to just after the last one.
  const span = (from: number, to: number) =>
    lines.range(offsets[from]!, to > from ? Math.max(offsets[to - 1]! + 1, offsets[from]!) : offsets[from]!);
  /** The length of the lexical unit at `at`: an operator, a parenthesis, or a run of other characters. */
  const unitLength = (at: number) => {
    if (at >= text.length) return 0;
    if (text.startsWith("&&", at) || text.startsWith("||", at)) return 2;
    if ("()!,".includes(text[at]!)) return 1;
    let end = at;
    while (end < text.length && !" \t()!,".includes(text[end]!) && !text.startsWith("&&", end) && !text.startsWith("||", end)) end++;
    return end - at;
  };
  const fail = (at: number, message: string) => {
    if (!failed) diagnostics.push(diagnostic("invalid-predicate", "error", message, span(at, at + unitLength(at))));
    failed = true;
    return undefined;
  };
  const skipSpaces = () => {
    while (text[pos] === " " || text[pos] === "\t") pos++;
  };
  const rest = () => (pos < text.length ? `'${excerpt(text.slice(pos, pos + Math.max(1, unitLength(pos))))}'` : "the end of the condition");

  const parseOr = (): Predicate | undefined => binary("||", "or", parseAnd);
  const parseAnd = (): Predicate | undefined => binary("&&", "and", parseTerm);

  function binary(op: "&&" | "||", kind: "and" | "or", next: () => Predicate | undefined): Predicate | undefined {
    const first = next();
    if (!first) return undefined;
    const operands: Predicate[] = [first];
    for (;;) {
      skipSpaces();
      if (!text.startsWith(op, pos)) break;
      pos += 2;
      const operand = next();
      if (!operand) return undefined;
      operands.push(operand);
    }
    if (operands.length === 1) return first;
    return { kind, operands, range: lines.range(first.range.localStart, operands[operands.length - 1]!.range.localEnd) };
  }

  let depth = 0;
  function parseTerm(): Predicate | undefined {
    skipSpaces();
    const start = pos;
    // Nesting is recursion: a pathological line must not exhaust the stack.
    if ((text[pos] === "!" || text[pos] === "(") && depth >= MAX_NESTING) return fail(pos, `the condition nests more than ${MAX_NESTING} levels deep`);
    if (text[pos] === "!") {
      pos++;
      depth++;
      const operand = parseTerm();
      depth--;
      if (!operand) return undefined;
      return { kind: "not", operand, range: lines.range(offsets[start]!, operand.range.localEnd) };
    }
    if (text[pos] === "(") {
      pos++;
      depth++;
      const expression = parseOr();
      depth--;
      if (!expression) return undefined;
      skipSpaces();
      if (text[pos] !== ")") return fail(pos, `expected ')' to close the '(' opened here, found ${rest()}`);
      pos++;
      return { kind: "group", expression, range: span(start, pos) };
    }
    const number = /^-?[0-9]+/.exec(text.slice(pos));
    if (number) {
      pos += number[0].length;
      return { kind: "value", text: number[0], range: span(start, pos) };
    }
    // A value made only of variables (`"${WITH_SSL}"`) is known when haproxy runs, not now.
    const variable = /^\$(?:\{[^}]*\}|\.?[A-Za-z_][A-Za-z0-9_]*)+/.exec(text.slice(pos));
    if (variable) {
      pos += variable[0].length;
      return { kind: "value", text: variable[0], range: span(start, pos) };
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos));
    if (!name || text[pos + name[0].length] !== "(") {
      return fail(start, `expected a predicate such as defined(NAME), an integer, '!' or '(', found ${rest()}`);
    }
    pos += name[0].length + 1;
    const nameRange = span(start, start + name[0].length);
    const args: PredicateArgument[] = [];
    const argStarts: number[] = [];
    if (text[pos] === ")") pos++;
    else {
      for (;;) {
        const argStart = pos;
        argStarts.push(argStart);
        while (pos < text.length && text[pos] !== "," && text[pos] !== ")") pos++;
        const value = text.slice(argStart, pos);
        const range = span(argStart, pos);
        args.push({ text: lines.text.slice(range.localStart, range.localEnd), value, range });
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] !== ")") return fail(argStart, `expected ')' after the arguments of '${excerpt(name[0])}'`);
        pos++;
        break;
      }
    }
    // The argument counts of the predicates every version has (measured, 2.6.12: "expected ')' before
    // ',1)' in argument 1 of predicate 'feature'", "missing arguments (got 1/2) … of predicate 'streq'";
    // `feature()` passes, its one argument empty).
    const counts = PREDICATE_ARGUMENTS[name[0]];
    const given = Math.max(args.length, 1);
    if (counts && given > counts[1]) return fail(argStarts[counts[1]]!, `'${name[0]}' takes ${counts[1]} argument${counts[1] === 1 ? "" : "s"}, and is given ${given}`);
    if (counts && given < counts[0]) return fail(start, `'${name[0]}' takes ${counts[0]} arguments, and is given ${given}`);
    return { kind: "call", name: name[0], nameRange, args, range: span(start, pos) };
  }

  skipSpaces();
  const expression = parseOr();
  skipSpaces();
  if (expression && pos < text.length) return fail(pos, `unexpected ${rest()} after the end of the condition`);
  return failed ? undefined : expression;
}
