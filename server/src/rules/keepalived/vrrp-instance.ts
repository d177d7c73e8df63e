// The VRRP blocks of the keepalived view (vrrp.ts): what a vrrp_instance or a vrrp_sync_group
// tracks (scripts, processes, files, interfaces, BFD) and with which weight, and what keepalived
// makes of an instance (VRID, state, effective priority, address family, VIPs, unicast peers).
import type { Statement, Word } from "../../../../grammars/keepalived/ast.js";
import { parseAddress } from "./ip.js";
import type { KeepalivedModel, PlacedBlock } from "./model.js";
import { BlockView } from "./block-view.js";
import { boolOf, Entry, hasDynamicArgument, intOf, isConditional, isDynamic } from "./view-values.js";
import type { GlobalView, KeepalivedView } from "./vrrp.js";

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
