// The edit API. An editor collects text edits against the text it was given; `toString()` applies
// them and `textEdits()` hands them to an editor. Untouched bytes are never rewritten, new lines take
// the indentation of their siblings and the file's line break, and values are quoted when needed.
// Every node it is given must come from the parse it was made for and must not have been removed by
// an earlier edit; every text it inserts is parsed first. Anything else throws before the file is
// touched, so an editor never produces a corrupt file.
//
//   const doc = parseHaproxy(text);
//   const next = edit(doc).insertStatement(getSection(doc.ast, "backend", "web"), "server web3 10.0.0.3:80 check").toString();
import { applyEdits, sortTextEdits, type TextEdit } from "../common/edits.js";
import type { HaproxyConfig, Line, Section, Statement as HaproxyStatement, Word as HaproxyWord } from "../haproxy/ast.js";
import type { HaproxyParseResult } from "../haproxy/parse.js";
import type { Block, KeepalivedConfig, KeepalivedItem, Statement as KeepalivedStatement, Word as KeepalivedWord } from "../keepalived/ast.js";
import type { KeepalivedParseResult } from "../keepalived/parse.js";
import { keepalivedItems } from "../keepalived/walk.js";
import { argumentEdits, type ArgumentOperation } from "./arguments.js";
import { describeNode, DocumentMembership } from "./membership.js";
import { haproxyInsert, haproxyInsertSection, haproxyRemoval } from "./haproxy-placement.js";
import { keepalivedInsert, keepalivedRemoval } from "./keepalived-placement.js";
import { mergeLineRemovals, removeLines, type Where } from "./placement.js";
import { dependentEntries, type RemoveOptions } from "./removal.js";
import { renameEdits } from "./rename.js";
import { checkHaproxyReplacement, checkHaproxySection, checkHaproxyStatements, checkKeepalivedReplacement, checkKeepalivedStatements } from "./snippets.js";
import { quoteHaproxy, quoteKeepalived } from "./style.js";

type AnyWord = HaproxyWord | KeepalivedWord;
type AnyNode = Section | Line | KeepalivedItem | Block | AnyWord | HaproxyConfig | KeepalivedConfig;

/**
 * Collects edits to one parsed haproxy or keepalived file. Make one with `edit(parseHaproxy(text))`;
 * every method returns the editor, so calls chain. Nothing is applied until `toString()` or
 * `textEdits()`. Methods throw a TypeError or RangeError (and record nothing) for a node of another
 * parse, a node removed by an earlier call, text that would not parse as what it is inserted as, or
 * two edits that touch the same text.
 */
export class ConfigEditor {
  private readonly edits: TextEdit[] = [];
  private readonly text: string;
  /** Document offset of the parsed text's first character (0 unless a piece was parsed). */
  private readonly base: number;
  private readonly members: DocumentMembership;
  /** Document ranges that earlier calls removed: nodes inside them are gone. */
  private readonly removed: { start: number; end: number }[] = [];
  /** The whole-line removals made so far (before widening), with the edit that performs each. */
  private readonly lineRemovals: { start: number; end: number; edit: TextEdit }[] = [];

  constructor(private readonly parsed: HaproxyParseResult | KeepalivedParseResult) {
    if (typeof parsed !== "object" || parsed === null || !parsed.ast || !parsed.lines) {
      throw new TypeError("edit() expects the result of parseHaproxy() or parseKeepalived()");
    }
    this.text = parsed.lines.text;
    this.base = parsed.lines.base.offset;
    this.members = new DocumentMembership(parsed.ast);
  }

  /**
   * The edits made so far, in document offsets (for a piece parsed with a base, shifted by it), for
   * an editor to apply to the original text. They are sorted by start offset; edits at the same
   * offset (insertions) are in the order they were made, which is the order they appear in the text.
   * No two of them overlap.
   */
  textEdits(): TextEdit[] {
    return sortTextEdits(this.edits).map((edit) => ({ start: edit.start + this.base, end: edit.end + this.base, newText: edit.newText }));
  }

  /** The parsed text with every edit applied. */
  toString(): string {
    return applyEdits(this.text, this.edits);
  }

  /**
   * Adds lines to a haproxy section (statements, comments, balanced `.if` blocks; never a section
   * header, which would start a new section) or to a keepalived block or the top level (statements
   * and whole blocks whose braces balance). Multi-line text is indented as a whole.
   */
  insertStatement(container: Section, statement: string, where?: Where<Line>): this;
  insertStatement(container: KeepalivedConfig | Block, statement: string, where?: Where<KeepalivedItem>): this;
  insertStatement(container: Section | KeepalivedConfig | Block, statement: string, where: Where<Line | KeepalivedItem> = {}): this {
    this.requireNode(container, "insertStatement");
    this.checkWhere(container, where, "insertStatement");
    if (container.kind === "section") {
      const text = checkHaproxyStatements(statement);
      return this.push(haproxyInsert(this.text, this.base, this.haproxy(), container, text, where as Where<Line>));
    }
    const text = checkKeepalivedStatements(statement);
    this.keepalived();
    return this.push(keepalivedInsert(this.text, this.base, container, text, where as Where<KeepalivedItem>));
  }

  /** Adds a haproxy section (header and body lines, indented like the file's), by default after the last one. */
  insertSection(section: string, where: Where<Section> = {}): this {
    const config = this.haproxy();
    this.checkWhere(config, where, "insertSection");
    return this.push(haproxyInsertSection(this.text, this.base, config, checkHaproxySection(section), where));
  }

  /**
   * Replaces a statement's words with one statement on one line, keeping its indentation, prefixes
   * and trailing comment. A section header must stay a section header, and nothing else may become one.
   */
  replaceStatement(statement: HaproxyStatement | KeepalivedStatement, text: string): this {
    this.requireNode(statement, "replaceStatement");
    const replacement =
      this.parsed.format === "haproxy"
        ? checkHaproxyReplacement(text, this.haproxy().sections.some((section) => section.header === statement))
        : checkKeepalivedReplacement(text);
    const words = statement.words;
    return this.push({ start: this.local(words[0]!.range.startOffset), end: this.local(words[words.length - 1]!.range.endOffset), newText: replacement });
  }

  /**
   * Removes a haproxy line or section, or a keepalived statement, block or definition, with its
   * line when it has one to itself, and without leaving a run of blank lines or trailing spaces.
   *
   * What names the removed thing elsewhere is handled as keepalived and haproxy would need it:
   * a keepalived block's entries in lists (a vrrp_instance in its sync groups' `group`, a vrrp_script
   * in `track_script`, …) are removed with it; any other reference (`use_backend web`, `track web/s1`,
   * `virtual_server group NAME`) makes the removal throw a RangeError that lists them, since removing
   * it would break the file. `{ keepReferences: true }` removes the node alone and leaves every
   * reference as it is.
   */
  remove(node: Line | Section | KeepalivedItem, options: RemoveOptions = {}): this {
    this.requireNode(node, "remove");
    // Without its header, a section's lines would join the one before; a block's `{` would stand alone.
    if (this.parsed.format === "haproxy" ? this.parsed.ast.sections.some((section) => section.header === node) : this.isBlockHeader(node)) {
      throw new RangeError(`remove: the ${describeNode(node)} is the header of a ${this.parsed.format === "haproxy" ? "section" : "block"}; remove the whole ${this.parsed.format === "haproxy" ? "section" : "block"}, or replace the header`);
    }
    const entries = options.keepReferences === true ? [] : dependentEntries(this.parsed, node, this.removed);
    const saved = { edits: [...this.edits], lineRemovals: [...this.lineRemovals] };
    try {
      for (const item of [node, ...entries]) {
        const removals =
          this.parsed.format === "haproxy"
            ? haproxyRemoval(this.base, this.parsed.ast, item as Line | Section)
            : [keepalivedRemoval(this.text, this.base, item as KeepalivedItem)];
        for (const removal of removals) {
          if (removal.kind === "edit") this.push(removal.edit);
          else this.removeLines(removal.start, removal.end);
        }
      }
    } catch (error) {
      this.edits.splice(0, this.edits.length, ...saved.edits);
      this.lineRemovals.splice(0, this.lineRemovals.length, ...saved.lineRemovals);
      throw error;
    }
    for (const item of [node, ...entries]) this.removed.push({ start: item.range.startOffset, end: item.range.endOffset });
    return this;
  }

  /**
   * Sets argument `index` (0 = first after the keyword) to `value`, one word, quoted if it needs to
   * be; `index === args.length` appends it. Any other index is a RangeError.
   */
  setArgument(statement: HaproxyStatement | KeepalivedStatement, index: number, value: string): this {
    return this.arguments(statement, { kind: "set", index, values: [value] }, "setArgument");
  }

  /**
   * Inserts `value` as ONE argument before argument `index` (`index === args.length` appends):
   * `"weight 10"` becomes the single quoted word `'weight 10'`. To add several words, use
   * insertArguments. An index past the end is a RangeError.
   */
  insertArgument(statement: HaproxyStatement | KeepalivedStatement, index: number, value: string): this {
    return this.arguments(statement, { kind: "insert", index, values: [value] }, "insertArgument");
  }

  /** Inserts several arguments, one word each, before argument `index`: `insertArguments(server, 2, ["weight", "10"])`. */
  insertArguments(statement: HaproxyStatement | KeepalivedStatement, index: number, values: readonly string[]): this {
    return this.arguments(statement, { kind: "insert", index, values }, "insertArguments");
  }

  /** Removes argument `index` and the space before it. */
  removeArgument(statement: HaproxyStatement | KeepalivedStatement, index: number): this {
    return this.arguments(statement, { kind: "remove", index, values: [] }, "removeArgument");
  }

  /** Replaces one word with a value, quoted if it needs to be. */
  setWord(word: HaproxyWord | KeepalivedWord, value: string): this {
    if (!this.members.hasWord(word)) throw new RangeError(`setWord: ${this.foreign(word)}`);
    this.requireNode(word, "setWord");
    if (typeof value !== "string") throw new TypeError(`setWord: the value must be a string, got ${typeof value}`);
    return this.push({ start: this.local(word.range.startOffset), end: this.local(word.range.endOffset), newText: this.quote(value) });
  }

  /**
   * Renames a haproxy section (backend, defaults, userlist, resolvers, peers, ring, …), a haproxy
   * server, or a named keepalived block (vrrp_instance, vrrp_script, …) and every reference to it that
   * the daemon reads (`references()` lists them). Refuses a name that is empty, not one word, or
   * already taken, and a target that has no name.
   */
  rename(target: Section | HaproxyStatement | Block, newName: string): this {
    this.requireNode(target, "rename");
    // A reference that an earlier call removed is gone with its line: nothing to rename there.
    const edits = renameEdits(this.parsed, target, newName).filter((edit) => !this.removed.some((span) => edit.start >= span.start && edit.end <= span.end));
    // All or nothing: a refused rename records no edit.
    const before = this.edits.length;
    try {
      for (const edit of edits) this.push({ start: this.local(edit.start), end: this.local(edit.end), newText: edit.newText });
    } catch (error) {
      this.edits.length = before;
      throw error;
    }
    return this;
  }

  private arguments(statement: HaproxyStatement | KeepalivedStatement, operation: ArgumentOperation, method: string): this {
    this.requireNode(statement, method);
    for (const value of operation.values) {
      if (typeof value !== "string") throw new TypeError(`${method}: values must be strings, got ${typeof value}`);
    }
    const edit = argumentEdits(statement, operation, (value) => this.quote(value), method);
    return this.push({ start: this.local(edit.start), end: this.local(edit.end), newText: edit.newText });
  }

  /**
   * Removes whole lines, merged with earlier removals that only blank lines separate from them, so
   * that removing neighbours one call at a time leaves the same text as removing them together.
   */
  private removeLines(start: number, end: number): void {
    const { start: from, end: to, merged } = mergeLineRemovals(this.text, this.lineRemovals, start, end);
    for (const removal of merged) {
      this.edits.splice(this.edits.indexOf(removal.edit), 1);
      this.lineRemovals.splice(this.lineRemovals.indexOf(removal), 1);
    }
    const edit = removeLines(this.text, from, to);
    this.push(edit);
    this.lineRemovals.push({ start: from, end: to, edit });
  }

  private isBlockHeader(node: object): boolean {
    if (this.parsed.format !== "keepalived" || (node as KeepalivedItem).kind !== "statement") return false;
    return [...keepalivedItems(this.parsed.ast)].some((item) => item.kind === "block" && item.header === node);
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

  private local(offset: number): number {
    return offset - this.base;
  }

  private foreign(node: AnyNode): string {
    return `this ${describeNode(node)} is not part of the document this editor was made for (it comes from another parse, or from the text before an edit); parse the current text and use its nodes`;
  }

  /** Throws unless `node` is a node of this editor's document that no earlier call removed. */
  private requireNode(node: AnyNode | undefined, method: string): void {
    if (typeof node !== "object" || node === null) throw new TypeError(`${method}: expected a node of the parsed document, got ${node === null ? "null" : typeof node}`);
    if (node.kind !== "word" && !this.members.has(node)) throw new RangeError(`${method}: ${this.foreign(node)}`);
    if (node.kind === "config") return;
    for (const span of this.removed) {
      if (node.range.startOffset >= span.start && node.range.endOffset <= span.end) {
        throw new RangeError(`${method}: this ${describeNode(node)} was removed by an earlier edit of this editor`);
      }
    }
  }

  /** `after` and `before` must be children of the container; `at` is "start" or "end". */
  private checkWhere(container: Section | Block | HaproxyConfig | KeepalivedConfig, where: Where<unknown>, method: string): void {
    if (typeof where !== "object" || where === null) throw new TypeError(`${method}: 'where' must be an object such as { after: node }`);
    if (where.at !== undefined && where.at !== "start" && where.at !== "end") throw new RangeError(`${method}: 'at' must be "start" or "end", got ${JSON.stringify(where.at)}`);
    if (where.after && where.before) throw new RangeError(`${method}: give 'after' or 'before', not both`);
    const sibling = (where.after ?? where.before) as Line | Section | KeepalivedItem | undefined;
    if (!sibling) return;
    this.requireNode(sibling, method);
    const children: readonly unknown[] =
      container.kind === "section" ? container.body : container.kind === "block" ? container.items : container.format === "haproxy" ? container.sections : container.items;
    if (!children.includes(sibling)) throw new RangeError(`${method}: the ${describeNode(sibling)} given as 'after'/'before' is not directly inside the ${describeNode(container)}`);
  }

  private push(edit: TextEdit): this {
    // Checked now, so that the call that causes an overlap is the one that throws.
    sortTextEdits([...this.edits, edit]);
    this.edits.push(edit);
    return this;
  }
}

/** Starts collecting edits to a parsed file: `edit(parseHaproxy(text)).insertStatement(…).toString()`. */
export function edit(parsed: HaproxyParseResult | KeepalivedParseResult): ConfigEditor {
  return new ConfigEditor(parsed);
}
