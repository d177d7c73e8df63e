// parseKeepalived: text in, tree and syntax diagnostics out. Never throws on any input.
import { diagnostic, type SyntaxDiagnostic } from "../common/diagnostics.js";
import { reportByteOrderMark } from "../common/bom.js";
import { ForwardSearch } from "../common/forward-search.js";
import { reportTemplateSyntax } from "../common/templates.js";
import type { ParseOptions } from "../common/options.js";
import { textOfInput } from "../common/input.js";
import { LineIndex } from "../common/text.js";
import type { KeepalivedConfig } from "./ast.js";
import { ConfigNode } from "./containers.js";
import { readItems } from "./items.js";
import { checkReferences } from "./references.js";
import { prefixProblem } from "./sequence.js";
import { keepalivedStatements } from "./walk.js";

/** What `parseKeepalived` returns: the tree, the syntax diagnostics and the line index of the text. */
export interface KeepalivedParseResult {
  readonly format: "keepalived";
  readonly ast: KeepalivedConfig;
  readonly diagnostics: SyntaxDiagnostic[];
  readonly lines: LineIndex;
}

/** keepalived reads a line into a 1024-byte buffer: a longer line is cut and read as several lines. */
export const MAX_LINE_BYTES = 1023;

/**
 * Parses a keepalived.conf: a string, or its bytes (decoded as UTF-8). Never throws on any text, and
 * `print(result) === text`; a value that is not text is a TypeError. With `options.base`, a piece
 * of a larger document comes out in document coordinates.
 */
export function parseKeepalived(input: string | Uint8Array, options: ParseOptions = {}): KeepalivedParseResult {
  const text = textOfInput(input, "parseKeepalived");
  const lines = new LineIndex(text, options.base);
  const diagnostics: SyntaxDiagnostic[] = [];
  // Reading reports unterminated quotes and brace problems, and marks statements that share a line.
  const ast: KeepalivedConfig = new ConfigNode(readItems(text, lines, diagnostics), lines.range(0, text.length));
  checkReferences(ast, diagnostics);
  checkLines(text, lines, diagnostics);
  checkSequences(ast, diagnostics);
  reportByteOrderMark(text, lines, "keepalived", diagnostics);
  reportTemplateSyntax(text, lines, diagnostics);
  diagnostics.sort((a, b) => a.range.localStart - b.range.localStart);
  return { format: "keepalived", ast, diagnostics, lines };
}

/**
 * `~SEQ(...)` and `~LST(...)` prefixes keepalived cannot read: it reports "Invalid ~SEQ specification"
 * and drops the whole line. A word that starts with `~SEQ` or `~LST` where a statement starts is such
 * a prefix too, one the lexer could not match (`~SEQ(i, 1` without its `)`).
 */
function checkSequences(ast: KeepalivedConfig, diagnostics: SyntaxDiagnostic[]): void {
  const lines = ast.range.lines;
  const text = lines.text;
  if (!text.includes("~SEQ") && !text.includes("~LST")) return;
  const seen = new Set<number>();
  const lineFeeds = new ForwardSearch(text, "\n");
  for (const statement of keepalivedStatements(ast)) {
    const starts = statement.tokens.filter((token) => token.kind === "sequence").map((token) => token.range.localStart);
    if (/^~(?:SEQ|LST)/.test(statement.keyword.text)) starts.push(statement.keyword.range.localStart);
    for (const start of starts) {
      if (seen.has(start)) continue;
      seen.add(start);
      const newline = lineFeeds.indexOf(start);
      // keepalived reads at most MAX_LINE_BYTES of a line at once, so no prefix reads further; reading
      // the whole rest of a long line for each of its prefixes (`{~SEQ({~SEQ(…`) was quadratic.
      const end = Math.min(newline < 0 ? text.length : newline, start + MAX_LINE_BYTES);
      // keepalived has removed the comment (an unquoted `#` or `!`) before it reads the prefix.
      let line = text.slice(start, end);
      if (line.includes("#") || line.includes("!")) line = line.replace(/^((?:[^"#!]|"[^"]*")*)[#!].*$/s, "$1");
      line = line.replace(/\s+$/, "");
      const problem = prefixProblem(line);
      if (!problem) continue;
      const form = line.startsWith("~LST") ? "~LST" : "~SEQ";
      const message = `keepalived cannot read this ${form} prefix (${problem}): it reports 'Invalid ${form} specification' and ignores the whole line`;
      diagnostics.push(diagnostic("invalid-sequence", "error", message, lines.range(start, start + line.length)));
    }
  }
}

/**
 * The bytes keepalived reads for [start, end) of the text. A U+FFFD stands for bytes that were not
 * valid UTF-8 (a Latin-1 `é` read lossily): it counts as one byte, the least it can have been, so
 * that a Latin-1 line is not taken for three times its length.
 */
function utf8Length(text: string, start: number, end: number): number {
  let bytes = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || c === 0xfffd) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function checkLines(text: string, lines: LineIndex, diagnostics: SyntaxDiagnostic[]): void {
  // Only long lines can exceed the limit: a UTF-16 unit is at most 3 UTF-8 bytes.
  const checkLength = (start: number, end: number) => {
    if (end - start <= MAX_LINE_BYTES / 3 || utf8Length(text, start, end) <= MAX_LINE_BYTES) return;
    // The first character that does not fit whole; a surrogate pair is one 4-byte character.
    let cut = start;
    for (let bytes = 0; cut < end; ) {
      const size = text.codePointAt(cut)! > 0xffff ? 2 : 1;
      const charBytes = utf8Length(text, cut, cut + size);
      if (bytes + charBytes > MAX_LINE_BYTES) break;
      bytes += charBytes;
      cut += size;
    }
    diagnostics.push(
      diagnostic("line-too-long", "error", `keepalived reads at most ${MAX_LINE_BYTES} bytes of a line; it reads what follows as a separate line`, lines.range(cut, end)),
    );
  };
  if (text.indexOf("\r") < 0) {
    // Without a carriage return the index's lines are keepalived's: their starts are known already.
    const count = lines.lineCount;
    for (let line = 0; line < count; line++) {
      const start = lines.lineStart(line);
      const end = line + 1 < count ? lines.lineStart(line + 1) - 1 : text.length;
      if (end - start > MAX_LINE_BYTES / 3) checkLength(start, end);
    }
  } else {
    let start = 0;
    while (start <= text.length) {
      const newline = text.indexOf("\n", start);
      let end = newline < 0 ? text.length : newline;
      // keepalived drops the `\r` of a CRLF line ending, so it does not count towards the limit.
      if (newline >= 0 && text[end - 1] === "\r") end--;
      checkLength(start, end);
      if (newline < 0) break;
      start = newline + 1;
    }
  }
  let previousLine = -1;
  for (let nul = text.indexOf("\0"); nul >= 0; nul = text.indexOf("\0", nul + 1)) {
    const line = lines.lineOf(nul);
    if (line === previousLine) continue;
    previousLine = line;
    const newline = text.indexOf("\n", nul);
    let lineEnd = newline < 0 ? text.length : newline;
    if (newline >= 0 && text[lineEnd - 1] === "\r") lineEnd--;
    diagnostics.push(
      diagnostic("nul-character", "error", "keepalived ignores the rest of the line after a NUL byte", lines.range(nul, lineEnd)),
    );
  }
}
