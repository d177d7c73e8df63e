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
import {
  ALTERNATIVE,
  BLOCK,
  DEEP,
  DEFINITION as DEFINITION_ENTRY,
  ItemStore,
  NO_HEADER,
  OPEN_BRACE,
  SHARES_LINE,
  STATEMENT as STATEMENT_ENTRY,
  STRAY,
} from "./item-store.js";
import { CONFIG_ID, DEFINITION, END, KeepalivedScanner, LBRACE, NEWLINE, QUOTED, RBRACE, SEQUENCE, WORD } from "./scanner.js";

/** A line read while looking for alternative headers that is none: its words, and its `{` when that was read too (else -1). */
interface Candidate {
  readonly first: number;
  readonly open: number;
}

interface ConfigIdRead {
  readonly id: string;
  readonly negated: boolean;
}

/**
 * The `@id`s of a run of alternative headers, no two of which any host keeps together: `@a` and
 * `@b`, or `@a` and `@^a` (every host but a and b keeps `@^a` and `@^b`). So a run is either
 * distinct positive ids, or one id and its negation; each header is checked in constant time.
 */
class HostRun {
  private readonly positive = new Set<string>();
  private negated: string | undefined;

  constructor(first: ConfigIdRead) {
    this.add(first);
  }

  /** Whether no host keeps `id`'s line together with one of the run's. */
  excludes(id: ConfigIdRead): boolean {
    if (!id.negated) return !this.positive.has(id.id) && (this.negated === undefined || this.negated === id.id);
    return this.negated === undefined && (this.positive.size === 0 || (this.positive.size === 1 && this.positive.has(id.id)));
  }

  add(id: ConfigIdRead): void {
    if (id.negated) this.negated = id.id;
    else this.positive.add(id.id);
  }
}

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
  readonly store: ItemStore;
  /** Entries of the blocks never closed, in the order their reading ended (innermost first). */
  private readonly unclosed: number[] = [];
  private reportedDepth = false;
  // What `sharesLine` needs: the line being read, how many statements and braces stand on it, and
  // the entries of its statements (the first one apart: most lines have one), each with whether its
  // `{` is on it.
  private currentLine = -1;
  private onCurrentLine = 0;
  private firstStatement = -1;
  private firstOwnBrace = false;
  private readonly moreStatements: number[] = [];
  private readonly moreOwnBraces: boolean[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly diagnostics: SyntaxDiagnostic[],
  ) {
    this.scanner = new KeepalivedScanner(text);
    // About one word per 8 characters, and one item per 15, in real files.
    this.table = new SpanTable(lines, text.length >> 3);
    this.store = new ItemStore(this.table, text.length >> 4);
    this.advance();
  }

  read(): void {
    this.items(true);
    this.flush();
    for (const index of this.unclosed.reverse()) {
      const header = this.store.header(index);
      const what = header ? `'${excerpt(header.keyword.text)}'` : "this block";
      const open = this.store.field(index, 2);
      this.diagnostics.push(
        diagnostic("missing-close-brace", "error", `the '{' of ${what} is never closed; keepalived reads the rest of the file inside it`, this.lines.range(open, open + 1)),
      );
    }
  }

  /** The current token's kind. */
  private current(): number {
    return this.kind;
  }

  private advance(): void {
    const scanner = this.scanner;
    this.kind = scanner.next();
    this.start = scanner.start;
    this.end = scanner.end;
  }

  /** Records the items up to the `}` that ends them (or the end of the text, at the top). */
  private items(top: boolean): void {
    for (;;) {
      const kind = this.kind;
      if (kind === END || (kind === RBRACE && !top && this.flatDepth === 0)) return;
      if (kind === WORD || kind === QUOTED || kind === CONFIG_ID || kind === SEQUENCE) {
        this.statementOrBlock();
      } else if (kind === DEFINITION) {
        this.store.push(DEFINITION_ENTRY, this.start, this.end, 0);
        this.advance();
      } else if (kind === LBRACE) {
        if (this.depth < MAX_BLOCK_DEPTH) this.blockBody(-1, 0, 0);
        else {
          this.flatDepth++;
          this.strayBrace(true, true);
        }
      } else if (kind === RBRACE) {
        const deep = this.flatDepth > 0;
        if (deep) this.flatDepth--;
        this.strayBrace(false, deep);
      } else {
        // A line break (spaces and comments are not in the stream): trivia are found again in the gaps.
        this.advance();
      }
    }
  }

  /** A `}` that closes nothing, or a brace read flat past the nesting limit. */
  private strayBrace(open: boolean, deep: boolean): void {
    const at = this.start;
    this.store.push(STRAY | (deep ? DEEP : 0) | (open ? OPEN_BRACE : 0), at, 0, 0);
    this.see(this.lineOf(at), -1);
    this.advance();
    const range = this.lines.range(at, at + 1);
    if (!deep) {
      this.diagnostics.push(diagnostic("unexpected-close-brace", "error", "'}' closes nothing: keepalived reports it as an unknown keyword", range));
    } else if (!this.reportedDepth) {
      this.reportedDepth = true;
      this.diagnostics.push(diagnostic("nesting-too-deep", "error", `blocks nest more than ${MAX_BLOCK_DEPTH} levels deep here; lblint reads the rest without nesting`, range));
    }
  }

  /** A statement, or the block it heads when a `{` follows it (after line breaks only). */
  private statementOrBlock(): void {
    this.afterWords(this.readWords());
  }

  /** Records the words of a statement in the table; returns the first one's entry. */
  private readWords(): number {
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
    return first;
  }

  /** The statement whose words start at table entry `first`, or the block it heads. */
  private afterWords(first: number): void {
    const count = this.table.length - first;
    const line = this.lineOf(this.table.start(first));
    if (this.depth < MAX_BLOCK_DEPTH) {
      // Line breaks between a statement and its `{` belong to no item: they are skipped either way.
      while (this.kind === NEWLINE) this.advance();
      if (this.kind === LBRACE) {
        this.blockBody(first, count, line);
        return;
      }
    }
    this.see(line, this.store.push(STATEMENT_ENTRY, first, count, line), false);
  }

  /**
   * A block from its `{`; with the statement before it when `headerFirst` is not -1 (its words
   * [headerFirst, headerFirst + headerCount) of the table, on `headerLine`).
   */
  private blockBody(headerFirst: number, headerCount: number, headerLine: number): void {
    const open = this.start;
    const openLine = this.lineOf(open);
    this.advance();
    this.openedBlock(open, openLine, headerFirst, headerCount, headerLine);
  }

  /** A block whose `{` (at `open`, on `openLine`) has just been read; the header as for `blockBody`. */
  private openedBlock(open: number, openLine: number, headerFirst: number, headerCount: number, headerLine: number): void {
    const store = this.store;
    const index = store.push(BLOCK, -1, open, -1);
    if (headerFirst >= 0) {
      const header = store.push(STATEMENT_ENTRY, headerFirst, headerCount, headerLine);
      // A header's own `{` on its line is the ordinary `keyword {` form, the same to keepalived as a
      // `{` on the next line: it does not make the header share its line.
      this.see(headerLine, header, openLine === headerLine);
    } else {
      store.push(NO_HEADER, 0, 0, 0);
      this.diagnostics.push(
        diagnostic("unexpected-open-brace", "error", "'{' with no keyword before it: keepalived ignores it and reads the lines that follow in the enclosing block", this.lines.range(open, open + 1)),
      );
    }
    this.see(openLine, -1);
    this.depth++;
    const alternatives = headerFirst >= 0 && openLine === headerLine ? this.alternatives(headerFirst, headerCount) : undefined;
    if (alternatives) this.afterCandidate(alternatives);
    this.items(false);
    this.depth--;
    store.set(index, 1, store.length);
    if (this.kind === RBRACE) {
      const close = this.start;
      store.set(index, 3, close);
      this.see(this.lineOf(close), -1);
      this.advance();
    } else {
      // A block that is never closed runs to the end of the file, as keepalived reads it.
      this.unclosed.push(index);
    }
  }

  /**
   * Reads the alternative headers (see AlternativeHeader in ast.ts) after a block's `@id` header
   * whose `{` ends its line. Each must be an `@id` header that no host keeps together with an
   * earlier one, with its `{` ending its line too. Returns the line that ended the run when it was
   * read but is no alternative header, for the block's items to begin with; undefined otherwise.
   */
  private alternatives(headerFirst: number, headerCount: number): Candidate | undefined {
    const table = this.table;
    if (this.depth >= MAX_BLOCK_DEPTH || (this.kind !== NEWLINE && this.kind !== END)) return undefined;
    const first = this.hostsOf(headerFirst, headerCount);
    if (first === undefined) return undefined;
    const hosts = new HostRun(first);
    for (;;) {
      while (this.kind === NEWLINE) this.advance();
      // (A method call: the checks above narrowed `this.kind`, which `advance` changes.)
      if (this.current() !== CONFIG_ID) return undefined;
      const first = this.readWords();
      const count = table.length - first;
      const line = this.lineOf(table.start(first));
      const id = this.hostsOf(first, count);
      if (id === undefined || this.current() !== LBRACE || !hosts.excludes(id)) return { first, open: -1 };
      const open = this.start;
      this.advance();
      // What follows the `{` on its line is dropped with the line on the other hosts: not this form.
      if (this.current() !== NEWLINE && this.current() !== END) return { first, open };
      table.push(open, open + 1, LBRACE);
      this.see(line, this.store.push(ALTERNATIVE, first, count, line), true);
      this.see(line, -1);
      hosts.add(id);
    }
  }

  /** Reads on from a line `alternatives` read and gave back: a statement, or a block whose `{` may be read already. */
  private afterCandidate(candidate: Candidate): void {
    if (candidate.open < 0) {
      this.afterWords(candidate.first);
      return;
    }
    const count = this.table.length - candidate.first;
    const line = this.lineOf(this.table.start(candidate.first));
    this.openedBlock(candidate.open, this.lineOf(candidate.open), candidate.first, count, line);
  }

  /** The `@id` of a statement that is one prefix and words (`@lb1 vrrp_instance A`), or undefined. */
  private hostsOf(first: number, count: number): ConfigIdRead | undefined {
    const table = this.table;
    if (count < 2 || table.flags(first) !== CONFIG_ID) return undefined;
    for (let entry = first + 1; entry < first + count; entry++) if (table.flags(entry) === CONFIG_ID || table.flags(entry) === SEQUENCE) return undefined;
    const text = this.text.slice(table.start(first), table.end(first));
    const negated = text.startsWith("@^");
    return { id: text.slice(negated ? 2 : 1), negated };
  }

  /** The local line of an offset at or after the last one looked up. */
  private lineOf(offset: number): number {
    this.line = this.lines.lineFrom(offset, this.line);
    return this.line;
  }

  /** A statement (its entry) or a brace (-1) on a line; statements and braces come in document order. */
  private see(line: number, statement: number, ownBrace = false): void {
    if (line !== this.currentLine) {
      this.flush();
      this.currentLine = line;
      this.onCurrentLine = 0;
    }
    this.onCurrentLine++;
    if (statement < 0) return;
    if (this.firstStatement < 0) {
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
    if (this.firstStatement >= 0 && count - (this.firstOwnBrace ? 1 : 0) > 1) this.markSharesLine(this.firstStatement);
    this.firstStatement = -1;
    if (this.moreStatements.length === 0) return;
    this.moreStatements.forEach((statement, k) => {
      if (count - (this.moreOwnBraces[k] ? 1 : 0) > 1) this.markSharesLine(statement);
    });
    this.moreStatements.length = 0;
    this.moreOwnBraces.length = 0;
  }

  private markSharesLine(entry: number): void {
    this.store.set(entry, 0, this.store.field(entry, 0) | SHARES_LINE);
  }
}

/**
 * The items of a text, in a store that makes their objects on first use. Reports unterminated quotes
 * and brace problems into `diagnostics`, and records which statements share their line with another
 * statement or a brace (`sharesLine`).
 */
export function readItems(text: string, lines: LineIndex, diagnostics: SyntaxDiagnostic[]): ItemStore {
  const reader = new ItemReader(text, lines, diagnostics);
  reader.read();
  return reader.store;
}
