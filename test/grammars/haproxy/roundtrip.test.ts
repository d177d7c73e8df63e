// Printing gives the source back byte for byte, every character belongs to exactly one token, and
// parseHaproxy never throws, whatever it is given (2,000 seeded random documents included).
import { describe, expect, it } from "vitest";
import type { Line, Predicate, WordPart } from "../../../grammars/haproxy/ast.js";
import type { SourceSpan } from "../../../grammars/common/text.js";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import { printHaproxy } from "../../../grammars/haproxy/print.js";
import { allLines, parse } from "./helpers.js";
import { seededRandom } from "../../support/random.js";

// Pieces weighted towards what the grammar treats specially.
const PIECES = [
  " ", " ", "\t", "\n", "\n", "\r", "\r\n", "\v", "#", '"', '"', "'", "'", "\\", "$", "{", "}", "(", ")", "!", "||", "&&", ",",
  "\u0000", "a", "b", "x", "1", "0", "-", ".", "/", ":", "😀", "\ud800", "é",
  "global", "defaults", "backend be", "frontend fe from d", "listen", "peers p", ".if ", ".elif ", ".else", ".endif", ".notice ",
  "if ", "unless ", "or ", "http-request deny ", "use_backend b ", "defined(", "streq(", "${", "$A", "[*]", "\\x4", "\\x41", "{{ v }}",
];

function randomDocument(random: () => number): string {
  const pieces = Math.floor(random() * 60);
  let text = "";
  for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(random() * PIECES.length)]!;
  return text;
}

/** The ranges of everything nested in a line: word parts, condition terms, predicate nodes. */
function nestedRanges(line: Line): SourceSpan[] {
  const out: SourceSpan[] = [];
  const parts = (list: readonly WordPart[]) => {
    for (const part of list) {
      out.push(part.range);
      if (part.kind === "double-quoted") parts(part.parts);
    }
  };
  for (const word of line.words) parts(word.parts);
  const predicate = (p: Predicate | undefined) => {
    if (!p) return;
    out.push(p.range);
    if (p.kind === "or" || p.kind === "and") p.operands.forEach(predicate);
    else if (p.kind === "not") predicate(p.operand);
    else if (p.kind === "group") predicate(p.expression);
    else if (p.kind === "call") out.push(p.nameRange, ...p.args.map((a) => a.range));
  };
  if (line.kind === "directive") predicate(line.predicate);
  if (line.kind === "statement" && line.condition) {
    out.push(line.condition.range);
    for (const alternative of line.condition.expression?.alternatives ?? []) {
      out.push(alternative.range);
      for (const term of alternative.terms) out.push(term.range, ...(term.kind === "acl" ? [term.nameRange] : []));
    }
  }
  return out;
}

/** Everything that must hold for any input; returns the first broken property, or undefined. */
function brokenInvariant(text: string, result: HaproxyParseResult): string | undefined {
  if (printHaproxy(result.ast) !== text) return "printing does not give the text back";
  let offset = 0;
  for (const line of allLines(result.ast)) {
    if (line.range.startOffset !== offset) return `line ${line.line} starts at ${line.range.startOffset}, expected ${offset}`;
    for (const token of line.tokens) {
      if (token.range.startOffset !== offset) return `a token starts at ${token.range.startOffset}, expected ${offset}`;
      if (text.slice(token.range.startOffset, token.range.endOffset) !== token.text) return `token text differs at ${offset}`;
      offset = token.range.endOffset;
    }
    if (line.range.endOffset !== offset) return `line ${line.line} ends at ${line.range.endOffset}, expected ${offset}`;
    for (const range of nestedRanges(line)) {
      if (range.startOffset < line.range.startOffset || range.startOffset > range.endOffset || range.endOffset > line.range.endOffset) {
        return `a node at ${range.startOffset}-${range.endOffset} is outside line ${line.line}`;
      }
    }
  }
  if (offset !== text.length) return `tokens end at ${offset} of ${text.length}`;
  for (const d of result.diagnostics) {
    const { startOffset, endOffset } = d.range;
    if (startOffset < 0 || startOffset > endOffset || endOffset > text.length) return `${d.code} at ${startOffset}-${endOffset} is outside the document`;
    if (d.code === "lexer" || d.code === "parser") return `unexpected ${d.code} error: ${d.message}`;
  }
  return undefined;
}

function check(text: string): string | undefined {
  let result: HaproxyParseResult;
  try {
    result = parse(text);
  } catch (error) {
    return `threw ${String(error)}`;
  }
  return brokenInvariant(text, result);
}

describe("printing", () => {
  const tricky: [string, string][] = [
    ["the empty string", ""],
    ["only line feeds", "\n\n\n"],
    ["only CRLFs", "\r\n\r\n"],
    ["a lone CR", "\r"],
    ["only blanks", " \t \v\f "],
    ["a comment without a line break", "# just a comment"],
    ["no final newline", "global\n  daemon"],
    ["a trailing backslash at the end of the file", "global\n  log a\\"],
    ["unbalanced quotes", "global\n  a \"b 'c\n  'd \"e\n\"\n'\n"],
    ["mixed line breaks", "global\r\n  a\n\r  b\r\r\n"],
    ["lone surrogates and astral characters", "global\n  \ud800 \udc00 😀\n"],
    ["an unterminated conditional and an open inline ACL", ".if (\nfrontend f\n  http-request deny if { src\n"],
    ["template expressions", "backend {{ name }}\n  server {% s %} {# c #}\n"],
  ];
  for (const [what, text] of tricky) {
    it(`gives back ${what} unchanged`, () => {
      expect(check(text)).toBeUndefined();
      expect(printHaproxy(parse(text).ast)).toBe(text);
    });
  }

  it("gives back binary garbage unchanged", () => {
    const text = Array.from({ length: 512 }, (_, i) => String.fromCharCode(i % 256)).join("");
    expect(check(text)).toBeUndefined();
  });

  it("gives back a very long line unchanged", () => {
    const text = `global\n  log ${"x".repeat(100_000)} "${"y ".repeat(20_000)}\n`;
    expect(check(text)).toBeUndefined();
    expect(parse(text).all[1]!.words).toHaveLength(3);
  });

  it("prints a section, a line, a word and a trivia token as their own source text", () => {
    const text = "# head\nglobal # g\n  daemon\n\nbackend be\n  server s1 \"10.0.0.1:80\"\n";
    const { ast } = parse(text);
    const [global, backend] = ast.sections;
    expect(printHaproxy(ast.preamble[0]!)).toBe("# head\n");
    expect(printHaproxy(global!)).toBe("global # g\n  daemon\n\n");
    expect(printHaproxy(backend!)).toBe('backend be\n  server s1 "10.0.0.1:80"\n');
    expect(printHaproxy(global!.header)).toBe("global # g\n");
    const server = backend!.body[0]!;
    expect(printHaproxy(server.words[2]!)).toBe('"10.0.0.1:80"');
    expect(printHaproxy(global!.header.comment!)).toBe("# g");
    expect(printHaproxy(server.tokens[0]!)).toBe("  ");
  });
});

describe("robustness", () => {
  it("never throws and keeps every invariant on 2,000 random documents from a fixed seed", () => {
    const random = seededRandom(0x1b1d7);
    const failures: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const text = randomDocument(random);
      const broken = check(text);
      if (broken && failures.length < 5) failures.push(`${JSON.stringify(text)}: ${broken}`);
    }
    expect(failures).toEqual([]);
  });

  it("builds documents that exercise the grammar, not only the happy path", () => {
    const random = seededRandom(0x1b1d7);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) for (const d of parse(randomDocument(random)).diagnostics) seen.add(d.code);
    for (const code of ["unterminated-quote", "nul-character", "missing-final-newline", "outside-section", "invalid-predicate", "lone-conditional", "unterminated-conditional"]) {
      expect(seen).toContain(code);
    }
  });
});
