// A view of a keepalived configuration as keepalived uses it, shared by the rules: the global
// settings, every vrrp_instance with what keepalived makes of it (VRID, state, effective priority,
// address family, VIPs, unicast peers, trackers, sync group), the sync groups, the tracker
// definitions and the virtual servers. Built once per model from the tree; values that depend on
// the host (`@id` lines, `~SEQ` loops, `$VAR`s, template expressions) are marked uncertain so that
// rules stay quiet about them instead of guessing.
import type { Block, Statement, Word } from "../../../../grammars/keepalived/ast.js";
import { parseAddress, type Address } from "./ip.js";
import { TOP, type KeepalivedModel, type PlacedBlock, type PlacedStatement } from "./model.js";
import { KEEPALIVED_VARIABLE } from "../../facts/shapes.js";

const NONE: readonly PlacedStatement[] = [];
const NO_BLOCKS: readonly PlacedBlock[] = [];
const NO_ENTRIES: Entry[] = [];
const NO_CACHE: readonly (string | Entry[])[] = [];

/** A word whose value is only known once keepalived or a template engine has substituted it. */
export function isDynamic(word: Word): boolean {
  return isDynamicText(word.text);
}

/** Whether an argument of a statement is dynamic (see `isDynamic`), read without making its words. */
function hasDynamicArgument(statement: Statement): boolean {
  for (let i = 1; ; i++) {
    const text = statement.wordText(i);
    if (text === undefined) return false;
    if (isDynamicText(text)) return true;
  }
}

/**
 * `isDynamic` of a word's text, or of its value: the value is the text without the quotes around
 * it, and no pattern here holds a quote, so both give the same answer (and reading the value alone
 * makes one string instead of two).
 */
export function isDynamicText(text: string): boolean {
  // keepalived substitutes `$NAME` and `${NAME}` only: a `$` before anything else (`100$`, `$5`) is
  // read as written (measured: "invalid number '100$'").
  return (text.includes("$") && KEEPALIVED_VARIABLE.test(text)) || text.includes("{{") || text.includes("{%") || text.includes("<%");
}

/** A statement that holds only on some hosts (`@id`) or stands for several (`~SEQ`). */
export function isConditional(statement: Statement): boolean {
  return statement.hasPrefix;
}

/** The integer a word holds, as keepalived's strtol would take it whole; undefined otherwise. */
export function intOf(word: Word | undefined): number | undefined {
  if (!word || isDynamic(word)) return undefined;
  return /^[-+]?\d+$/.test(word.value) ? Number(word.value) : undefined;
}

/** `intOf(statement.words[index])`, read from the parse's table without making the words. */
export function intAt(statement: Statement | undefined, index: number): number | undefined {
  const value = statement?.wordValue(index);
  if (value === undefined || isDynamicText(value)) return undefined;
  return /^[-+]?\d+$/.test(value) ? Number(value) : undefined;
}

/** keepalived's booleans: a bare keyword is true; `true/on/yes` and `false/off/no` otherwise. */
export function boolOf(statement: Statement): boolean | undefined {
  const word = statement.args[0];
  if (!word) return true;
  if (isDynamic(word)) return undefined;
  if (/^(?:true|on|yes)$/i.test(word.value)) return true;
  if (/^(?:false|off|no)$/i.test(word.value)) return false;
  return undefined;
}

/** Both lists, one after the other; a list is made only when both have items (seldom). */
export function bothOf<T>(first: readonly T[], second: readonly T[]): readonly T[] {
  return second.length === 0 ? first : first.length === 0 ? second : [...first, ...second];
}

/** Where a finding about another node goes: `line N` in the same file, the file otherwise. */
export function where(uri: string, word: { range: { start: { line: number } } }, from: string): string {
  return uri === from ? `line ${word.range.start.line + 1}` : `${uri.slice(uri.lastIndexOf("/") + 1)}:${word.range.start.line + 1}`;
}

/** One line of a value block (`virtual_ipaddress`, `unicast_peer`, `track_script`, …). */
export class Entry {
  constructor(
    readonly placed: PlacedStatement,
    /** The value block it stands in. */
    readonly block: PlacedBlock,
  ) {}

  get statement(): Statement {
    return this.placed.statement;
  }

  get uri(): string {
    return this.placed.uri;
  }

  /** What keepalived takes as the entry: the first word of the line. */
  get word(): Word {
    return this.statement.keyword;
  }

  /** The word after option `name` (`weight` → `-20`); undefined when the option is absent or has no value. */
  option(name: string): Word | undefined {
    const args = this.statement.args;
    const at = args.findIndex((word) => word.value === name);
    return at < 0 ? undefined : args[at + 1];
  }

  has(name: string): boolean {
    return this.statement.args.some((word) => word.value === name);
  }

  get address(): Address | undefined {
    // Read from the table: most entries are only parsed, their words never made.
    if (this.parsed === undefined) {
      const value = this.statement.wordValue(0)!;
      this.parsed = { value: isDynamicText(value) ? undefined : parseAddress(value) };
    }
    return this.parsed.value;
  }

  private parsed: { value: Address | undefined } | undefined;
}

/** The statement keepalived keeps for a single-valued keyword, and whether every host reads the same. */
export interface Setting {
  readonly statement: Statement;
  readonly uri: string;
  readonly value: Word | undefined;
  /**
   * False when another host could read another value: a statement of this keyword with an `@id`
   * or `~SEQ` prefix, a computed value, or a block whose content is partly unknown.
   */
  readonly certain: boolean;
  /** What `value?.value` gives, read without making the statement's words. */
  readonly valueText: string | undefined;
  /** What `intOf(value)` gives, read without making the statement's words. */
  readonly int: number | undefined;
}

/** A setting as `BlockView.setting` finds it; its value word is made when asked for. */
class SettingRead implements Setting {
  constructor(
    readonly statement: Statement,
    readonly uri: string,
    readonly certain: boolean,
  ) {}

  get value(): Word | undefined {
    return this.statement.args[0];
  }

  get valueText(): string | undefined {
    return this.statement.wordValue(1);
  }

  get int(): number | undefined {
    return intAt(this.statement, 1);
  }
}

/**
 * Blocks with up to this many statements (or sub-blocks) are searched line by line when a rule asks
 * for a keyword, rather than indexed: most blocks are that small, and a map for each would outlive
 * every rule of the lint, which the garbage collector then copies (see docs/performance.md, "Rules").
 */
const SMALL_BLOCK = 16;

/** The items of `all` with keyword `keyword`, in order; `none` when there is none. */
function ofKeyword<T extends { readonly keyword: string | undefined }>(all: readonly T[], keyword: string, none: readonly T[]): readonly T[] {
  let found: T[] | undefined;
  for (let i = 0; i < all.length; i++) if (all[i]!.keyword === keyword) (found ??= []).push(all[i]!);
  return found ?? none;
}

/** The items of `all` by keyword, for a large block. */
function indexByKeyword<T extends { readonly keyword: string | undefined }>(all: readonly T[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (let i = 0; i < all.length; i++) {
    const key = all[i]!.keyword;
    if (key === undefined) continue;
    const list = index.get(key);
    if (list) list.push(all[i]!);
    else index.set(key, [all[i]!]);
  }
  return index;
}

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
    if (all.length <= SMALL_BLOCK) return ofKeyword(all, keyword, NO_BLOCKS);
    this.blocksByKeyword ??= indexByKeyword(all);
    return this.blocksByKeyword.get(keyword) ?? NO_BLOCKS;
  }

  private blocksByKeyword: Map<string, PlacedBlock[]> | undefined;

  /** The lines of every sub-block `keyword` (a value block), in reading order. */
  entries(keyword: string): Entry[] {
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

/** What a tracker watches: a script, a process, a file, an interface or a BFD session. */
export type TrackerKind = "script" | "process" | "file" | "interface" | "bfd";

/** The value block of an instance or sync group that tracks each kind, and the block that defines it. */
export const TRACKERS: readonly { kind: TrackerKind; block: string; defines: readonly string[] }[] = [
  { kind: "script", block: "track_script", defines: ["vrrp_script"] },
  { kind: "process", block: "track_process", defines: ["vrrp_track_process"] },
  { kind: "file", block: "track_file", defines: ["track_file", "vrrp_track_file"] },
  { kind: "bfd", block: "track_bfd", defines: ["bfd_instance"] },
  { kind: "interface", block: "track_interface", defines: [] },
];

/** One tracker entry of an instance or sync group. */
export interface Tracker {
  readonly kind: TrackerKind;
  readonly entry: Entry;
  /** The tracked name when it is known before run time. */
  readonly name: string | undefined;
  /**
   * The defining block (`vrrp_script NAME`), the first one when several share the name; undefined
   * when none is read before the entry, since keepalived then drops the entry.
   */
  readonly definition: BlockView | undefined;
  /** The weight word on the entry (`chk weight -20`). */
  readonly weightWord: Word | undefined;
  /**
   * The weight keepalived applies, as far as the file tells: the entry's, else the definition's
   * `weight`, else the kind's default (0 for scripts, interfaces and BFD, 1 for processes and
   * files); undefined when it is computed or the definition is unknown.
   */
  readonly weight: number | undefined;
  readonly reverse: boolean;
}

const TRACKER_BLOCKS: ReadonlySet<string> = new Set(TRACKERS.map(({ block }) => block));

/** The settings that give an instance its address family, besides its VIPs and peers. */
const FAMILY_SETTINGS = ["unicast_src_ip", "mcast_src_ip"];

const DEFAULT_WEIGHT: Readonly<Record<TrackerKind, number>> = { script: 0, process: 1, file: 1, bfd: 0, interface: 0 };

/** A block that tracks things: a vrrp_instance or a vrrp_sync_group. */
export class TrackingView extends BlockView {
  constructor(
    model: KeepalivedModel,
    placed: PlacedBlock,
    private readonly view: KeepalivedView,
  ) {
    super(model, placed);
  }

  trackers(kind?: TrackerKind): Tracker[] {
    this.trackerCache ??= this.readTrackers();
    return kind === undefined ? this.trackerCache : this.trackerCache.filter((tracker) => tracker.kind === kind);
  }

  private trackerCache: Tracker[] | undefined;

  private readTrackers(kind?: TrackerKind): Tracker[] {
    // Most instances track nothing.
    if (!this.placed.blocks.some(({ keyword }) => keyword !== undefined && TRACKER_BLOCKS.has(keyword))) return [];
    return TRACKERS.filter((t) => kind === undefined || t.kind === kind).flatMap(({ kind, defines }) =>
      this.entries(TRACKERS.find((t) => t.kind === kind)!.block).map((entry): Tracker => {
        const name = isDynamic(entry.word) ? undefined : entry.word.value;
        // keepalived looks the name up while it reads the entry: a definition further down is not found.
        const at = entry.placed.order;
        const definition =
          name === undefined
            ? undefined
            : defines.map((keyword) => this.view.definition(keyword, name)).find((found) => found && found.placed.order < at);
        const weightWord = entry.option("weight");
        let weight: number | undefined;
        if (weightWord) weight = intOf(weightWord);
        else if (kind === "interface") weight = 0;
        else if (definition) {
          const own = definition.setting("weight");
          weight = own ? (own.certain ? own.int : undefined) : DEFAULT_WEIGHT[kind];
        }
        const ownReverse = definition?.setting("weight")?.statement.args.some((word) => word.value === "reverse") ?? false;
        const reverse = entry.has("reverse") || (ownReverse && !entry.has("no_reverse") && !entry.has("noreverse"));
        return { kind, entry, name, definition, weightWord, weight, reverse };
      }),
    );
  }
}

/** A vrrp_sync_group with its members and trackers. */
export class SyncGroup extends TrackingView {
  /** The instance names of its `group` block, one per line as keepalived reads them. */
  get members(): Entry[] {
    return this.entries("group");
  }
}

/** What `VrrpInstance.state` tells. */
export interface InstanceState {
  readonly value: "MASTER" | "BACKUP";
  readonly statement: Statement | undefined;
  readonly uri: string;
  readonly certain: boolean;
}

/** What `VrrpInstance.explicitPriority` tells. */
export interface ExplicitPriority {
  readonly statement: Statement;
  readonly value: number | undefined;
  readonly certain: boolean;
}

/** A vrrp_instance as keepalived uses it: VRID, state, priority, VIPs, peers and trackers. */
export class VrrpInstance extends TrackingView {
  /** The sync group keepalived puts the instance in (the first that lists it), if any. */
  syncGroup: SyncGroup | undefined;

  constructor(
    model: KeepalivedModel,
    placed: PlacedBlock,
    private readonly global: GlobalView,
    view: KeepalivedView,
  ) {
    super(model, placed, view);
  }

  /** The VRID keepalived uses, when it is a valid number on every host. */
  get vrid(): number | undefined {
    if (this.vridCache === undefined) this.vridCache = { value: this.readVrid() };
    return this.vridCache.value;
  }

  private vridCache: { value: number | undefined } | undefined;

  private readVrid(): number | undefined {
    const setting = this.setting("virtual_router_id");
    if (!setting?.certain) return undefined;
    const value = setting.int;
    return value !== undefined && value >= 1 && value <= 255 ? value : undefined;
  }

  /** `MASTER` or `BACKUP` as keepalived settles it (a MASTER is never overridden by a later BACKUP). */
  get state(): InstanceState {
    this.stateCache ??= this.readState();
    return this.stateCache;
  }

  private stateCache: InstanceState | undefined;

  private readState(): InstanceState {
    const all = this.statements("state");
    const certain = !this.opaque && all.every(({ statement }) => !isConditional(statement) && !hasDynamicArgument(statement));
    const master = all.find(({ statement }) => statement.wordIs(1, "MASTER"));
    const chosen = master ?? all[all.length - 1];
    return { value: master ? "MASTER" : "BACKUP", statement: chosen?.statement, uri: chosen?.uri ?? this.uri, certain };
  }

  /** The `priority` statement keepalived keeps, and its value when valid (1-255). */
  get explicitPriority(): ExplicitPriority | undefined {
    if (this.priorityCache === undefined) this.priorityCache = { value: this.readPriority() };
    return this.priorityCache.value;
  }

  private priorityCache: { value: ExplicitPriority | undefined } | undefined;

  private readPriority(): ExplicitPriority | undefined {
    const setting = this.setting("priority");
    if (!setting) return undefined;
    const value = setting.int;
    return { statement: setting.statement, value: value !== undefined && value >= 1 && value <= 255 ? value : undefined, certain: setting.certain };
  }

  /**
   * The priority the instance starts with: the configured one; 100 when it is invalid; without
   * any, 255 for `state MASTER` (keepalived then treats the node as the address owner) and 100
   * otherwise.
   */
  get priority(): number {
    const explicit = this.explicitPriority;
    if (explicit) return explicit.value ?? 100;
    return this.state.value === "MASTER" ? 255 : 100;
  }

  /** Whether the priority is the same on every host. */
  get priorityCertain(): boolean {
    const explicit = this.explicitPriority;
    return explicit ? explicit.certain && explicit.value !== undefined : this.state.certain;
  }

  get interfaceName(): string | undefined {
    if (this.interfaceCache === undefined) {
      const setting = this.setting("interface");
      this.interfaceCache = { value: setting?.certain ? setting.valueText : undefined };
    }
    return this.interfaceCache.value;
  }

  private interfaceCache: { value: string | undefined } | undefined;

  /** `vrrp_strict` in global_defs or `strict_mode` on the instance. */
  get strict(): boolean {
    this.strictCache ??= this.readStrict();
    return this.strictCache;
  }

  private strictCache: boolean | undefined;

  private readStrict(): boolean {
    const own = this.setting("strict_mode");
    if (own) return boolOf(own.statement) === true;
    return this.global.has("vrrp_strict");
  }

  get vips(): Entry[] {
    return this.entries("virtual_ipaddress");
  }

  get excludedVips(): Entry[] {
    return this.entries("virtual_ipaddress_excluded");
  }

  get unicastPeers(): Entry[] {
    return this.entries("unicast_peer");
  }

  /**
   * The address family, set as keepalived sets it: by the first of the VIPs, unicast peers,
   * `unicast_src_ip`/`mcast_src_ip` and `native_ipv6`, in reading order. Excluded VIPs do not count.
   */
  get family(): { family: 4 | 6; statement: Statement; uri: string } | undefined {
    if (this.familyCache === undefined) this.familyCache = { value: this.readFamily() };
    return this.familyCache.value;
  }

  private familyCache: { value: { family: 4 | 6; statement: Statement; uri: string } | undefined } | undefined;

  private readFamily(): { family: 4 | 6; statement: Statement; uri: string } | undefined {
    // The candidate read first wins: the least reading order, found without a list or a sort.
    // Indexed loops: every instance is read once, mostly before V8 optimizes this, when a
    // `for...of` makes an iterator result per element.
    let order = Infinity;
    let family: 4 | 6 = 4;
    let statement: Statement | undefined;
    let uri = "";
    for (let list = 0; list < 2; list++) {
      const entries = list === 0 ? this.vips : this.unicastPeers;
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i]!;
        const at = entry.placed.order;
        if (at >= order) continue;
        const address = entry.address;
        if (!address) continue;
        order = at;
        family = address.family;
        statement = entry.statement;
        uri = entry.uri;
      }
    }
    for (let k = 0; k < FAMILY_SETTINGS.length; k++) {
      const placedLines = this.statements(FAMILY_SETTINGS[k]!);
      for (let i = 0; i < placedLines.length; i++) {
        const placed = placedLines[i]!;
        if (placed.order >= order) continue;
        const word = placed.statement.args[0];
        const address = word && !isDynamic(word) ? parseAddress(word.value) : undefined;
        if (!address) continue;
        order = placed.order;
        family = address.family;
        statement = placed.statement;
        uri = placed.uri;
      }
    }
    const native = this.statements("native_ipv6");
    for (let i = 0; i < native.length; i++) {
      const placed = native[i]!;
      if (placed.order >= order) continue;
      order = placed.order;
      family = 6;
      statement = placed.statement;
      uri = placed.uri;
    }
    return statement && { family, statement, uri };
  }

  /** The VRRP version: the instance's `version`, else global `vrrp_version`, else 2; IPv6 is always 3. */
  get version(): 2 | 3 {
    this.versionCache ??= this.readVersion();
    return this.versionCache;
  }

  private versionCache: 2 | 3 | undefined;

  private readVersion(): 2 | 3 {
    if (this.family?.family === 6) return 3;
    const own = this.setting("version") ?? this.global.setting("vrrp_version");
    return own?.int === 3 ? 3 : 2;
  }

  /** Whether the instance sends adverts by unicast (it has at least one peer). */
  get unicast(): boolean {
    return this.unicastPeers.length > 0;
  }
}

/** Every `global_defs` block read as one. */
export class GlobalView {
  constructor(private readonly blocks: readonly BlockView[]) {}

  statements(keyword: string): PlacedStatement[] {
    return this.blocks.flatMap((block) => [...block.statements(keyword)]);
  }

  has(keyword: string): boolean {
    // Every instance asks (`vrrp_strict`): each keyword is looked up once.
    let found = this.present.get(keyword);
    if (found === undefined) this.present.set(keyword, (found = this.blocks.some((block) => block.has(keyword))));
    return found;
  }

  private readonly present = new Map<string, boolean>();

  setting(keyword: string): Setting | undefined {
    let found: Setting | undefined;
    for (const block of this.blocks) found = block.setting(keyword) ?? found;
    return found;
  }

  get opaque(): boolean {
    return this.blocks.some((block) => block.opaque);
  }
}

/** A virtual_server block: its address, port or firewall mark, and its real servers. */
export class VirtualServer extends BlockView {
  /** `virtual_server IP PORT`: the address (undefined for `fwmark N` and `group NAME`). */
  get address(): Address | undefined {
    if (this.parsedAddress === undefined) {
      // Read from the table: the header's words are made only when a finding needs them.
      const value = this.header?.wordValue(1);
      this.parsedAddress = { value: value !== undefined && !isDynamicText(value) ? parseAddress(value) : undefined };
    }
    return this.parsedAddress.value;
  }

  private parsedAddress: { value: Address | undefined } | undefined;

  get portWord(): Word | undefined {
    return this.address ? this.header?.args[1] : undefined;
  }

  get kind(): "address" | "fwmark" | "group" | "unknown" {
    this.kindCache ??= this.readKind();
    return this.kindCache;
  }

  private kindCache: "address" | "fwmark" | "group" | "unknown" | undefined;

  private readKind(): "address" | "fwmark" | "group" | "unknown" {
    const header = this.header;
    if (header?.wordIs(1, "fwmark")) return "fwmark";
    if (header?.wordIs(1, "group")) return "group";
    return this.address ? "address" : "unknown";
  }

  get realServers(): BlockView[] {
    this.realServerViews ??= this.blocks("real_server").map((placed) => new BlockView(this.model, placed));
    return this.realServerViews;
  }

  private realServerViews: BlockView[] | undefined;
}

/** What a keepalived configuration means: global settings, VRRP instances, sync groups, virtual servers. */
export class KeepalivedView {
  readonly global: GlobalView;
  readonly instances: VrrpInstance[] = [];
  readonly syncGroups: SyncGroup[] = [];
  readonly virtualServers: VirtualServer[] = [];
  /**
   * True when the configuration has top-level content lblint cannot see: a `$MACRO` line, a
   * template expression standing for statements, or an include that was not followed.
   */
  readonly opaque: boolean;
  private readonly definitionViews = new Map<PlacedBlock, BlockView>();

  constructor(readonly model: KeepalivedModel) {
    // The top-level blocks of each kind, in one pass.
    const top = new Map<string, PlacedBlock[]>();
    // Indexed: a `for...of` makes an iterator result per block until the loop is optimized.
    const blocks = model.blocks;
    for (let i = 0; i < blocks.length; i++) {
      const placed = blocks[i]!;
      const keyword = placed.keyword;
      if (placed.parentId !== TOP || keyword === undefined) continue;
      (top.get(keyword) ?? top.set(keyword, []).get(keyword)!).push(placed);
    }
    const ofKind = (keyword: string) => top.get(keyword) ?? [];
    this.global = new GlobalView(ofKind("global_defs").map((placed) => new BlockView(model, placed)));
    const global = this.global;
    for (const placed of ofKind("vrrp_instance")) this.instances.push(new VrrpInstance(model, placed, global, this));
    for (const placed of ofKind("vrrp_sync_group")) this.syncGroups.push(new SyncGroup(model, placed, this));
    for (const placed of ofKind("virtual_server")) this.virtualServers.push(new VirtualServer(model, placed));
    // Without a `$`, `{{`, `{%` or `<%` anywhere and without unresolved includes, nothing is opaque.
    this.opaque =
      (model.mayHoldDynamic || model.unresolvedIncludes.size > 0) &&
      model.statements.some(({ statement, blockId }) => blockId === TOP && (isDynamic(statement.keyword) || model.unresolvedIncludes.has(statement)));
    // keepalived gives an instance to the first sync group that lists it.
    const byName = new Map<string, VrrpInstance>();
    for (const instance of this.instances) if (instance.name !== undefined && !byName.has(instance.name)) byName.set(instance.name, instance);
    for (const group of this.syncGroups) {
      for (const member of group.members) {
        const instance = byName.get(member.word.value);
        if (instance && !instance.syncGroup) instance.syncGroup = group;
      }
    }
  }

  /** The first top-level block `keyword NAME`, as keepalived looks names up. */
  definition(keyword: string, name: string): BlockView | undefined {
    const placed = this.model.definitions(keyword).get(name)?.[0];
    if (!placed) return undefined;
    let view = this.definitionViews.get(placed);
    if (!view) this.definitionViews.set(placed, (view = new BlockView(this.model, placed)));
    return view;
  }

  /** Every name defined by top-level blocks of these keywords. */
  names(...keywords: string[]): Set<string> {
    return new Set(keywords.flatMap((keyword) => [...this.model.definitions(keyword).keys()]));
  }
}

const views = new WeakMap<KeepalivedModel, KeepalivedView>();

/** The view of a model, built on first use and shared by every rule of the run. */
export function vrrpView(model: KeepalivedModel): KeepalivedView {
  let view = views.get(model);
  if (!view) views.set(model, (view = new KeepalivedView(model)));
  return view;
}
