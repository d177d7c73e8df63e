// A haproxy.cfg kept as pieces, for an editor: the lines before the first section, then one piece
// per section, except that a section inside an `.if` block stays in the piece where the block
// starts. So no `.if` block spans pieces, and a piece's conditionals are the document's; a piece
// that leaves an `.if` open runs to the end of the file. The result equals a parse of the whole text
// (a test holds it to that on random edits of every corpus file).
import type { SyntaxDiagnostic } from "../common/diagnostics.js";
import { LineIndex, type Position } from "../common/text.js";
import type { ConditionalBlock, HaproxyConfig, Section } from "../haproxy/ast.js";
import { parseHaproxy, type HaproxyParseResult } from "../haproxy/parse.js";
import { mergeDiagnostics } from "./merge.js";
import { PieceDocument, type Piece } from "./pieces.js";

/** What a HaproxyDocument keeps of each piece: its parse, and its diagnostics sorted for the document. */
export interface HaproxyPiece {
  readonly lines: LineIndex;
  readonly result: HaproxyParseResult;
  /** The piece's diagnostics but the template warning, which the document reports once. */
  readonly kept: readonly SyntaxDiagnostic[];
  readonly template: SyntaxDiagnostic | undefined;
}

/** A haproxy.cfg held as sections that an edit re-parses one by one; `result` equals `parseHaproxy(text)`. */
export class HaproxyDocument extends PieceDocument<HaproxyPiece, HaproxyParseResult> {
  constructor(text: string) {
    super(text);
  }

  protected parse(text: string, base: Position): HaproxyPiece {
    const result = parseHaproxy(text, { base });
    const kept = result.diagnostics.filter((d) => d.code !== "template-syntax");
    const template = kept.length === result.diagnostics.length ? undefined : result.diagnostics.find((d) => d.code === "template-syntax");
    return { lines: result.lines, result, kept, template };
  }

  /** Sections that start outside every `.if` block. */
  protected cuts(parsed: HaproxyPiece): number[] {
    return parsed.result.ast.sections.filter((section) => section.header.guard === undefined).map((section) => section.range.localStart);
  }

  /** A piece after the first starts with a section header: lines before it belong to the section before. */
  protected needsPreviousPiece(parsed: HaproxyPiece): boolean {
    return parsed.result.ast.sections[0]?.range.localStart !== 0;
  }

  /** An `.if` left open takes in the rest of the file. */
  protected needsNextPiece(parsed: HaproxyPiece): boolean {
    return parsed.result.diagnostics.some((d) => d.code === "unterminated-conditional");
  }

  protected assemble(text: string, pieces: readonly Piece<HaproxyPiece>[]): HaproxyParseResult {
    const lines = LineIndex.joined(
      text,
      pieces.map((piece) => piece.parsed.lines),
    );
    const sections: Section[] = [];
    const conditionals: ConditionalBlock[] = [];
    for (const piece of pieces) {
      const ast = piece.parsed.result.ast;
      for (const section of ast.sections) sections.push(section);
      for (const block of ast.conditionals) conditionals.push(block);
    }
    // Only the first piece can have lines before a section. A piece but the last ends with a line
    // break, so only the last can report a missing one.
    const preamble = pieces[0]!.parsed.result.ast.preamble;
    const template = pieces.find((piece) => piece.parsed.template)?.parsed.template;
    const diagnostics = mergeDiagnostics(
      pieces.map((piece) => piece.parsed.kept),
      template ? [template] : [],
    );
    const ast: HaproxyConfig = { kind: "config", format: "haproxy", range: lines.range(0, text.length), preamble, sections, conditionals };
    return { format: "haproxy", ast, diagnostics, lines };
  }
}
