// KA015: two instances that keepalived cannot tell apart on the wire: the same VRID, address family
// and interface, both multicast to the same group, or both unicast from the same source address to
// at least one common peer. keepalived 2.2.7 reports it ("VI_1 and VI_2 both use VRID 51 with IPv4
// on interface eth0", "duplicate VRID conflict") and its VRRP process exits. Instances whose
// settings differ per host (`@id`) or are computed are left alone.
import type { KeepalivedRule } from "../../lint/rule.js";
import { vrrpView, type VrrpInstance } from "./vrrp.js";

function key(instance: VrrpInstance): string | undefined {
  const vrid = instance.vrid;
  const iface = instance.interfaceName;
  if (vrid === undefined || iface === undefined || instance.conditional || instance.opaque) return undefined;
  return `${vrid}/${instance.family?.family ?? 4}/${iface}`;
}

function conflict(a: VrrpInstance, b: VrrpInstance): boolean {
  if (a.unicast !== b.unicast) return false;
  if (!a.unicast) {
    const group = (instance: VrrpInstance) => instance.setting("mcast_dst_ip");
    const ga = group(a);
    const gb = group(b);
    if ((ga && !ga.certain) || (gb && !gb.certain)) return false;
    return (ga?.value?.value ?? "") === (gb?.value?.value ?? "");
  }
  const source = (instance: VrrpInstance) => instance.setting("unicast_src_ip");
  const sa = source(a);
  const sb = source(b);
  if ((sa && !sa.certain) || (sb && !sb.certain) || (sa?.value?.value ?? "") !== (sb?.value?.value ?? "")) return false;
  const peers = new Set(a.unicastPeers.flatMap((entry) => (entry.address ? [entry.address.address] : [])));
  return b.unicastPeers.some((entry) => entry.address !== undefined && peers.has(entry.address.address));
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
    const seen = new Map<string, VrrpInstance[]>();
    for (const instance of vrrpView(model).instances) {
      const k = key(instance);
      if (k === undefined) continue;
      const earlier = seen.get(k) ?? [];
      const clash = earlier.find((other) => conflict(other, instance));
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
      seen.set(k, [...earlier, instance]);
    }
  },
};
