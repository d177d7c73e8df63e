// `.if` / `.elif` expressions: `defined(X) && (streq("$A",b) || !feature(OPENSSL))`, `1`, `0`.
// haproxy joins the directive's words with spaces and parses the result; we parse the source text
// between the first and last argument so that every node keeps its exact range. AND binds tighter
// than OR. Predicate names are not checked here: which ones exist depends on the version.
import { diagnostic, type SyntaxDiagnostic } from "../common/diagnostics.js";
import type { LineIndex } from "../common/text.js";
import type { Predicate, PredicateArgument } from "./ast.js";

type TokenKind = "(" | ")" | "," | "&&" | "||" | "!" | "atom" | "end";

interface Token {
  kind: TokenKind;
  start: number;
  end: number;
}

function tokenize(text: string, base: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === "&&" || two === "||") {
      tokens.push({ kind: two, start: base + i, end: base + i + 2 });
      i += 2;
      continue;
    }
    if (c === "(" || c === ")" || c === "," || c === "!") {
      tokens.push({ kind: c, start: base + i, end: base + i + 1 });
      i++;
      continue;
    }
    // An atom: a run of bare characters and quoted strings.
    const start = i;
    while (i < text.length) {
      const d = text[i]!;
      if (d === '"' || d === "'") {
        const close = text.indexOf(d, i + 1);
        i = close < 0 ? text.length : close + 1;
        continue;
      }
      if (d === "\\") {
        i += 2;
        continue;
      }
      if (" \t(),!".includes(d) || text.startsWith("&&", i) || text.startsWith("||", i)) break;
      i++;
    }
    tokens.push({ kind: "atom", start: base + start, end: base + Math.min(i, text.length) });
  }
  tokens.push({ kind: "end", start: base + text.length, end: base + text.length });
  return tokens;
}

function unquote(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      out += text.slice(i + 1, close < 0 ? text.length : close);
      i = close < 0 ? text.length : close + 1;
    } else if (c === "\\" && i + 1 < text.length) {
      out += text[i + 1];
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Parses the expression found in `lines.text` between `start` and `end`. */
export function parsePredicate(
  lines: LineIndex,
  start: number,
  end: number,
  diagnostics: SyntaxDiagnostic[],
): Predicate | undefined {
  const source = lines.text;
  const tokens = tokenize(source.slice(start, end), start);
  let pos = 0;
  let failed = false;
  const peek = () => tokens[pos]!;
  const span = (from: number, to: number) => lines.range(from, to);
  const fail = (token: Token, message: string) => {
    if (!failed) diagnostics.push(diagnostic("invalid-predicate", "error", message, span(token.start, Math.max(token.end, token.start))));
    failed = true;
  };
  const describe = (token: Token) => (token.kind === "end" ? "end of line" : `'${source.slice(token.start, token.end)}'`);

  const parseOr = (): Predicate | undefined => binary("||", "or", parseAnd);
  const parseAnd = (): Predicate | undefined => binary("&&", "and", parseUnary);

  function binary(op: "&&" | "||", kind: "and" | "or", next: () => Predicate | undefined): Predicate | undefined {
    const first = next();
    if (!first || peek().kind !== op) return first;
    const operands: Predicate[] = [first];
    while (peek().kind === op) {
      pos++;
      const operand = next();
      if (!operand) return undefined;
      operands.push(operand);
    }
    return { kind, operands, range: span(first.range.startOffset, operands[operands.length - 1]!.range.endOffset) };
  }

  function parseUnary(): Predicate | undefined {
    const token = peek();
    if (token.kind === "!") {
      pos++;
      const operand = parseUnary();
      return { kind: "not", operand, range: span(token.start, operand?.range.endOffset ?? token.end) };
    }
    if (token.kind === "(") {
      pos++;
      const expression = parseOr();
      const close = peek();
      if (close.kind !== ")") {
        fail(close, `expected ')' to close the '(' at column ${lines.position(token.start).column + 1}, found ${describe(close)}`);
        return undefined;
      }
      pos++;
      return { kind: "group", expression, range: span(token.start, close.end) };
    }
    if (token.kind !== "atom") {
      fail(token, `expected a predicate or a value, found ${describe(token)}`);
      return undefined;
    }
    pos++;
    if (peek().kind !== "(") {
      return { kind: "value", text: source.slice(token.start, token.end), range: span(token.start, token.end) };
    }
    pos++;
    const args: PredicateArgument[] = [];
    for (;;) {
      const argStart = peek();
      if (argStart.kind === ")" && args.length === 0) break;
      // An argument is everything up to the next ',' or ')' at this level.
      let argEnd = argStart;
      while (peek().kind === "atom" || peek().kind === "!" || peek().kind === "&&" || peek().kind === "||") argEnd = tokens[pos++]!;
      const text = argEnd === argStart && argStart.kind !== "atom" ? "" : source.slice(argStart.start, argEnd.end);
      args.push({ text, value: unquote(text), range: span(argStart.start, text ? argEnd.end : argStart.start) });
      if (peek().kind === ",") {
        pos++;
        continue;
      }
      break;
    }
    const close = peek();
    if (close.kind !== ")") {
      fail(close, `expected ',' or ')' in the arguments of '${source.slice(token.start, token.end)}', found ${describe(close)}`);
      return undefined;
    }
    pos++;
    return {
      kind: "call",
      name: source.slice(token.start, token.end),
      nameRange: span(token.start, token.end),
      args,
      range: span(token.start, close.end),
    };
  }

  if (peek().kind === "end") return undefined;
  const expression = parseOr();
  if (!failed && peek().kind !== "end") fail(peek(), `unexpected ${describe(peek())} after the end of the condition`);
  return failed ? undefined : expression;
}
