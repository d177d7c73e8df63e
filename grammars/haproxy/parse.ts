// parseHaproxy: text in, tree and syntax diagnostics out. Never throws on any input.
import { diagnostic, type SyntaxDiagnostic } from "../common/diagnostics.js";
import { reportByteOrderMark } from "../common/bom.js";
import { reportTemplateSyntax } from "../common/templates.js";
import type { ParseOptions } from "../common/options.js";
import { textOfInput } from "../common/input.js";
import { SpanTable } from "../common/span-table.js";
import { LineIndex, type SourceSpan } from "../common/text.js";
import type { ConditionalBlock, HaproxyConfig, Line, Section } from "./ast.js";
import { LineStore } from "./line-store.js";
import { SPECIAL_WORD } from "./line.js";
import { COMMENT, HaproxyScanner, NEWLINE, WORD } from "./scanner.js";
import { buildConditionals, buildSections, readLine, type LineKeywords } from "./structure.js";

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
  const { store, keywords } = readLines(text, lines, diagnostics);
  const { preambleEnd, sections } = buildSections(store, keywords, diagnostics);
  // Without `.if` and the like every guard stays undefined: the lines need not be made, nor visited.
  const conditionals = keywords.conditional ? buildConditionals(store.lines(0, store.length), diagnostics) : [];
  reportCharacters(text, lines, diagnostics);
  reportByteOrderMark(text, lines, "haproxy", diagnostics);
  reportTemplateSyntax(text, lines, diagnostics);
  diagnostics.sort((a, b) => a.range.localStart - b.range.localStart);
  const ast: HaproxyConfig = new ConfigNode(lines.range(0, text.length), store, preambleEnd, sections, conditionals);
  return { format: "haproxy", ast, diagnostics, lines };
}

/** The root: its preamble is made from the store when first asked for. */
class ConfigNode implements HaproxyConfig {
  readonly kind = "config" as const;
  readonly format = "haproxy" as const;
  private lineList: Line[] | undefined = undefined;

  constructor(
    readonly range: SourceSpan,
    private readonly store: LineStore,
    /** The preamble is lines [0, preambleEnd) of the store. */
    private readonly preambleEnd: number,
    readonly sections: Section[],
    readonly conditionals: ConditionalBlock[],
  ) {}

  get preamble(): Line[] {
    this.lineList ??= this.store.lines(0, this.preambleEnd);
    return this.lineList;
  }

  toJSON(): object {
    const { kind, format, range, preamble, sections, conditionals } = this;
    return { kind, format, range, preamble, sections, conditionals };
  }
}

/**
 * The grammar of a haproxy file (grammars/haproxy/parser.ts states it for Chevrotain, and a test
 * holds this loop to it): lines, each of words, perhaps a comment and perhaps a line break. Lines
 * follow each other without gaps: each starts where the previous one's line break ends, and the last
 * one runs to the end of the text, so that leading and trailing spaces belong to a line.
 */
function readLines(text: string, lines: LineIndex, diagnostics: SyntaxDiagnostic[]): { store: LineStore; keywords: LineKeywords } {
  const keywords: LineKeywords = { names: [], expanded: new Set(), conditional: false };
  // About one word per 6 characters, and one line per 45, in real files.
  const table = new SpanTable(lines, text.length >> 3);
  const store = new LineStore(table, text.length >> 5);
  const scanner = new HaproxyScanner(text);
  let start = 0;
  let first = 0;
  let commentStart = -1;
  let localLine = 0;
  for (;;) {
    const kind = scanner.next();
    if (kind === WORD) {
      table.push(scanner.start, scanner.end, scanner.special ? SPECIAL_WORD : 0);
    } else if (kind === COMMENT) {
      commentStart = scanner.start;
    } else {
      const newline = kind === NEWLINE;
      const end = newline ? scanner.end : text.length;
      // At the end, a line that holds nothing but spaces still counts; an empty rest does not.
      if (newline || table.length > first || commentStart >= 0 || start < end) {
        localLine = lines.lineFrom(start, localLine);
        readLine(store, first, table.length - first, start, end, commentStart, newline ? scanner.start : -1, localLine, diagnostics, keywords);
      }
      if (!newline) break;
      start = end;
      first = table.length;
      commentStart = -1;
    }
  }
  return { store, keywords };
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
