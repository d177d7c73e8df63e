// A keepalived.conf kept as pieces, for an editor: the file is cut before each top-level item that
// starts its own line. A re-parsed piece that leaves a block open takes in the pieces after it until
// its braces close (or the file ends), because an open block swallows what follows. The result
// equals a parse of the whole text (tested on random edits of every corpus file).
import type { SyntaxDiagnostic } from "../common/diagnostics.js";
import { LineIndex, type Position } from "../common/text.js";
import type { KeepalivedItem } from "../keepalived/ast.js";
import { ConfigNode } from "../keepalived/containers.js";
import { checkReferences, parseKeepalived, type KeepalivedParseResult } from "../keepalived/parse.js";
import { PieceDocument, type Piece } from "./pieces.js";

/** Codes that depend on other pieces: worked out again on the whole document after each edit. */
const WHOLE_FILE_CODES = new Set(["undefined-variable", "template-syntax"]);

/** A keepalived.conf held as top-level blocks that an edit re-parses one by one; `result` equals `parseKeepalived(text)`. */
export class KeepalivedDocument extends PieceDocument<KeepalivedParseResult> {
  constructor(text: string) {
    const whole = parseKeepalived(text);
    const starts = [0];
    let previousEndLine = -1;
    for (const item of whole.ast.items) {
      const start = item.range.start;
      const lineStart = whole.lines.lineStart(start.line);
      // Cut only where an item has its line to itself from the start: items sharing a line stay together.
      if (start.line > previousEndLine && /^[ \t]*$/.test(text.slice(lineStart, start.offset)) && lineStart > starts[starts.length - 1]!) {
        starts.push(lineStart);
      }
      previousEndLine = item.range.end.line;
    }
    super(text, starts, whole.lines);
  }

  protected parse(text: string, base: Position): KeepalivedParseResult {
    return parseKeepalived(text, { base });
  }

  /** A piece that leaves a block open, or reads braces flat, depends on what follows it. */
  protected needsNextPiece(parsed: KeepalivedParseResult): boolean {
    return parsed.diagnostics.some((d) => d.code === "missing-close-brace" || d.code === "nesting-too-deep");
  }

  protected assemble(text: string, pieces: readonly Piece<KeepalivedParseResult>[]): KeepalivedParseResult {
    const lines = new LineIndex(text);
    const items: KeepalivedItem[] = pieces.flatMap((piece) => piece.parsed.ast.items);
    const ast = new ConfigNode(items, lines.range(0, text.length));
    const diagnostics: SyntaxDiagnostic[] = pieces.flatMap((piece) => piece.parsed.diagnostics.filter((d) => !WHOLE_FILE_CODES.has(d.code)));
    checkReferences(ast, diagnostics);
    const template = pieces.flatMap((piece) => piece.parsed.diagnostics).find((d) => d.code === "template-syntax");
    if (template) diagnostics.push(template);
    diagnostics.sort((a, b) => a.range.startOffset - b.range.startOffset);
    return { format: "keepalived", ast, diagnostics, lines };
  }
}
