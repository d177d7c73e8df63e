// KA015: two instances that keepalived cannot tell apart on the wire: the same VRID, address family
// and interface, both multicast to the same group, or both unicast from the same source address to
// at least one common peer. keepalived 2.2.7 reports it ("VI_1 and VI_2 both use VRID 51 with IPv4
// on interface eth0", "duplicate VRID conflict") and its VRRP process exits. Instances whose
// settings differ per host (`@id`) or are computed are left alone.
import type { KeepalivedRule } from "../../lint/rule.js";
import { vrrpView, type VrrpInstance } from "./vrrp.js";

/** The VRID and interface of an instance whose settings are the same on every host. */
function vridOnInterface(instance: VrrpInstance): string | undefined {
  const vrid = instance.vrid;
  const iface = instance.interfaceName;
  if (vrid === undefined || iface === undefined || instance.conditional || instance.opaque) return undefined;
  return `${vrid}/${iface}`;
}

/**
 * The instances seen so far with one VRID, address family and interface, found again by what makes
 * two of them conflict: both multicast to one group, or both unicast from one source to a common
 * peer (settings that differ per host count as no conflict). `clash` gives the first one seen.
 */
class Seen {
  /** Multicast instances: the first per group ("" for the default). */
  private readonly byGroup = new Map<string, VrrpInstance>();
  /** Unicast instances: per source address, the first per peer address. */
  private readonly byPeer = new Map<string, Map<string, { readonly instance: VrrpInstance; readonly index: number }>>();
  private count = 0;

  clash(instance: VrrpInstance): VrrpInstance | undefined {
    if (!instance.unicast) {
      const group = instance.setting("mcast_dst_ip");
      if (group && !group.certain) return undefined;
      return this.byGroup.get(group?.value?.value ?? "");
    }
    const source = instance.setting("unicast_src_ip");
    if (source && !source.certain) return undefined;
    const peers = this.byPeer.get(source?.value?.value ?? "");
    if (!peers) return undefined;
    let first: { readonly instance: VrrpInstance; readonly index: number } | undefined;
    for (const entry of instance.unicastPeers) {
      const seen = entry.address && peers.get(entry.address.address);
      if (seen && (!first || seen.index < first.index)) first = seen;
    }
    return first?.instance;
  }

  add(instance: VrrpInstance): void {
    const index = this.count++;
    if (!instance.unicast) {
      const group = instance.setting("mcast_dst_ip");
      if (group && !group.certain) return;
      const value = group?.value?.value ?? "";
      if (!this.byGroup.has(value)) this.byGroup.set(value, instance);
      return;
    }
    const source = instance.setting("unicast_src_ip");
    if (source && !source.certain) return;
    const value = source?.value?.value ?? "";
    const peers = this.byPeer.get(value) ?? this.byPeer.set(value, new Map()).get(value)!;
    for (const entry of instance.unicastPeers) if (entry.address && !peers.has(entry.address.address)) peers.set(entry.address.address, { instance, index });
  }
}

export const duplicateVrid: KeepalivedRule = {
  meta: {
    id: "KA015",
    alias: "duplicate-vrid",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "two vrrp_instances use the same virtual_router_id on the same interface",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const instances = vrrpView(model).instances;
    // Two instances conflict only with one VRID on one interface: the address family (which takes
    // reading the addresses) is looked at only for those.
    const sharing = new Map<string, number>();
    for (const instance of instances) {
      const k = vridOnInterface(instance);
      if (k !== undefined) sharing.set(k, (sharing.get(k) ?? 0) + 1);
    }
    const seen = new Map<string, Seen>();
    for (const instance of instances) {
      const shared = vridOnInterface(instance);
      if (shared === undefined || sharing.get(shared)! < 2) continue;
      const k = `${instance.vrid}/${instance.family?.family ?? 4}/${instance.interfaceName}`;
      const earlier = seen.get(k) ?? seen.set(k, new Seen()).get(k)!;
      const clash = earlier.clash(instance);
      if (clash) {
        const vridWord = instance.setting("virtual_router_id")!;
        const otherWord = clash.setting("virtual_router_id")!;
        const family = instance.family?.family === 6 ? "IPv6" : "IPv4";
        report({
          range: vridWord.value!.range,
          uri: vridWord.uri,
          message: `'${instance.name ?? ""}' and '${clash.name ?? ""}' (${clash.uri === vridWord.uri ? `line ${clash.header!.range.start.line + 1}` : clash.uri}) both use VRID ${instance.vrid} for ${family} on ${instance.interfaceName}${instance.unicast ? " with a common unicast peer" : ""}; keepalived's VRRP process exits`,
          related: [{ uri: otherWord.uri, range: otherWord.value!.range, message: `VRID ${clash.vrid} of '${clash.name ?? ""}'` }],
        });
      }
      earlier.add(instance);
    }
  },
};
