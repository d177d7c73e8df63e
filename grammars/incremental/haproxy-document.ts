// A haproxy.cfg kept as pieces, for an editor: the lines before the first section, then one piece
// per section (or run of sections). The result equals a parse of the whole text (a test holds it to
// that on random edits of every corpus file).
import type { SyntaxDiagnostic } from "../common/diagnostics.js";
import { LineIndex, type Position } from "../common/text.js";
import type { HaproxyConfig, Line } from "../haproxy/ast.js";
import { parseHaproxy, type HaproxyParseResult } from "../haproxy/parse.js";
import { buildConditionals } from "../haproxy/structure.js";
import { PieceDocument, type Piece } from "./pieces.js";

/** Codes that depend on the whole file: they are worked out again after each edit. */
const WHOLE_FILE_CODES = new Set(["lone-conditional", "conditional-after-else", "unterminated-conditional", "template-syntax", "missing-final-newline"]);

/** A haproxy.cfg held as sections that an edit re-parses one by one; `result` equals `parseHaproxy(text)`. */
export class HaproxyDocument extends PieceDocument<HaproxyParseResult> {
  constructor(text: string) {
    // One whole parse finds where the sections start; each section is then a piece of its own.
    const whole = parseHaproxy(text);
    const starts = [0, ...whole.ast.sections.map((section) => section.range.startOffset)].filter((start, i, all) => i === 0 || start > all[i - 1]!);
    super(text, starts, whole.lines);
  }

  protected parse(text: string, base: Position): HaproxyParseResult {
    return parseHaproxy(text, { base });
  }

  /** A haproxy piece stands on its own: sections end where the next header starts. */
  protected needsNextPiece(): boolean {
    return false;
  }

  protected assemble(text: string, pieces: readonly Piece<HaproxyParseResult>[]): HaproxyParseResult {
    const lines = new LineIndex(text);
    const preamble: Line[] = [];
    const sections: HaproxyConfig["sections"] = [];
    const diagnostics: SyntaxDiagnostic[] = [];
    for (const piece of pieces) {
      const ast = piece.parsed.ast;
      // Only the first piece can have lines before a section; a later piece starts with its header.
      if (piece === pieces[0]) preamble.push(...ast.preamble);
      sections.push(...ast.sections);
      diagnostics.push(...piece.parsed.diagnostics.filter((d) => !WHOLE_FILE_CODES.has(d.code)));
    }
    const all: Line[] = [...preamble, ...sections.flatMap((section) => [section.header, ...section.body])];
    const conditionals = buildConditionals(all, diagnostics);
    // What depends on the whole text comes from the last piece (the end of the file) and the first
    // template marker anywhere.
    diagnostics.push(...pieces[pieces.length - 1]!.parsed.diagnostics.filter((d) => d.code === "missing-final-newline"));
    const template = pieces.flatMap((piece) => piece.parsed.diagnostics).find((d) => d.code === "template-syntax");
    if (template) diagnostics.push(template);
    diagnostics.sort((a, b) => a.range.startOffset - b.range.startOffset);
    const ast: HaproxyConfig = { kind: "config", format: "haproxy", range: lines.range(0, text.length), preamble, sections, conditionals };
    return { format: "haproxy", ast, diagnostics, lines };
  }
}
