// A keepalived.conf kept as pieces, for an editor: the file is cut before each top-level item that
// starts its own line. A piece that leaves a block open, or ends in a continued definition, takes
// in the rest of the file, because an open block swallows what follows; a piece that starts with a
// `{` is joined to a statement that ends the piece before, which the `{` makes a block header. The
// result equals a parse of the whole text (tested on random edits of every corpus file).
import type { SyntaxDiagnostic } from "../common/diagnostics.js";
import { LineIndex, type Position } from "../common/text.js";
import type { KeepalivedItem } from "../keepalived/ast.js";
import { ConfigNode } from "../keepalived/containers.js";
import { parseKeepalived, type KeepalivedParseResult } from "../keepalived/parse.js";
import { checkReferenceFacts, referenceFacts, type ReferenceFacts } from "../keepalived/references.js";
import { mergeDiagnostics } from "./merge.js";
import { PieceDocument, type Piece } from "./pieces.js";

/** Reported once per file: the document keeps the first piece's. */
const ONCE_PER_FILE = ["template-syntax", "nesting-too-deep"];

/** Worked out over the whole document: references, and what is reported once per file. */
const WHOLE_FILE_CODES: ReadonlySet<string> = new Set(["undefined-variable", ...ONCE_PER_FILE]);

/** What a KeepalivedDocument keeps of each piece: its parse, its diagnostics and what its references need. */
export interface KeepalivedPiece {
  readonly lines: LineIndex;
  readonly result: KeepalivedParseResult;
  /** The piece's diagnostics but those worked out over the whole document. */
  readonly kept: readonly SyntaxDiagnostic[];
  /** The piece's diagnostics of the codes reported once per file. */
  readonly once: readonly SyntaxDiagnostic[];
  readonly references: ReferenceFacts;
}

/** A block without a header, or a `{` read flat: what a statement just before it would head. */
function startsWithBrace(items: readonly KeepalivedItem[]): boolean {
  const first = items[0];
  return (first?.kind === "block" && !first.header) || (first?.kind === "stray-brace" && first.brace.kind === "open-brace");
}

/** A keepalived.conf held as top-level blocks that an edit re-parses one by one; `result` equals `parseKeepalived(text)`. */
export class KeepalivedDocument extends PieceDocument<KeepalivedPiece, KeepalivedParseResult> {
  constructor(text: string) {
    super(text);
  }

  protected parse(text: string, base: Position): KeepalivedPiece {
    const result = parseKeepalived(text, { base });
    const kept = result.diagnostics.filter((d) => !WHOLE_FILE_CODES.has(d.code));
    const once = result.diagnostics.filter((d) => ONCE_PER_FILE.includes(d.code));
    return { lines: result.lines, result, kept, once, references: referenceFacts(result.ast) };
  }

  /** Before each top-level item alone on its line, after a line feed; items sharing a line stay together. */
  protected cuts(parsed: KeepalivedPiece, text: string): number[] {
    const lines = parsed.lines;
    const cuts: number[] = [];
    let previousEndLine = -1;
    for (const item of parsed.result.ast.items) {
      const start = item.range.localStart;
      const line = lines.lineOf(start);
      const lineStart = lines.lineStart(line);
      if (line > previousEndLine && text.charCodeAt(lineStart - 1) === 10 && /^[ \t]*$/.test(text.slice(lineStart, start))) cuts.push(lineStart);
      previousEndLine = lines.lineOf(item.range.localEnd);
    }
    return cuts;
  }

  /**
   * A piece starts with an item alone on its first line: blank lines and comments before it belong
   * to the piece before, and a `{` first may belong to a statement there.
   */
  protected needsPreviousPiece(parsed: KeepalivedPiece, previous: Piece<KeepalivedPiece>): boolean {
    const items = parsed.result.ast.items;
    const first = items[0];
    if (!first) return true;
    const start = first.range.localStart;
    if (parsed.lines.lineOf(start) !== 0 || !/^[ \t]*$/.test(parsed.lines.text.slice(0, start))) return true;
    const before = previous.parsed.result.ast.items;
    return startsWithBrace(items) && before[before.length - 1]?.kind === "statement";
  }

  /** A block left open or a definition continued past the end swallows what follows. */
  protected needsNextPiece(parsed: KeepalivedPiece, next: Piece<KeepalivedPiece>): boolean {
    if (parsed.result.diagnostics.some((d) => d.code === "missing-close-brace")) return true;
    const items = parsed.result.ast.items;
    const last = items[items.length - 1];
    const text = parsed.lines.text;
    // A continued definition's token takes in the line break of its last line, and the next line.
    if (last?.kind === "definition" && last.range.localEnd === text.length && text.endsWith("\n")) return true;
    return last?.kind === "statement" && startsWithBrace(next.parsed.result.ast.items);
  }

  protected assemble(text: string, pieces: readonly Piece<KeepalivedPiece>[]): KeepalivedParseResult {
    const lines = LineIndex.joined(
      text,
      pieces.map((piece) => piece.parsed.lines),
    );
    const items: KeepalivedItem[] = [];
    for (const piece of pieces) for (const item of piece.parsed.result.ast.items) items.push(item);
    const ast = new ConfigNode(items, lines.range(0, text.length));
    const whole: SyntaxDiagnostic[] = [];
    checkReferenceFacts(
      pieces.map((piece) => piece.parsed.references),
      whole,
    );
    for (const code of ONCE_PER_FILE) {
      const first = pieces.find((piece) => piece.parsed.once.some((d) => d.code === code));
      if (first) whole.push(first.parsed.once.find((d) => d.code === code)!);
    }
    const diagnostics = mergeDiagnostics(
      pieces.map((piece) => piece.parsed.kept),
      whole,
    );
    return { format: "keepalived", ast, diagnostics, lines };
  }
}
