// The per-configuration model every keepalived rule reads: each statement and block with the id of
// the block it stands in (`top`, `vrrp_instance`, `virtual_server>real_server`, …), following
// `include`s into the files they pull in, and the definitions of every named block. Built once per
// lint run; rules never walk the text themselves.
import { searchLines } from "../search-lines.js";
import type { AlternativeHeader, Block, Definition, KeepalivedItem, Statement, StrayBrace } from "../../../../grammars/keepalived/ast.js";
import type { KeepalivedParseResult } from "../../../../grammars/keepalived/parse.js";
import type { KeepalivedVersion } from "../../facts/types.js";
import type { LineIndex, Range } from "../../../../grammars/common/text.js";
import type { IncludeLink } from "../../workspace/loader.js";
import { childBlockId } from "../../facts/keepalived.js";
import { asHeaderLine, type BlockPlace } from "./placed-blocks.js";
import { placeAll } from "./placing.js";

export interface KeepalivedFileInput {
  readonly uri: string;
  readonly parse: KeepalivedParseResult;
}

/** A statement with the file it is in and the block it stands in. */
export interface PlacedStatement {
  readonly statement: Statement;
  /** Its keyword, `statement.wordValue(0)`, read once for every rule. */
  readonly keyword: string;
  readonly uri: string;
  /** Id of the block the statement stands in. */
  readonly blockId: string;
  /** The block it stands in (undefined at the top level of a file). */
  readonly parent: Block | undefined;
  /** Where it comes in reading order (see `readingIndex`); a block header has its block's. */
  readonly order: number;
  /** For a block's header (see `keywordStatements`): the block it opens. */
  readonly opens?: Block;
  /** The placed block it stands in (`parent`), with that block's children. */
  readonly within: PlacedBlock | undefined;
}

/**
 * From `start` to the block's closing brace: for what a block lacks, keepalived names the line of
 * its `}` (where it finds out), so a finding that spans both is on keepalived's line and the
 * reader's. A block the file leaves open ends at `start`.
 */
export function throughClose(start: Range, block: Block): Range {
  return block.close ? { start: start.start, end: block.close.range.end } : start;
}

/** A block with the file it is in and the block it stands in. */
export interface PlacedBlock {
  readonly block: Block;
  /** Its header, `block.header`, kept for every rule (undefined for a bare `{`). */
  readonly statement: Statement | undefined;
  /** The keyword of its header, `header.wordValue(0)`, read once for every rule; undefined without a header or for a prefix-only one. */
  readonly keyword: string | undefined;
  readonly uri: string;
  /** Id of the block this one stands in. */
  readonly parentId: string;
  readonly parent: Block | undefined;
  /**
   * Id of this block (what its keyword opens), or undefined for a bare `{` or a keyword that opens
   * none. keepalived ignores such a `{` and reads what follows in the enclosing block, where the
   * next `}` closes that block: nothing inside is checked, so one mistake gives one finding.
   */
  readonly id: string | undefined;
  /** Where it comes in reading order (see `readingIndex`). */
  readonly order: number;
  /** The statements directly inside it, those of files included inside it too (prefix-only lines left out). */
  readonly statements: PlacedStatement[];
  /** The blocks directly inside it, those of files included inside it too. */
  readonly blocks: PlacedBlock[];
  /** The placed block it stands in (`parent`). */
  readonly within: PlacedBlock | undefined;
}

export interface PlacedOther {
  readonly item: Definition | StrayBrace | AlternativeHeader;
  readonly uri: string;
  readonly blockId: string;
  readonly order: number;
}

/** One item in the order keepalived reads it: includes followed where they stand. */
export interface ReadStep {
  readonly item: KeepalivedItem;
  readonly uri: string;
  readonly blockId: string;
  /** The file this reading started from: the root, or a file nobody includes, read on its own. */
  readonly root: string;
}

export const TOP = "top";

const NO_STATEMENTS: readonly PlacedStatement[] = [];

export { DEFINITION_STATEMENT } from "./placing.js";

function hasLoneCarriageReturn(text: string): boolean {
  for (let at = text.indexOf("\r"); at >= 0; at = text.indexOf("\r", at + 1)) if (text.charCodeAt(at + 1) !== 10) return true;
  return false;
}
const NO_BLOCKS: readonly PlacedBlock[] = [];

/**
 * Whether an `@` of the text may start an `@id` prefix: the scanner reads one only where a
 * statement starts (after the start of the text, a line break or a brace, and blanks), so an `@`
 * after anything else (`bench@example.com`) cannot. Each `@` is looked at, not the whole text.
 */
function hasLineStartAt(text: string): boolean {
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    let before = at - 1;
    // The scanner's blanks: space, tab, vertical tab, form feed, and a carriage return.
    for (let c = text.charCodeAt(before); c === 32 || c === 9 || c === 11 || c === 12 || c === 13; c = text.charCodeAt(before)) before--;
    if (before < 0) return true;
    const c = text.charCodeAt(before);
    if (c === 10 || c === 123 /* { */ || c === 125 /* } */) return true;
  }
  return false;
}

/** What keepalived rules read: one parsed configuration and its includes, indexed once for all rules. */
export class KeepalivedModel {
  readonly files: readonly KeepalivedFileInput[];
  readonly version: KeepalivedVersion;
  readonly statements: PlacedStatement[] = [];
  readonly blocks: PlacedBlock[] = [];
  readonly others: PlacedOther[] = [];
  /**
   * Blocks whose '}' keepalived reads at the top level, where no block is open: a '{' it ignored
   * earlier (after a word that opens no block) let an earlier '}' close the level this one was
   * meant to close, so it reports this one as "Unknown keyword '}'".
   */
  readonly closedAtTop: { readonly block: Block; readonly uri: string; /** Whether keepalived ignored this block's own '{' (else an earlier '}' closed it). */ readonly ignored: boolean }[] = [];
  /**
   * `include` statements whose files were not followed (linting one file on its own): what they
   * define or open is unknown, so rules that look for something missing stay quiet after them.
   */
  readonly unresolvedIncludes = new Set<Statement>();
  /** Every keyword a placed statement or block has, one string each (see `holdsKeyword`). */
  readonly keywords = new Map<string, string>();
  private placedBlocks: Map<Block, PlacedBlock> | undefined;
  private named: Map<string, Map<string, PlacedBlock[]>> | undefined;
  private order: Map<KeepalivedItem, number> | undefined;
  private steps: ReadStep[] | undefined;
  private byKeyword: Map<string, PlacedStatement[]> | undefined;
  private byId: Map<string, PlacedBlock[]> | undefined;
  /** The statements that are not prefix-only, in reading order. */
  readonly keywordLines: PlacedStatement[] = [];
  /** `keywordLines` and the block headers after them (see `keywordStatements`), made on first use. */
  private allLines: PlacedStatement[] | undefined;
  /** How many of `keywordLines` are statements. */
  private readonly statementLines: number;
  private dynamic: boolean | undefined;
  private variableDefinitions: boolean | undefined;
  private readonly holds = new Map<string, boolean>();
  private searched: Map<string, { readonly lines: LineIndex; readonly byLine: (PlacedStatement[] | undefined)[] | undefined; readonly all: PlacedStatement[] }> | undefined;
  private readonly mentions = new Map<string, PlacedStatement[]>();
  private readonly includeTargets: ReadonlyMap<Statement, readonly string[]>;

  /** The line index (with the text) of one of the configuration's files, for fixes that take whole lines. */
  linesOf(uri: string): LineIndex | undefined {
    for (const file of this.files) if (file.uri === uri) return file.parse.lines;
    return undefined;
  }

  constructor(files: readonly KeepalivedFileInput[], includes: readonly IncludeLink[], version: KeepalivedVersion) {
    this.files = files;
    this.version = version;
    const byUri = new Map(files.map((file) => [file.uri, file]));
    const includeTargets = new Map<Statement, readonly string[]>(includes.map((link) => [link.statement, link.targets]));
    this.includeTargets = includeTargets;
    // An include is known when the loader followed it and read every file it matched; a computed
    // path (`include ${DIR}/x.conf`, a template) matches nothing lblint can see.
    const includeResolved = (statement: Statement) => {
      const targets = includeTargets.get(statement);
      if (targets === undefined) return false;
      if (statement.args.some((word) => word.variables.length > 0 || /\{\{|\{%/.test(word.value))) return false;
      return targets.every((target) => byUri.has(target));
    };
    // The placing walk reads as `walk` does, with the placing written in (placing.ts).
    placeAll(files, includeTargets, includeResolved, this);
    this.statementLines = this.keywordLines.length;
  }

  /**
   * Goes through the configuration in the order keepalived reads it: includes followed where they
   * stand, then files nobody includes, read on their own. `visit` returns the placed block of a
   * block, which its items then receive as their parent.
   */
  private walk(
    visit: (item: KeepalivedItem, uri: string, blockId: string, parent: PlacedBlock | undefined, order: number, root: string, id: string | undefined, keyword: string | undefined) => PlacedBlock | undefined,
  ): void {
    const files = this.files;
    const byUri = new Map(files.map((file) => [file.uri, file]));
    const visited = new Set<string>();
    let root = "";
    let order = 0;
    // The id a keyword opens in a block, looked up in the tables once per block id and keyword.
    const ids = new Map<string, Map<string, string | undefined>>();
    const openedId = (blockId: string, keyword: string): string | undefined => {
      let inBlock = ids.get(blockId);
      if (!inBlock) ids.set(blockId, (inBlock = new Map()));
      let id = inBlock.get(keyword);
      if (id === undefined && !inBlock.has(keyword)) inBlock.set(keyword, (id = childBlockId(blockId, keyword)));
      return id;
    };
    // The blocks keepalived has open where it reads, innermost last. It opens a block only for a
    // keyword of the block it reads in: after any other word it ignores the '{' ("Unexpected '{'"),
    // reads the lines inside where it was, and the '}' closes the block it was in (at the top level:
    // "Unknown keyword '}'"), so the lines after it are read one level up (measured, 2.2.7 and 2.3.3).
    // Each line's block id is where keepalived reads it, which after such a block is not always the
    // block the braces put it in.
    let levels: string[] = [TOP];
    const step = (item: KeepalivedItem, uri: string, parent: PlacedBlock | undefined, parentBlock: Block | undefined): void => {
      const blockId = levels[levels.length - 1]!;
      if (item.kind === "block") {
        const header = item.header;
        const keyword = header && !header.prefixOnly ? header.wordValue(0)! : undefined;
        const id = keyword === undefined ? undefined : openedId(blockId, keyword);
        const placed = visit(item, uri, blockId, parent, order++, root, id, keyword);
        if (id !== undefined) levels.push(id);
        // Item by item: a list of each block's items, made here, would live as long as the tree.
        item.forEachItem((child) => step(child, uri, placed, item));
        if (levels.length > 1) levels.pop();
        return;
      }
      visit(item, uri, blockId, parent, order++, root, undefined, undefined);
      if (item.kind === "statement" && item.wordIs(0, "include")) {
        for (const target of this.includeTargets.get(item) ?? []) {
          const file = byUri.get(target);
          if (!file || visited.has(target)) continue;
          visited.add(target);
          go(target, file.parse.ast.items, parent, parentBlock);
        }
      }
    };
    const go = (uri: string, items: readonly KeepalivedItem[], parent: PlacedBlock | undefined, parentBlock: Block | undefined) => {
      for (let i = 0; i < items.length; i++) step(items[i]!, uri, parent, parentBlock);
    };
    const first = files[0];
    if (first) {
      visited.add(first.uri);
      root = first.uri;
      go(first.uri, first.parse.ast.items, undefined, undefined);
    }
    // Files nobody includes (given on their own) are read as top-level configurations too.
    for (const file of files) {
      if (visited.has(file.uri)) continue;
      visited.add(file.uri);
      root = file.uri;
      levels = [TOP];
      go(file.uri, file.parse.ast.items, undefined, undefined);
    }
  }

  /** Every statement, block, definition and stray brace in the order keepalived reads them (made on first use). */
  get reading(): readonly ReadStep[] {
    if (!this.steps) {
      const steps: ReadStep[] = [];
      this.walk((item, uri, blockId, _parent, _order, root) => {
        steps.push({ item, uri, blockId, root });
        return undefined;
      });
      this.steps = steps;
    }
    return this.steps;
  }

  /** The placed block of each block, made on first use (placed statements and blocks carry theirs as `within`). */
  private blockInfo(): Map<Block, PlacedBlock> {
    if (!this.placedBlocks) {
      this.placedBlocks = new Map();
      for (const placed of this.blocks) this.placedBlocks.set(placed.block, placed);
    }
    return this.placedBlocks;
  }

  placed(block: Block): PlacedBlock | undefined {
    return this.blockInfo().get(block);
  }

  /** Top-level blocks by keyword and name: `definitions("vrrp_script").get("chk_haproxy")`. */
  definitions(keyword: string): Map<string, PlacedBlock[]> {
    this.named ??= this.indexNamed();
    return this.named.get(keyword) ?? new Map();
  }

  /**
   * The statements directly inside a block, those of files included inside it too, in reading
   * order (prefix-only lines left out).
   */
  childStatements(block: Block): readonly PlacedStatement[] {
    return this.blockInfo().get(block)?.statements ?? NO_STATEMENTS;
  }

  /** The blocks directly inside a block, those of files included inside it too, in reading order. */
  childBlocks(block: Block): readonly PlacedBlock[] {
    return this.blockInfo().get(block)?.blocks ?? NO_BLOCKS;
  }

  /**
   * Where an item (or a block's header) comes in reading order: compare two to know which keepalived
   * reads first. Placed statements and blocks carry it as `order`.
   */
  readingIndex(item: KeepalivedItem): number {
    if (!this.order) {
      const order = new Map<KeepalivedItem, number>();
      for (const placed of this.statements) order.set(placed.statement, placed.order);
      for (const placed of this.blocks) {
        order.set(placed.block, placed.order);
        if (placed.block.header) order.set(placed.block.header, placed.order);
      }
      for (const placed of this.others) order.set(placed.item, placed.order);
      this.order = order;
    }
    return this.order.get(item) ?? -1;
  }

  /** Statements of one keyword (prefix-only lines left out), in reading order. */
  withKeyword(keyword: string): readonly PlacedStatement[] {
    if (!this.byKeyword) {
      this.byKeyword = new Map();
      const lines = this.keywordLines;
      for (let i = 0; i < this.statementLines; i++) {
        const placed = lines[i]!;
        const key = placed.keyword;
        const list = this.byKeyword.get(key);
        if (list) list.push(placed);
        else this.byKeyword.set(key, [placed]);
      }
    }
    return this.byKeyword.get(keyword) ?? NO_STATEMENTS;
  }

  /**
   * Whether some placed statement or block has this keyword. Rules ask each of thousands of blocks
   * for keywords most files never use (`unicast_peer`, `track_file`, …): a block can answer those
   * without going through its lines.
   */
  holdsKeyword(keyword: string): boolean {
    return this.keywords.has(keyword);
  }

  /** Where the block headers start in `keywordStatements()`: the lines before are statements. */
  get headerLinesFrom(): number {
    return this.statementLines;
  }

  /** Blocks of one id (`vrrp_instance>authentication`), in reading order. */
  blocksWithId(id: string): readonly PlacedBlock[] {
    return this.blocksById().get(id) ?? NO_BLOCKS;
  }

  /** Blocks of any of these ids, in reading order. */
  blocksWithIds(ids: Iterable<string>): readonly PlacedBlock[] {
    let found: PlacedBlock[] | undefined;
    for (const id of ids) {
      const list = this.blocksById().get(id);
      if (list) found = found ? found.concat(list) : list.slice();
    }
    return found ? found.sort((a, b) => a.order - b.order) : NO_BLOCKS;
  }

  /**
   * The blocks by id, made on first use: rules that look at the blocks of a few ids ask for them
   * rather than each going through every block of the file.
   */
  blocksById(): ReadonlyMap<string, readonly PlacedBlock[]> {
    if (!this.byId) {
      const byId = new Map<string, PlacedBlock[]>();
      const blocks = this.blocks;
      for (let i = 0; i < blocks.length; i++) {
        const placed = blocks[i]!;
        const id = placed.id;
        if (id === undefined) continue;
        const list = byId.get(id);
        if (list) list.push(placed);
        else byId.set(id, [placed]);
      }
      this.byId = byId;
    }
    return this.byId;
  }

  /**
   * Every statement and block header keepalived reads as a keyword, with the id of the block it
   * stands in: statements first, then headers, each in reading order.
   */
  keywordStatements(): readonly PlacedStatement[] {
    if (!this.allLines) {
      // Made at its size: pushing the headers after the statements copied the list as it grew.
      const blocks = this.blocks;
      let headers = 0;
      for (let i = 0; i < blocks.length; i++) if (blocks[i]!.keyword !== undefined) headers++;
      const statements = this.keywordLines;
      const count = this.statementLines;
      const lines = new Array<PlacedStatement>(count + headers);
      for (let i = 0; i < count; i++) lines[i] = statements[i]!;
      for (let i = 0, at = count; i < blocks.length; i++) {
        const placed = blocks[i] as BlockPlace;
        if (placed.keyword !== undefined) lines[at++] = asHeaderLine(placed);
      }
      this.allLines = lines;
    }
    return this.allLines;
  }

  /**
   * The statements and block headers (see `keywordStatements`) whose line holds `pattern` (a
   * string or a regular expression), in the order of `keywordStatements`: what a rule that looks
   * for a word must read, found by searching the file texts. A line's comment is searched too.
   */
  mentioning(pattern: string | RegExp): readonly PlacedStatement[] {
    const key = typeof pattern === "string" ? `s${pattern}` : `r${pattern.source}/${pattern.flags}`;
    let found = this.mentions.get(key);
    if (found) return found;
    const hits = new Set<PlacedStatement>();
    for (const [, { lines, byLine, all }] of this.searchedTexts()) {
      if (!byLine) {
        for (const placed of all) hits.add(placed);
        continue;
      }
      for (const line of searchLines(lines.text, lines, pattern)) for (const placed of byLine[line] ?? []) hits.add(placed);
    }
    found = hits.size === 0 ? [] : this.keywordStatements().filter((placed) => hits.has(placed));
    this.mentions.set(key, found);
    return found;
  }

  /**
   * The lines (document line numbers) of a file whose text matches `pattern`, each once; undefined
   * when a carriage return alone makes the lines of the text and of the tree differ.
   */
  matchingLines(file: KeepalivedFileInput, pattern: string | RegExp): ReadonlySet<number> | undefined {
    const lines = file.parse.lines;
    if (hasLoneCarriageReturn(lines.text)) return undefined;
    return new Set(searchLines(lines.text, lines, pattern).map((line) => line + lines.base.line));
  }

  /** Per file: the keyword statements of each line; none when a carriage return alone makes lines ambiguous. */
  private searchedTexts() {
    if (!this.searched) {
      this.searched = new Map();
      for (const file of this.files) this.searched.set(file.uri, { lines: file.parse.lines, byLine: hasLoneCarriageReturn(file.parse.lines.text) ? undefined : [], all: [] });
      for (const placed of this.keywordStatements()) {
        const text = this.searched.get(placed.uri);
        if (!text) continue;
        text.all.push(placed);
        if (!text.byLine) continue;
        const line = placed.statement.line - text.lines.base.line;
        (text.byLine[line] ??= []).push(placed);
      }
    }
    return this.searched;
  }

  /**
   * Whether a file text holds `$`, `{{`, `{%` or `<%`: without them no word is a variable or a
   * template expression, and rules need not look for one.
   */
  get mayHoldDynamic(): boolean {
    this.dynamic ??= this.textHolds("$") || this.textHolds("{{") || this.textHolds("{%") || this.textHolds("<%");
    return this.dynamic;
  }

  /**
   * Whether some file defines a variable (`$NAME=…` at the start of a line, or behind an `@id` that
   * gives it to some hosts only): without any, keepalived substitutes nothing and reads an unbraced
   * `$NAME` as written.
   */
  definesVariables(): boolean {
    this.variableDefinitions ??=
      this.textHolds("$") && this.files.some((file) => /^[ \t]*(?:@\^?[^\s{}#!"]+[ \t]+)?\$[A-Za-z_][A-Za-z0-9_]*=/m.test(file.parse.lines.text));
    return this.variableDefinitions;
  }

  /**
   * Whether a block may have alternative headers (`@lb1 vrrp_instance A {` then `@lb2 …`): each
   * starts with an `@id` prefix where a statement starts, so a configuration without such an `@`
   * has none, and the rules that read them need not ask each of its blocks (an `@` in an e-mail
   * address or a comment does not count).
   */
  get mayHoldAlternatives(): boolean {
    this.alternatives ??= this.files.some((file) => hasLineStartAt(file.parse.lines.text));
    return this.alternatives;
  }

  private alternatives: boolean | undefined;

  /** Whether the text of a file of the configuration holds `needle` (a comment counts too). */
  textHolds(needle: string): boolean {
    let found = this.holds.get(needle);
    if (found === undefined) this.holds.set(needle, (found = this.files.some((file) => file.parse.lines.text.includes(needle))));
    return found;
  }

  /** The statements directly inside a block. */
  statementsIn(block: Block): Statement[] {
    return block.items.filter((item): item is Statement => item.kind === "statement" && !item.prefixOnly);
  }

  private indexNamed(): Map<string, Map<string, PlacedBlock[]>> {
    const index = new Map<string, Map<string, PlacedBlock[]>>();
    const blocks = this.blocks;
    const alternatives = this.mayHoldAlternatives;
    for (let i = 0; i < blocks.length; i++) {
      const placed = blocks[i]!;
      const keyword = placed.keyword;
      if (placed.parentId !== TOP || keyword === undefined) continue;
      const name = placed.block.header!.wordValue(1);
      if (name === undefined) continue;
      const names = index.get(keyword) ?? index.set(keyword, new Map()).get(keyword)!;
      (names.get(name) ?? names.set(name, []).get(name)!).push(placed);
      // The names the block has on the hosts that read it under an alternative header.
      if (alternatives) for (const { header } of placed.block.alternatives) {
        const other = header.wordValue(0)!;
        const otherName = header.wordValue(1);
        if (otherName === undefined || (other === keyword && otherName === name)) continue;
        const inOther = index.get(other) ?? index.set(other, new Map()).get(other)!;
        (inOther.get(otherName) ?? inOther.set(otherName, []).get(otherName)!).push(placed);
      }
    }
    return index;
  }
}
