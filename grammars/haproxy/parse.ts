// parseHaproxy: text in, tree and syntax diagnostics out. Never throws on any input.
import { diagnostic, type SyntaxDiagnostic } from "../common/diagnostics.js";
import { reportByteOrderMark } from "../common/bom.js";
import { excerpt } from "../common/excerpt.js";
import { reportTemplateSyntax } from "../common/templates.js";
import type { ParseOptions } from "../common/options.js";
import { textOfInput } from "../common/input.js";
import { LineIndex } from "../common/text.js";
import type { HaproxyConfig, Line } from "./ast.js";
import { Newline } from "./lexer.js";
import { scanHaproxy } from "./scanner.js";
import { haproxyLineParser } from "./parser.js";
import { buildConditionals, buildLine, buildSections } from "./structure.js";

/** What `parseHaproxy` returns: the tree, the syntax diagnostics and the line index of the text. */
export interface HaproxyParseResult {
  readonly format: "haproxy";
  readonly ast: HaproxyConfig;
  readonly diagnostics: SyntaxDiagnostic[];
  readonly lines: LineIndex;
}

/**
 * Parses a haproxy.cfg: a string, or its bytes (decoded as UTF-8). Never throws on any text, and
 * `print(result) === text`; a value that is not text is a TypeError. With `options.base`, a piece
 * of a larger document comes out in document coordinates.
 */
export function parseHaproxy(input: string | Uint8Array, options: ParseOptions = {}): HaproxyParseResult {
  const text = textOfInput(input, "parseHaproxy");
  const lines = new LineIndex(text, options.base);
  const diagnostics: SyntaxDiagnostic[] = [];
  const parser = haproxyLineParser();
  parser.input = scanHaproxy(text, false, lines);
  const rawLines = parser.file();
  // The shared parser would otherwise keep every token of the last file alive.
  parser.input = [];
  for (const error of parser.errors) {
    const token = error.token;
    // Chevrotain quotes the token it found: the message is cut like any other quotation.
    diagnostics.push(diagnostic("parser", "error", excerpt(error.message, 200), lines.range(token.startOffset, token.startOffset + token.image.length)));
  }

  // Lines follow each other without gaps: each starts where the previous one's line break ends, and
  // the last one runs to the end of the text, so that leading and trailing spaces belong to a line.
  const all: Line[] = [];
  let start = 0;
  rawLines.forEach((raw, index) => {
    const last = raw[raw.length - 1]!;
    const end = index === rawLines.length - 1 && last.tokenType !== Newline ? text.length : last.endOffset! + 1;
    all.push(buildLine(raw, start, end, lines, diagnostics));
    start = end;
  });
  if (start < text.length) all.push(buildLine([], start, text.length, lines, diagnostics));
  const { preamble, sections } = buildSections(all, lines, diagnostics);
  const conditionals = buildConditionals(all, diagnostics);
  reportCharacters(text, lines, diagnostics);
  reportByteOrderMark(text, lines, "haproxy", diagnostics);
  reportTemplateSyntax(text, lines, diagnostics);
  diagnostics.sort((a, b) => a.range.localStart - b.range.localStart);
  const ast: HaproxyConfig = { kind: "config", format: "haproxy", range: lines.range(0, text.length), preamble, sections, conditionals };
  return { format: "haproxy", ast, diagnostics, lines };
}

function reportCharacters(text: string, lines: LineIndex, diagnostics: SyntaxDiagnostic[]): void {
  for (let at = text.indexOf("\0"); at >= 0; at = text.indexOf("\0", at + 1)) {
    diagnostics.push(diagnostic("nul-character", "error", "stray NUL character; haproxy refuses the file", lines.range(at, at + 1)));
  }
  // A carriage return that is not part of a line break separates words only among blanks; right
  // after a word, haproxy ends the line there and ignores the rest without a word. The end of the
  // line and its last non-blank character are found once per line, not once per carriage return.
  let lineEnd = -1;
  let lastContent = -1;
  for (let at = text.indexOf("\r"); at >= 0; at = text.indexOf("\r", at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (text.charCodeAt(at + 1) === 10 || at === 0 || before === 32 || before === 9 || before === 10 || before === 13) continue;
    if (at >= lineEnd) {
      lineEnd = text.indexOf("\n", at);
      if (lineEnd < 0) lineEnd = text.length;
      else if (text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      lastContent = lineEnd - 1;
      while (lastContent > at && /\s/.test(text[lastContent]!)) lastContent--;
    }
    if (lastContent <= at) continue;
    diagnostics.push(
      diagnostic("carriage-return", "error", "haproxy stops reading this line at the carriage return and ignores the rest without a word", lines.range(at, lineEnd)),
    );
  }
  if (text.length > 0 && !text.endsWith("\n")) {
    const start = lines.lineStart(lines.lineOf(text.length));
    diagnostics.push(
      diagnostic(
        "missing-final-newline",
        "error",
        "the last line has no line break; haproxy 2.6 and later reject the file as possibly truncated",
        lines.range(start, text.length),
      ),
    );
  }
}
