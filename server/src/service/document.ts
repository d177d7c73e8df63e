// One open document as the language service holds it: its text, its version and its parse, kept
// incrementally. An edit re-parses only the haproxy sections or keepalived top-level blocks it
// touches (grammars/incremental/), so a keystroke in a 15,000-line file costs a few milliseconds,
// and every feature reads the same parse of a version instead of parsing again.
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Position as LspPosition, Range as LspRange } from "vscode-languageserver-types";
import { HaproxyDocument } from "../../../grammars/incremental/haproxy-document.js";
import { KeepalivedDocument } from "../../../grammars/incremental/keepalived-document.js";
import type { Range } from "../../../grammars/common/text.js";
import type { Format } from "../workspace/detect.js";
import type { ParseResult } from "../workspace/loader.js";

/** A change as editors send it: a range of the previous text and its new text, or the whole new text. */
export interface ContentChange {
  readonly range?: LspRange;
  readonly text: string;
}

/** An open document: text, version and parse, updated edit by edit. */
export class ServiceDocument {
  private pieces: HaproxyDocument | KeepalivedDocument;
  /** Positions of the current text; updated with each change, so change ranges map to offsets cheaply. */
  private positions: TextDocument;

  constructor(
    readonly uri: string,
    readonly format: Format,
    text: string,
    public version: number = 0,
  ) {
    this.pieces = format === "haproxy" ? new HaproxyDocument(text) : new KeepalivedDocument(text);
    this.positions = TextDocument.create(uri, format, version, text);
  }

  get text(): string {
    return this.pieces.text;
  }

  /** The parse of the current version, assembled once per version from its pieces. */
  get parsed(): ParseResult {
    return this.pieces.result;
  }

  /** Applies an editor's changes in order (each against the text the previous one left). */
  update(changes: readonly ContentChange[], version: number): void {
    for (const change of changes) {
      if (!change.range) {
        this.pieces = this.format === "haproxy" ? new HaproxyDocument(change.text) : new KeepalivedDocument(change.text);
        this.positions = TextDocument.create(this.uri, this.format, version, change.text);
        continue;
      }
      const start = this.positions.offsetAt(change.range.start);
      const end = Math.max(start, this.positions.offsetAt(change.range.end));
      this.pieces.applyEdit({ start, end, newText: change.text });
      this.positions = TextDocument.update(this.positions, [{ range: change.range, text: change.text }], version);
    }
    this.version = version;
  }

  /** The UTF-16 offset of an editor position (clamped to the text). */
  offsetAt(position: LspPosition): number {
    return this.positions.offsetAt(position);
  }

  /** The editor position of an offset. */
  positionAt(offset: number): LspPosition {
    return this.positions.positionAt(offset);
  }

  /** The editor range between two offsets. */
  rangeOf(start: number, end: number): LspRange {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** A grammar range (lines and columns already 0-based UTF-16) as an editor range. */
export function lspRange(range: Range): LspRange {
  return { start: { line: range.start.line, character: range.start.column }, end: { line: range.end.line, character: range.end.column } };
}
