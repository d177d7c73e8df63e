// A block of the keepalived view (vrrp.ts): its statements and sub-blocks by keyword, with files
// included inside it counted, and its settings as keepalived reads them (the last one wins).
import type { Block, Statement, Word } from "../../../../grammars/keepalived/ast.js";
import type { KeepalivedModel, PlacedBlock, PlacedStatement } from "./model.js";
import { Entry, indexByKeyword, isConditional, isDynamic, isDynamicText, NO_BLOCKS, NO_CACHE, NO_ENTRIES, NONE, ofKeyword, SettingRead, SMALL_BLOCK, type Setting } from "./view-values.js";

/** A block with its direct statements and sub-blocks, files included inside it counted. */
export class BlockView {
  constructor(
    readonly model: KeepalivedModel,
    readonly placed: PlacedBlock,
  ) {}

  get block(): Block {
    return this.placed.block;
  }

  get uri(): string {
    return this.placed.uri;
  }

  get header(): Statement | undefined {
    return this.placed.statement;
  }

  /** The name word (`VI_1` of `vrrp_instance VI_1`). */
  get nameWord(): Word | undefined {
    return this.header?.args[0];
  }

  /** The name when it is known before run time. */
  get name(): string | undefined {
    // Read from the table: the header's words are made only when a finding needs them.
    const value = this.header?.wordValue(1);
    return value !== undefined && !isDynamicText(value) ? value : undefined;
  }

  /**
   * Every name the block has on some host: its own, and those of its alternative headers of the
   * same keyword (`@lb1 vrrp_instance A {` then `@lb2 vrrp_instance B {`), known before run time.
   */
  get names(): string[] {
    const own = this.name;
    if (!this.model.mayHoldAlternatives) return own === undefined ? [] : [own];
    const alternatives = this.block.alternatives;
    if (alternatives.length === 0 || !this.header) return own === undefined ? [] : [own];
    const names = new Set(own === undefined ? [] : [own]);
    const keyword = this.header.wordValue(0)!;
    for (const { header } of alternatives) {
      const value = header.wordValue(1);
      if (value !== undefined && !isDynamicText(value) && header.wordIs(0, keyword)) names.add(value);
    }
    return [...names];
  }

  /** True when the block only exists on some hosts (`@id vrrp_instance …`). */
  get conditional(): boolean {
    return this.header !== undefined && isConditional(this.header);
  }

  /**
   * True when part of the block is unknown to lblint: a statement that is a `$MACRO` or a
   * template expression, or an include that was not followed. Rules that report something
   * missing stay quiet about such blocks.
   */
  get opaque(): boolean {
    // Without a `$`, `{{`, `{%` or `<%` anywhere and without unresolved includes, nothing is opaque.
    this.opaqueCache ??=
      (this.model.mayHoldDynamic || this.model.unresolvedIncludes.size > 0) &&
      this.statements().some(
        ({ statement }) => isDynamic(statement.keyword) || this.model.unresolvedIncludes.has(statement) || /^\$[A-Za-z_]\w*=/.test(statement.keyword.value),
      );
    return this.opaqueCache;
  }

  private opaqueCache: boolean | undefined;

  /** Direct statements, of one keyword when given. */
  statements(keyword?: string): readonly PlacedStatement[] {
    const all = this.placed.statements;
    if (keyword === undefined) return all;
    if (!this.model.holdsKeyword(keyword)) return NONE;
    if (all.length <= SMALL_BLOCK) return ofKeyword(all, keyword, NONE);
    // A large block's statements by keyword, made once: rules ask a block for many keywords.
    this.byKeyword ??= indexByKeyword(all);
    return this.byKeyword.get(keyword) ?? NONE;
  }

  private byKeyword: Map<string, PlacedStatement[]> | undefined;

  /** Direct sub-blocks, of one keyword when given. */
  blocks(keyword?: string): readonly PlacedBlock[] {
    const all = this.placed.blocks;
    if (keyword === undefined) return all;
    if (!this.model.holdsKeyword(keyword)) return NO_BLOCKS;
    if (all.length <= SMALL_BLOCK) return ofKeyword(all, keyword, NO_BLOCKS);
    this.blocksByKeyword ??= indexByKeyword(all);
    return this.blocksByKeyword.get(keyword) ?? NO_BLOCKS;
  }

  private blocksByKeyword: Map<string, PlacedBlock[]> | undefined;

  /** The lines of every sub-block `keyword` (a value block), in reading order. */
  entries(keyword: string): Entry[] {
    if (!this.model.holdsKeyword(keyword)) return NO_ENTRIES;
    // Made once per keyword (an entry keeps its parsed address); a block is asked for a few
    // keywords, kept as `[keyword, entries, …]`: lighter than a map, and copied rather than pushed
    // to, so that it holds no room to grow (see `placedWithin` in placed-blocks.ts).
    const cache = this.entryCache ?? NO_CACHE;
    for (let i = 0; i < cache.length; i += 2) if (cache[i] === keyword) return cache[i + 1] as Entry[];
    // Most blocks lack most value blocks they are asked about: nothing is made or kept for those.
    const blocks = this.blocks(keyword);
    if (blocks.length === 0) return NO_ENTRIES;
    let count = 0;
    for (let b = 0; b < blocks.length; b++) count += blocks[b]!.statements.length;
    if (count === 0) return NO_ENTRIES;
    const entries = new Array<Entry>(count);
    for (let b = 0, at = 0; b < blocks.length; b++) {
      const placed = blocks[b]!;
      const statements = placed.statements;
      for (let i = 0; i < statements.length; i++) entries[at++] = new Entry(statements[i]!, placed);
    }
    const grown = new Array<string | Entry[]>(cache.length + 2);
    for (let i = 0; i < cache.length; i++) grown[i] = cache[i]!;
    grown[cache.length] = keyword;
    grown[cache.length + 1] = entries;
    this.entryCache = grown;
    return entries;
  }

  private entryCache: (string | Entry[])[] | undefined;

  /** Whether a keyword is given on every host (an unconditional statement). */
  has(keyword: string): boolean {
    return this.statements(keyword).some(({ statement }) => !isConditional(statement));
  }

  /** The statement keepalived keeps for a single-valued keyword: the last one. */
  setting(keyword: string): Setting | undefined {
    // A keyword the file never uses is no block's setting.
    if (!this.model.holdsKeyword(keyword)) return undefined;
    if (this.placed.statements.length <= SMALL_BLOCK) return this.readSetting(keyword);
    // Rules ask the same blocks for the same settings: in a large block each is read once.
    const settings = (this.settings ??= new Map());
    let found = settings.get(keyword);
    if (found === undefined && !settings.has(keyword)) settings.set(keyword, (found = this.readSetting(keyword)));
    return found;
  }

  private settings: Map<string, Setting | undefined> | undefined;

  private readSetting(keyword: string): Setting | undefined {
    // One pass over the block (its index for a large one), with no list made for the keyword.
    const all = this.placed.statements.length <= SMALL_BLOCK ? this.placed.statements : this.statements(keyword);
    let last: PlacedStatement | undefined;
    let conditional = false;
    for (let i = 0; i < all.length; i++) {
      const placed = all[i]!;
      if (placed.keyword !== keyword) continue;
      last = placed;
      if (!conditional && isConditional(placed.statement)) conditional = true;
    }
    if (!last) return undefined;
    // The value (the second word) is read from the table: most settings are only compared.
    const value = last.statement.wordValue(1);
    const certain = !conditional && !this.opaque && (value === undefined || !isDynamicText(value));
    return new SettingRead(last.statement, last.uri, certain);
  }
}
