// What site rules read: every host, every non-daemon file, the VRRP instances of all hosts with
// what the host gives them (source address, segment), the clusters of instances that are peers,
// and a way back from the effective keepalived text to the file a user edits.
import type { Range } from "../../../grammars/common/text.js";
import type { Word } from "../../../grammars/keepalived/ast.js";
import type { Targets } from "../lint/rule.js";
import { parseAddress, type Address } from "../rules/keepalived/ip.js";
import type { VrrpInstance } from "../rules/keepalived/vrrp.js";
import type { SiteFile } from "./files.js";
import type { Host } from "./host.js";
import { buildServices, type LvsService } from "./lvs.js";
import { buildClusters, type Cluster } from "./peers.js";

/** An L2 segment named in the site file: its hosts and networks. */
export interface Segment {
  readonly name: string;
  readonly hosts: ReadonlySet<string>;
  readonly networks: readonly Address[];
}

/** One vrrp_instance on one host, as that host reads it. */
export interface SiteInstance {
  readonly host: Host;
  readonly instance: VrrpInstance;
  /** The address adverts come from: `unicast_src_ip`, else the host's first address on the interface. */
  readonly source: string | undefined;
  /** The L2 segment (a segment's name or `net:CIDR`), when the site tells. */
  readonly segment: string | undefined;
  /** VIP addresses (no prefix), canonical. */
  readonly vips: readonly string[];
}

/** A range in a file: where a finding or a piece of evidence is. */
export interface Place {
  readonly uri: string;
  readonly range: Range;
}

/** `10.1.2.3/24` → `10.1.2.0/24`. */
export function networkOf(address: Address): string {
  const prefix = address.prefix ?? (address.family === 4 ? 32 : 128);
  const bytes = address.bytes.map((byte, i) => {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    return byte & ((0xff << (8 - bits)) & 0xff);
  });
  const text = address.family === 4 ? bytes.join(".") : parseAddress(bytesToV6(bytes))!.address;
  return `${text}/${prefix}`;
}

function bytesToV6(bytes: readonly number[]): string {
  return Array.from({ length: 8 }, (_, i) => ((bytes[2 * i]! << 8) | bytes[2 * i + 1]!).toString(16)).join(":");
}

function group<K, V>(items: readonly V[], key: (item: V) => K): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** What site rules read: every host of a site, their files, VRRP instances and peer groups. */
export class SiteModel {
  readonly instances: SiteInstance[] = [];
  private clusterCache: Cluster[] | undefined;

  constructor(
    readonly root: string,
    readonly hosts: readonly Host[],
    /** Every sysctl, firewall and network file of every host. */
    readonly files: readonly SiteFile[],
    readonly segments: readonly Segment[],
    readonly targets: Targets,
  ) {
    for (const host of hosts) {
      const view = host.keepalived?.effective.view;
      for (const instance of view?.instances ?? []) this.instances.push(this.siteInstance(host, instance));
    }
  }

  private siteInstance(host: Host, instance: VrrpInstance): SiteInstance {
    const src = instance.setting("unicast_src_ip")?.value?.value ?? instance.setting("mcast_src_ip")?.value?.value;
    const iface = instance.interfaceName;
    const onInterface = iface === undefined ? [] : host.addressesOn(iface).filter((a) => a.address.family === (instance.family?.family ?? 4));
    const source = src ?? onInterface[0]?.address.address;
    const own = (src !== undefined ? host.owns(src) : undefined) ?? onInterface[0];
    let segment: string | undefined;
    for (const s of this.segments) {
      if (!s.hosts.has(host.name)) continue;
      if (s.networks.length > 0 && own && !s.networks.some((n) => networkOf({ ...own.address, prefix: n.prefix }) === networkOf(n))) continue;
      segment = s.name;
      break;
    }
    if (segment === undefined && own) segment = `net:${networkOf(own.address)}`;
    const vips = instance.vips.flatMap((entry) => (entry.address ? [entry.address.address] : []));
    return { host, instance, source, segment, vips };
  }

  /** Instances that are peers, grouped; built on first use. */
  get clusters(): Cluster[] {
    this.clusterCache ??= buildClusters(this);
    return this.clusterCache;
  }

  /** Every virtual_server of every router; built on first use. */
  get services(): LvsService[] {
    this.serviceCache ??= buildServices(this);
    return this.serviceCache;
  }

  private serviceCache: LvsService[] | undefined;

  /** The VRRP instances of one host (indexed: rules ask this for every host). */
  instancesOf(host: Host): readonly SiteInstance[] {
    this.instanceIndex ??= group(this.instances, (i) => i.host);
    return this.instanceIndex.get(host) ?? [];
  }

  private instanceIndex: Map<Host, SiteInstance[]> | undefined;

  /** The virtual servers of one router. */
  servicesOf(host: Host): readonly LvsService[] {
    this.serviceHostIndex ??= group(this.services, (s) => s.host);
    return this.serviceHostIndex.get(host) ?? [];
  }

  private serviceHostIndex: Map<Host, LvsService[]> | undefined;

  /** The same service on every router that has it (`192.168.1.100:80/tcp`). */
  servicesWithKey(key: string): readonly LvsService[] {
    this.serviceKeyIndex ??= group(this.services, (s) => s.key);
    return this.serviceKeyIndex.get(key) ?? [];
  }

  private serviceKeyIndex: Map<string, LvsService[]> | undefined;

  /** Where a word of a host's effective keepalived configuration was written. */
  place(host: Host, word: { range: Range } | Word | undefined): Place | undefined {
    if (!word || !host.keepalived) return undefined;
    return host.keepalived.effective.locate(word.range);
  }

  /** The hosts that own an address (interfaces, declared addresses, or an instance's unicast_src_ip). */
  owners(address: string): Host[] {
    const parsed = parseAddress(address);
    if (!parsed) return [];
    if (!this.ownerIndex) {
      const index = new Map<string, Set<Host>>();
      const add = (text: string | undefined, host: Host) => {
        const key = text === undefined ? undefined : parseAddress(text)?.address;
        if (key !== undefined) (index.get(key) ?? index.set(key, new Set()).get(key)!).add(host);
      };
      for (const host of this.hosts) {
        for (const a of host.network.addresses) add(a.address.address, host);
        for (const a of host.declaredAddresses) add(a.address, host);
      }
      for (const i of this.instances) add(i.source, i.host);
      this.ownerIndex = new Map([...index].map(([key, hosts]) => [key, [...hosts]]));
    }
    return this.ownerIndex.get(parsed.address) ?? [];
  }

  private ownerIndex: Map<string, Host[]> | undefined;
}
