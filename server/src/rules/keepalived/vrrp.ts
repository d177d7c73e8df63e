// A view of a keepalived configuration as keepalived uses it, shared by the rules: the global
// settings, every vrrp_instance with what keepalived makes of it (VRID, state, effective priority,
// address family, VIPs, unicast peers, trackers, sync group), the sync groups, the tracker
// definitions and the virtual servers. Built once per model from the tree; values that depend on
// the host (`@id` lines, `~SEQ` loops, `$VAR`s, template expressions) are marked uncertain so that
// rules stay quiet about them instead of guessing.
import type { Word } from "../../../../grammars/keepalived/ast.js";
import { addressAsRead, parseAddress, type Address } from "./ip.js";
import { TOP, type KeepalivedModel, type PlacedBlock, type PlacedStatement } from "./model.js";
import { BlockView } from "./block-view.js";
import { isDynamic, isDynamicText, type Setting } from "./view-values.js";
import { SyncGroup, VrrpInstance } from "./vrrp-instance.js";

export { BlockView } from "./block-view.js";
export { bothOf, boolOf, Entry, intAt, intOf, isConditional, isDynamic, isDynamicText, where, type Setting } from "./view-values.js";
export { SyncGroup, TRACKERS, TrackingView, VrrpInstance, type ExplicitPriority, type InstanceState, type Tracker, type TrackerKind } from "./vrrp-instance.js";

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
      const written = this.header?.wordValue(1);
      // keepalived reads `10.0.0.1-5` as 10.0.0.1 (see addressAsRead).
      const value = written?.includes("-") ? (addressAsRead(written)?.address ?? written) : written;
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
    for (const instance of this.instances) for (const name of instance.names) if (!byName.has(name)) byName.set(name, instance);
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
