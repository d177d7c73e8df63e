// The edit API. An editor collects text edits against the text it was given; `toString()` applies
// them and `textEdits()` hands them to an editor. Untouched bytes are never rewritten, new lines take
// the indentation of their siblings and the file's line break, and values are quoted when needed.
//
//   const doc = parseHaproxy(text);
//   const next = edit(doc).insertStatement(findSection(doc.ast, "backend", "web")!, "server web3 10.0.0.3:80 check").toString();
import { applyEdits, type TextEdit } from "../common/edits.js";
import type { HaproxyConfig, Line, Section, Statement as HaproxyStatement, Word as HaproxyWord } from "../haproxy/ast.js";
import type { HaproxyParseResult } from "../haproxy/parse.js";
import type { Block, KeepalivedConfig, KeepalivedItem, Statement as KeepalivedStatement, Word as KeepalivedWord } from "../keepalived/ast.js";
import type { KeepalivedParseResult } from "../keepalived/parse.js";
import { haproxyInsert, haproxyInsertSection, haproxyRemoval, keepalivedInsert, keepalivedRemoval, type Where } from "./placement.js";
import { haproxyReferences, keepalivedReferences } from "./references.js";
import { quoteHaproxy, quoteKeepalived } from "./style.js";

type AnyStatement = HaproxyStatement | KeepalivedStatement;
type AnyWord = HaproxyWord | KeepalivedWord;

export class ConfigEditor {
  private readonly edits: TextEdit[] = [];
  private readonly text: string;
  /** Document offset of the parsed text's first character (0 unless a piece was parsed). */
  private readonly base: number;

  constructor(private readonly parsed: HaproxyParseResult | KeepalivedParseResult) {
    this.text = parsed.lines.text;
    this.base = parsed.lines.base.offset;
  }

  /**
   * The edits made so far, in document offsets (for a piece parsed with a base, shifted by it), for
   * an editor to apply.
   */
  textEdits(): TextEdit[] {
    return this.edits.map((edit) => ({ start: edit.start + this.base, end: edit.end + this.base, newText: edit.newText }));
  }

  /** The parsed text with every edit applied. */
  toString(): string {
    return applyEdits(this.text, this.edits);
  }

  /** Adds a statement (or several lines, such as a whole keepalived block) to a section or block. */
  insertStatement(container: Section, statement: string, where?: Where<Line>): this;
  insertStatement(container: KeepalivedConfig | Block, statement: string, where?: Where<KeepalivedItem>): this;
  insertStatement(container: Section | KeepalivedConfig | Block, statement: string, where: Where<never> = {}): this {
    if (container.kind === "section") return this.push(haproxyInsert(this.text, this.base, this.haproxy(), container, statement, where));
    this.keepalived();
    return this.push(keepalivedInsert(this.text, this.base, container, statement, where));
  }

  /** Adds a haproxy section (header and body lines), by default after the last one. */
  insertSection(section: string, where: Where<Section> = {}): this {
    return this.push(haproxyInsertSection(this.text, this.base, this.haproxy(), section, where));
  }

  /** Replaces a statement's words, keeping its indentation, prefixes and trailing comment. */
  replaceStatement(statement: AnyStatement, text: string): this {
    const words = statement.words;
    return this.push({ start: words[0]!.range.startOffset - this.base, end: words[words.length - 1]!.range.endOffset - this.base, newText: text });
  }

  /** Removes a haproxy line or section, or a keepalived statement, block or definition. */
  remove(node: Line | Section | KeepalivedItem): this {
    if (this.parsed.format === "haproxy") return this.push(haproxyRemoval(this.text, this.base, this.parsed.ast, node as Line | Section));
    return this.push(keepalivedRemoval(this.text, this.base, node as KeepalivedItem));
  }

  /** Sets argument `index` (0 = first after the keyword) to `value`; `index === args.length` appends. */
  setArgument(statement: AnyStatement, index: number, value: string): this {
    const args = statement.args;
    const word = args[index];
    if (word) return this.push({ start: word.range.startOffset - this.base, end: word.range.endOffset - this.base, newText: this.quote(value) });
    if (index !== args.length) throw new RangeError(`argument ${index} does not exist and is not the next one (${args.length})`);
    const last = args[args.length - 1] ?? statement.keyword;
    return this.push({ start: last.range.endOffset - this.base, end: last.range.endOffset - this.base, newText: " " + this.quote(value) });
  }

  /** Inserts an argument before argument `index` (or appends when `index >= args.length`). */
  insertArgument(statement: AnyStatement, index: number, value: string): this {
    const word = statement.args[index];
    if (!word) return this.setArgument(statement, statement.args.length, value);
    return this.push({ start: word.range.startOffset - this.base, end: word.range.startOffset - this.base, newText: this.quote(value) + " " });
  }

  /** Removes argument `index` and the space before it. */
  removeArgument(statement: AnyStatement, index: number): this {
    const word = statement.args[index];
    if (!word) throw new RangeError(`argument ${index} does not exist`);
    const previous = index === 0 ? statement.keyword : statement.args[index - 1]!;
    return this.push({ start: previous.range.endOffset - this.base, end: word.range.endOffset - this.base, newText: "" });
  }

  /** Replaces one word with a value, quoted if it needs to be. */
  setWord(word: AnyWord, value: string): this {
    return this.push({ start: word.range.startOffset - this.base, end: word.range.endOffset - this.base, newText: this.quote(value) });
  }

  /**
   * Renames a haproxy section or a named keepalived block (vrrp_instance, vrrp_script, …) and every
   * reference to it that the grammar can see (default_backend, use_backend, `from`, `track`;
   * track_script, sync-group members, …).
   */
  rename(target: Section | Block, newName: string): this {
    if (target.kind === "section") {
      if (!target.name) throw new RangeError(`a '${target.type}' section has no name to rename`);
      for (const word of [target.name, ...haproxyReferences(this.haproxy(), target)]) this.replaceName(word, target.name.value, newName);
      return this;
    }
    const name = target.header?.args[0];
    if (!name) throw new RangeError("this block has no name to rename");
    for (const word of [name, ...keepalivedReferences(this.keepalived(), target)]) this.replaceName(word, name.value, newName);
    return this;
  }

  private replaceName(word: AnyWord, oldName: string, newName: string): void {
    // `track be/srv` keeps its server part.
    const value = word.value === oldName ? newName : newName + word.value.slice(oldName.length);
    this.setWord(word, value);
  }

  private quote(value: string): string {
    return this.parsed.format === "haproxy" ? quoteHaproxy(value) : quoteKeepalived(value);
  }

  private haproxy(): HaproxyConfig {
    if (this.parsed.format !== "haproxy") throw new TypeError("this operation needs a haproxy configuration");
    return this.parsed.ast;
  }

  private keepalived(): KeepalivedConfig {
    if (this.parsed.format !== "keepalived") throw new TypeError("this operation needs a keepalived configuration");
    return this.parsed.ast;
  }

  private push(edit: TextEdit): this {
    this.edits.push(edit);
    return this;
  }
}

export function edit(parsed: HaproxyParseResult | KeepalivedParseResult): ConfigEditor {
  return new ConfigEditor(parsed);
}
