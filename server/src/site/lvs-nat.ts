// LVS NAT real servers: their replies must go back through the router, which rewrites them. The
// usual way is a default gateway that is the routers' floating address on the real servers' network
// (a VIP of their instance there; a lone router's own address); the accepted alternatives are policy
// routing on the real server (a rule that sends its replies to a table whose default route is that
// address) and source NAT on every router (then replies come back to the router whatever the
// gateway; IPVS traffic meets the nat table only with net.ipv4.vs.conntrack = 1).
import type { Word } from "../../../grammars/keepalived/ast.js";
import { inNetwork, parseAddress } from "../rules/keepalived/ip.js";
import { matches } from "./firewall/rules.js";
import type { Host } from "./host.js";
import { cite, describe, networkPlace, ok, relatedOf, serviceRelated, unknown, type Judgement, type LvsRealServer, type LvsService } from "./lvs.js";
import { networkOf, type SiteInstance, type SiteModel } from "./model.js";

/** The VIPs of the routers of a service that can be the real servers' gateway: on the real server's network. */
function gatewayCandidates(site: SiteModel, service: LvsService, rsAddress: string): { vip: string; member: SiteInstance; word: Word | undefined }[] {
  const rs = parseAddress(rsAddress);
  if (!rs) return [];
  const routers = new Set(site.servicesWithKey(service.key).map((s) => s.host));
  const found: { vip: string; member: SiteInstance; word: Word | undefined }[] = [];
  for (const member of [...routers].flatMap((h) => site.instancesOf(h))) {
    const iface = member.instance.interfaceName;
    const onInterface = iface === undefined ? [] : member.host.addressesOn(iface);
    for (const entry of member.instance.vips) {
      const address = entry.address;
      if (!address || address.family !== rs.family) continue;
      const network = address.prefix !== undefined && address.prefix < (address.family === 4 ? 32 : 128) ? networkOf(address) : undefined;
      const near = network ? inNetwork(rs, network) : onInterface.some((a) => inNetwork(rs, networkOf(a.address)));
      if (near && !found.some((f) => f.vip === address.address)) found.push({ vip: address.address, member, word: entry.word });
    }
  }
  return found;
}

/** NAT: the real server's default gateway is a floating address of the router on its network. */
function judgeDefaultGateway(site: SiteModel, service: LvsService, rs: LvsRealServer, host: Host): Judgement {
  if (!host.hasNetworkFiles) return unknown(`${host.name} has no network files: its default gateway cannot be told`);
  const candidates = gatewayCandidates(site, service, rs.address!);
  const family = parseAddress(rs.address!)?.family ?? 4;
  const gateways = host.network.gateways.filter((g) => parseAddress(g.value)?.family === family);
  const routerOwn = (text: string) => site.servicesWithKey(service.key).map((s) => s.host).find((h) => h !== host && h.ownsAddress(text));
  if (candidates.length === 0) {
    // A lone router without VRRP on that side: its own address is the gateway.
    const routers = [...new Set(site.servicesWithKey(service.key).map((s) => s.host))];
    const own = routers.length === 1 ? routers[0]!.network.addresses.find((a) => parseAddress(rs.address!) && inNetwork(parseAddress(rs.address!)!, networkOf(a.address))) : undefined;
    if (!own) return unknown(`no VRRP address of ${routers.map((h) => h.name).join(", ")} is on the network of ${rs.address}`);
    if (gateways.some((g) => parseAddress(g.value)?.address === own.address.address)) return ok(`default gateway ${own.address.address}, ${routers[0]!.name}'s address (${cite(gateways.find((g) => parseAddress(g.value)?.address === own.address.address)!, site)})`);
    const first = gateways[0];
    const place = first ? { uri: first.uri, range: first.range } : networkPlace(host, rs.address!);
    return {
      status: "fault",
      detail: `${host.name} ${first ? `routes through ${first.value}` : "has no default gateway"}, not through ${own.address.address} of ${routers[0]!.name}: replies to clients bypass the NAT router, which never rewrites them; set the default gateway to ${own.address.address}`,
      ...(place ? { place } : {}),
      related: [relatedOf(own.where, `${routers[0]!.name}'s address on the real servers' network`), serviceRelated(site, service)],
    };
  }
  const hit = gateways.find((g) => candidates.some((c) => c.vip === parseAddress(g.value)?.address));
  if (hit) {
    const c = candidates.find((x) => x.vip === parseAddress(hit.value)?.address)!;
    return ok(`default gateway ${c.vip}, a VIP of ${c.member.host.name}'s ${c.member.instance.name ?? "vrrp_instance"} (${cite(hit, site)})`);
  }
  const want = candidates[0]!;
  const vipPlace = site.place(want.member.host, want.word);
  const related = [...(vipPlace ? [relatedOf(vipPlace, `VIP ${want.vip} of ${want.member.host.name}'s ${want.member.instance.name ?? "vrrp_instance"}`)] : []), serviceRelated(site, service)];
  const first = gateways[0];
  if (!first) {
    const place = networkPlace(host, rs.address!);
    return {
      status: "fault",
      detail: `${host.name} has no default gateway: replies to clients of ${describe(service)} never go back through the NAT router; set it to ${want.vip}, the routers' floating address`,
      ...(place ? { place } : {}),
      related,
    };
  }
  const router = routerOwn(first.value);
  return {
    status: "fault",
    detail: router
      ? `${host.name}'s default gateway ${first.value} is ${router.name}'s own address: when ${router.name} is not MASTER, replies go to a router that no longer holds the connections; use the floating address ${want.vip}`
      : `${host.name}'s default gateway ${first.value} is not the NAT router: replies to clients bypass it and are never rewritten; use ${want.vip}, the routers' floating address`,
    place: { uri: first.uri, range: first.range },
    related,
  };
}


/** Whether a rule's `from` selects an address: the address itself or a network that holds it. */
function selects(from: string | undefined, address: string): boolean {
  if (from === undefined) return true;
  const parsed = parseAddress(address);
  const net = parseAddress(from);
  if (!parsed || !net || net.family !== parsed.family) return false;
  return net.prefix === undefined ? net.address === parsed.address : inNetwork(parsed, from);
}

/** Policy routing on the real server: a rule sends its replies to a table whose default route is an accepted gateway. */
function policyRouting(site: SiteModel, host: Host, rsAddress: string, accepted: (gateway: string) => string | undefined): Judgement | undefined {
  for (const route of host.network.policyRoutes) {
    const gateway = parseAddress(route.via.value);
    const name = gateway ? accepted(gateway.address) : undefined;
    if (!name) continue;
    const rule = host.network.policyRules.find((r) => r.table === route.table && selects(r.from, rsAddress));
    if (rule) return ok(`policy routing: '${rule.where.value}' (${cite(rule.where, site)}) sends replies from ${rsAddress} to table ${route.table}, whose default route is ${name} (${cite(route.via, site)})`);
  }
  return undefined;
}

/** Source NAT on every router of the service for what it sends to the real server; or why it does not count. */
function sourceNat(site: SiteModel, service: LvsService, rs: LvsRealServer): { judgement?: Judgement; hint?: string } {
  const target = parseAddress(rs.address!);
  if (!target) return {};
  const port = rs.port ?? service.port;
  const packet = { family: target.family, proto: service.protocol, dst: target.address, ...(port ? { dport: port } : {}) };
  const evidence: string[] = [];
  for (const router of new Set(site.servicesWithKey(service.key).map((s) => s.host))) {
    const device = router.network.addresses.find((a) => a.address.family === target.family && inNetwork(target, networkOf(a.address)))?.device;
    const nat = router.firewalls
      .flatMap((f) => f.sourceNats())
      .find((n) => (!n.interfaces || device === undefined || n.interfaces.includes(device)) && matches({ ...n.match, inIface: undefined, opaque: [] }, packet) !== "no");
    if (!nat) return {};
    const conntrack = router.sysctlValue("net.ipv4.vs.conntrack");
    if (conntrack.value !== 1 || !conntrack.where) return { hint: `${router.name}'s source NAT (${cite(nat.where, site)}) does not apply to IPVS traffic without net.ipv4.vs.conntrack = 1` };
    evidence.push(`${router.name} rewrites the source of what it sends to ${rs.address} (${cite(nat.where, site)}, with net.ipv4.vs.conntrack = 1 at ${cite(conntrack.where.value, site)})`);
  }
  return evidence.length > 0 ? { judgement: ok(`source NAT: ${evidence.join("; ")}, so replies come back to the router whatever the gateway`) } : {};
}

/**
 * NAT: replies go back through the router, by the default gateway, policy routing or source NAT on
 * the routers; a fault is on the real server's gateway line (or address), as before.
 */
export function judgeNatGateway(site: SiteModel, service: LvsService, rs: LvsRealServer, host: Host): Judgement {
  const base = judgeDefaultGateway(site, service, rs, host);
  if (base.status === "ok") return base;
  const candidates = gatewayCandidates(site, service, rs.address!);
  const routers = [...new Set(site.servicesWithKey(service.key).map((s) => s.host))];
  const lone = routers.length === 1 ? routers[0]! : undefined;
  const accepted = (gateway: string): string | undefined => {
    const vip = candidates.find((c) => c.vip === gateway);
    if (vip) return `${vip.vip}, a VIP of ${vip.member.host.name}'s ${vip.member.instance.name ?? "vrrp_instance"}`;
    return candidates.length === 0 && lone?.ownsAddress(gateway) ? `${gateway}, ${lone.name}'s address` : undefined;
  };
  const policy = host.hasNetworkFiles ? policyRouting(site, host, rs.address!, accepted) : undefined;
  if (policy) return policy;
  const nat = sourceNat(site, service, rs);
  if (nat.judgement) return nat.judgement;
  return nat.hint && base.status === "fault" ? { ...base, detail: `${base.detail} (${nat.hint})` } : base;
}
