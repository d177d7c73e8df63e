// Reads the items of a keepalived.conf: the grammar that parser.ts states for Chevrotain, as a plain
// recursive descent over the scanner (test/grammars/parser-agreement.test.ts holds the two together):
//   file      := items(top)
//   items     := ( trivia | definition | statement [line-break* block-body] | block-body | stray-'}' )*
//   block-body:= '{' items '}'?
// A statement followed by `{` (on its line or a later one, as keepalived allows) heads a block. It
// never fails: a missing `}` ends the block at the end of the file, a `}` with nothing to close
// becomes a stray brace, and both are reported. Statements keep their words and prefixes as entries
// of a SpanTable, whose flags are the token kinds.
//
// Reading visits statements and braces in document order, so it also does what needs that order:
// it reports unterminated quotes and brace problems, and marks the statements that share their line
// with another statement or a brace.
import { diagnostic, type SyntaxDiagnostic } from "../common/diagnostics.js";
import { excerpt } from "../common/excerpt.js";
import { SpanTable } from "../common/span-table.js";
import type { LineIndex } from "../common/text.js";
import type { Block, KeepalivedItem, Statement } from "./ast.js";
import { BlockNode } from "./containers.js";
import { BraceNode, makeDefinition, StatementNode } from "./nodes.js";
import { CONFIG_ID, DEFINITION, END, KeepalivedScanner, LBRACE, NEWLINE, QUOTED, RBRACE, SEQUENCE, WORD } from "./scanner.js";

/** Real configurations nest four or five levels; past this a `{` is read flat, not as a new block. */
export const MAX_BLOCK_DEPTH = 100;

class ItemReader {
  /** The current token: its kind and offsets. */
  private kind = END;
  private start = 0;
  private end = 0;
  private depth = 0;
  /** `{` read flat past the limit and not yet closed. */
  private flatDepth = 0;
  /** The line of the last statement or brace seen: lines are looked up forward from it. */
  private line = 0;
  private readonly scanner: KeepalivedScanner;
  private readonly table: SpanTable;
  private readonly unclosed: Block[] = [];
  private reportedDepth = false;
  // What `sharesLine` needs: the line being read, how many statements and braces stand on it, and
  // its statements (the first one apart: most lines have one), each with whether its `{` is on it.
  private currentLine = -1;
  private onCurrentLine = 0;
  private firstStatement: Statement | undefined = undefined;
  private firstOwnBrace = false;
  private readonly moreStatements: Statement[] = [];
  private readonly moreOwnBraces: boolean[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly diagnostics: SyntaxDiagnostic[],
  ) {
    this.scanner = new KeepalivedScanner(text);
    // About one word per 8 characters in real files.
    this.table = new SpanTable(lines, text.length >> 3);
    this.advance();
  }

  read(): KeepalivedItem[] {
    const items = this.items(true);
    this.flush();
    for (const block of this.unclosed.reverse()) {
      const what = block.header ? `'${excerpt(block.header.keyword.text)}'` : "this block";
      this.diagnostics.push(
        diagnostic("missing-close-brace", "error", `the '{' of ${what} is never closed; keepalived reads the rest of the file inside it`, block.open.range),
      );
    }
    return items;
  }

  private advance(): void {
    const scanner = this.scanner;
    this.kind = scanner.next();
    this.start = scanner.start;
    this.end = scanner.end;
  }

  private items(top: boolean): KeepalivedItem[] {
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
        if (this.depth < MAX_BLOCK_DEPTH) items.push(this.blockBody(undefined, -1));
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

  /** A `}` that closes nothing, or a brace read flat past the nesting limit. */
  private strayBrace(kind: "open-brace" | "close-brace", deep: boolean): KeepalivedItem {
    const brace = new BraceNode(kind, this.start, this.lines);
    this.see(this.lineOf(this.start));
    this.advance();
    const item: KeepalivedItem = { kind: "stray-brace", brace, deep, range: brace.range };
    if (!deep) {
      this.diagnostics.push(diagnostic("unexpected-close-brace", "error", "'}' closes nothing: keepalived reports it as an unknown keyword", item.range));
    } else if (!this.reportedDepth) {
      this.reportedDepth = true;
      this.diagnostics.push(diagnostic("nesting-too-deep", "error", `blocks nest more than ${MAX_BLOCK_DEPTH} levels deep here; lblint reads the rest without nesting`, item.range));
    }
    return item;
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
        this.diagnostics.push(diagnostic("unterminated-quote", "error", "this quote is not closed before the end of the line", this.lines.range(this.start, this.end)));
      }
      this.advance();
      kind = this.kind;
    } while (kind === WORD || kind === QUOTED || kind === CONFIG_ID || kind === SEQUENCE);
    const count = table.length - first;
    const line = this.lineOf(table.start(first));
    const statement = new StatementNode(table, first, count, line);
    if (this.depth < MAX_BLOCK_DEPTH) {
      // Line breaks between a statement and its `{` belong to no item: they are skipped either way.
      while (this.kind === NEWLINE) this.advance();
      if (this.kind === LBRACE) return this.blockBody(statement, line);
    }
    this.see(line, statement, false);
    return statement;
  }

  /** A block from its `{`, with the statement before it (and that statement's line), if any. */
  private blockBody(header: StatementNode | undefined, headerLine: number): BlockNode {
    const open = this.start;
    const openLine = this.lineOf(open);
    if (header) {
      // A header's own `{` on its line is the ordinary `keyword {` form, the same to keepalived as a
      // `{` on the next line: it does not make the header share its line.
      this.see(headerLine, header, openLine === headerLine);
    } else {
      this.diagnostics.push(
        diagnostic("unexpected-open-brace", "error", "'{' with no keyword before it: keepalived ignores it and reads the lines that follow in the enclosing block", this.lines.range(open, open + 1)),
      );
    }
    this.see(openLine);
    this.advance();
    this.depth++;
    const items = this.items(false);
    this.depth--;
    let close = -1;
    if (this.kind === RBRACE) {
      close = this.start;
      this.see(this.lineOf(close));
      this.advance();
    }
    // A block that is never closed runs to the end of the file, as keepalived reads it.
    const block = new BlockNode(this.lines, header, open, items, close);
    if (close < 0) this.unclosed.push(block);
    return block;
  }

  /** The local line of an offset at or after the last one looked up. */
  private lineOf(offset: number): number {
    this.line = this.lines.lineFrom(offset, this.line);
    return this.line;
  }

  /** A statement or a brace on a line; statements and braces come in document order. */
  private see(line: number, statement?: Statement, ownBrace = false): void {
    if (line !== this.currentLine) {
      this.flush();
      this.currentLine = line;
      this.onCurrentLine = 0;
    }
    this.onCurrentLine++;
    if (!statement) return;
    if (!this.firstStatement) {
      this.firstStatement = statement;
      this.firstOwnBrace = ownBrace;
    } else {
      this.moreStatements.push(statement);
      this.moreOwnBraces.push(ownBrace);
    }
  }

  /** Marks the statements of the line just read that share it with another statement or a brace. */
  private flush(): void {
    const count = this.onCurrentLine;
    if (this.firstStatement && count - (this.firstOwnBrace ? 1 : 0) > 1) this.firstStatement.sharesLine = true;
    this.firstStatement = undefined;
    if (this.moreStatements.length === 0) return;
    this.moreStatements.forEach((statement, k) => {
      if (count - (this.moreOwnBraces[k] ? 1 : 0) > 1) statement.sharesLine = true;
    });
    this.moreStatements.length = 0;
    this.moreOwnBraces.length = 0;
  }
}

/**
 * The items of a text. Reports unterminated quotes and brace problems into `diagnostics`, and sets
 * `sharesLine` on the statements that share their line with another statement or a brace.
 */
export function readItems(text: string, lines: LineIndex, diagnostics: SyntaxDiagnostic[]): KeepalivedItem[] {
  return new ItemReader(text, lines, diagnostics).read();
}
