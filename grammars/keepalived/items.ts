// Reads the items of a keepalived.conf: the grammar that parser.ts states for Chevrotain, as a plain
// recursive descent over the scanner (test/grammars/parser-agreement.test.ts holds the two together):
//   file      := items(top)
//   items     := ( trivia | definition | statement [line-break* block-body] | block-body | stray-'}' )*
//   block-body:= '{' items '}'?
// A statement followed by `{` (on its line or a later one, as keepalived allows) heads a block. It
// never fails: a missing `}` ends the block at the end of the file, a `}` with nothing to close
// becomes a stray brace, and both are reported afterwards. Statements keep their words and prefixes
// as entries of a SpanTable, whose flags are the token kinds.
import { SpanTable } from "../common/span-table.js";
import type { LineIndex } from "../common/text.js";
import type { KeepalivedItem, Statement } from "./ast.js";
import { BlockNode } from "./containers.js";
import { BraceNode, makeDefinition, onlyPrefixes, StatementNode } from "./nodes.js";
import { CONFIG_ID, DEFINITION, END, KeepalivedScanner, LBRACE, NEWLINE, QUOTED, RBRACE, SEQUENCE, WORD } from "./scanner.js";

/** Real configurations nest four or five levels; past this a `{` is read flat, not as a new block. */
export const MAX_BLOCK_DEPTH = 100;

/** What reading a text gives: the top-level items, and the quoted words left open, in order. */
export interface ReadItems {
  readonly items: KeepalivedItem[];
  /** [start, end) of each quoted word that runs to the end of its line without a closing quote. */
  readonly unterminated: number[];
}

class ItemReader {
  /** The current token: its kind and offsets. */
  private kind = END;
  private start = 0;
  private end = 0;
  private depth = 0;
  /** `{` read flat past the limit and not yet closed. */
  private flatDepth = 0;
  /** The line of the last statement, where the search for the next one's starts. */
  private line = 0;
  private readonly scanner: KeepalivedScanner;
  readonly table: SpanTable;
  readonly unterminated: number[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {
    this.scanner = new KeepalivedScanner(text);
    // About one word per 7 characters in real files; the table grows if there are more.
    this.table = new SpanTable(text.length >> 3);
    this.advance();
  }

  private advance(): void {
    const scanner = this.scanner;
    this.kind = scanner.next();
    this.start = scanner.start;
    this.end = scanner.end;
  }

  items(top: boolean): KeepalivedItem[] {
    const items: KeepalivedItem[] = [];
    for (;;) {
      const kind = this.kind;
      if (kind === END || (kind === RBRACE && !top && this.flatDepth === 0)) return items;
      if (kind === WORD || kind === QUOTED || kind === CONFIG_ID || kind === SEQUENCE) {
        items.push(this.statementOrBlock());
      } else if (kind === DEFINITION) {
        items.push(makeDefinition(this.lines, this.start, this.end));
        this.advance();
      } else if (kind === LBRACE) {
        if (this.depth < MAX_BLOCK_DEPTH) items.push(this.blockBody(undefined));
        else {
          this.flatDepth++;
          items.push(this.strayBrace("open-brace", true));
        }
      } else if (kind === RBRACE) {
        const deep = this.flatDepth > 0;
        if (deep) this.flatDepth--;
        items.push(this.strayBrace("close-brace", deep));
      } else {
        // A line break (spaces and comments are not in the stream): trivia are found again in the gaps.
        this.advance();
      }
    }
  }

  private strayBrace(kind: "open-brace" | "close-brace", deep: boolean): KeepalivedItem {
    const brace = new BraceNode(kind, this.start, this.lines);
    this.advance();
    return { kind: "stray-brace", brace, deep, range: brace.range };
  }

  /** A statement, or the block it heads when a `{` follows it (after line breaks only). */
  private statementOrBlock(): KeepalivedItem {
    const table = this.table;
    const text = this.text;
    const first = table.length;
    let kind = this.kind;
    do {
      table.push(this.start, this.end, kind);
      if (kind === QUOTED && !(this.end - this.start > 1 && text.charCodeAt(this.end - 1) === 34 /* " */)) {
        this.unterminated.push(this.start, this.end);
      }
      this.advance();
      kind = this.kind;
    } while (kind === WORD || kind === QUOTED || kind === CONFIG_ID || kind === SEQUENCE);
    const count = table.length - first;
    const start = table.start(first);
    this.line = this.lines.lineFrom(start, this.line);
    const statement = new StatementNode(this.lines, table, first, count, this.line, onlyPrefixes(table, first, count));
    if (this.depth >= MAX_BLOCK_DEPTH) return statement;
    // Line breaks between a statement and its `{` belong to no item: they are skipped either way.
    while (this.kind === NEWLINE) this.advance();
    return this.kind === LBRACE ? this.blockBody(statement) : statement;
  }

  private blockBody(header: Statement | undefined): BlockNode {
    const open = this.start;
    this.advance();
    this.depth++;
    const items = this.items(false);
    this.depth--;
    let close = -1;
    if (this.kind === RBRACE) {
      close = this.start;
      this.advance();
    }
    // A block that is never closed runs to the end of the file, as keepalived reads it.
    const end = close >= 0 ? close + 1 : this.text.length;
    const start = header ? (header as StatementNode).localStart : open;
    return new BlockNode(this.lines, header, open, items, close, start, end);
  }
}

/** The items of a text, and the quoted words it leaves open. */
export function readItems(text: string, lines: LineIndex): ReadItems {
  const reader = new ItemReader(text, lines);
  const items = reader.items(true);
  reader.table.trim();
  return { items, unterminated: reader.unterminated };
}
