// LVS direct routing (and tunnelling, for the ARP problem): the router only rewrites the
// destination MAC address (or wraps the packet), so the real server must accept packets for the VIP
// without answering ARP for it, in one of the accepted ways; and a direct-routing real server must
// sit on the router's segment. Each judgement names its evidence, the fault's place, or what is missing.
import { inNetwork, parseAddress } from "../rules/keepalived/ip.js";
import { matches } from "./firewall/rules.js";
import type { Host } from "./host.js";
import { cite, describe, endpoints, networkPlace, ok, relatedOf, routerNames, serviceRelated, servicePlace, sysctlPlace, unknown, type Judgement, type LvsRealServer, type LvsService } from "./lvs.js";
import { networkOf, type SiteModel } from "./model.js";
import { isLoopbackLike } from "./parsers/network.js";

/**
 * DR and TUN: the real server holds the VIP (or redirects VIP:port to itself) without answering ARP
 * for it, in one of the accepted ways: arptables drops ARP for the VIP; a REDIRECT with the VIP on no
 * interface; or the VIP on `lo`, a dummy or an ipip tunnel with arp_ignore ≥ 1 and arp_announce = 2.
 * For an IPv6 VIP the question is neighbour discovery, which Linux answers only for addresses of the
 * interface a solicitation arrives on: the VIP on `lo`, a dummy or a tunnel is enough.
 */
export function judgeDrArp(site: SiteModel, service: LvsService, rs: LvsRealServer, host: Host): Judgement {
  if (!host.hasNetworkFiles) return unknown(`${host.name} has no network files: where the VIP is cannot be told`);
  const all = endpoints(service);
  if (all.length === 0) return unknown(`the VIP of ${describe(service)} is not known (no mark rule with a destination)`);
  // One judgement per VIP (FTP marks port 21 and the passive range of the same VIP).
  const targets = all.filter((e, i) => all.findIndex((f) => f.vip === e.vip) === i);
  const evidence: string[] = [];
  for (const { vip, ports } of targets) {
    const family = parseAddress(vip)?.family ?? 4;
    const on = host.network.addresses.filter((a) => a.address.address === vip);
    const drop = host.arpDrops.find((d) => d.value === vip);
    const port = ports?.[0]?.[0];
    const redirect = host.firewall
      ?.redirects()
      .find((r) => matches(r.match, { family, proto: service.protocol, dst: vip, ...(port !== undefined ? { dport: port } : {}) }) !== "no");
    if (on.length === 0) {
      if (redirect) {
        evidence.push(`${host.firewall!.kind} redirects ${vip}${port !== undefined ? `:${port}` : ""} to the host (${cite(redirect.where, site)}) and the VIP is on no interface`);
        continue;
      }
      const place = rs.address ? networkPlace(host, rs.address) : undefined;
      const device = rs.method === "TUN" ? "tunl0" : "lo";
      return {
        status: "fault",
        detail: `${host.name} neither holds ${vip} nor redirects it to itself: it drops what ${routerNames(site, service)} forward${routerNames(site, service).includes(" and ") ? "" : "s"} by ${rs.method === "TUN" ? "tunnelling" : "direct routing"}; put the VIP on ${device}${family === 4 ? " (with arp_ignore = 1 and arp_announce = 2)" : ""} or add a REDIRECT for ${family === 6 ? `[${vip}]` : vip}${port !== undefined ? `:${port}` : ""}`,
        ...(place ? { place } : {}),
        related: [serviceRelated(site, service)],
      };
    }
    if (drop && family === 4) {
      evidence.push(`arptables drops ARP requests for ${vip} (${cite(drop, site)})`);
      continue;
    }
    const exposed = on.find((a) => !isLoopbackLike(host.network, a.device));
    if (family === 6) {
      const quiet = on.find((a) => isLoopbackLike(host.network, a.device));
      if (!exposed && quiet) {
        evidence.push(`${vip} on ${quiet.device} (${cite(quiet.where, site)}), which neighbour discovery does not answer for on other interfaces`);
        continue;
      }
      // Dropping neighbour solicitations for the VIP (ip6tables, nftables) is not judged.
      if (host.firewalls.length > 0) return unknown(`${vip} is on ${exposed!.device} of ${host.name}; whether its firewall drops neighbour solicitations for it is not checked`);
      return {
        status: "fault",
        detail: `${vip} is on ${exposed!.device} of ${host.name}, which answers neighbour solicitations for it: clients' traffic for the VIP may go to ${host.name} instead of the router; move it to lo (as ${vip}/128)`,
        place: { uri: exposed!.where.uri, range: exposed!.where.range },
        related: [serviceRelated(site, service)],
      };
    }
    if (exposed) {
      return {
        status: "fault",
        detail: `${vip} is on ${exposed.device} of ${host.name}, which answers ARP for it: clients' traffic for the VIP may go to ${host.name} instead of the router; drop ARP for it with arptables, or move it to ${rs.method === "TUN" ? "tunl0" : "lo"} with arp_ignore = 1 and arp_announce = 2`,
        place: { uri: exposed.where.uri, range: exposed.where.range },
        related: [serviceRelated(site, service)],
      };
    }
    const loopback = on[0]!;
    const device = (rs.address ? host.deviceOf(rs.address) : undefined) ?? "all";
    const ignore = host.arpSetting(device, "arp_ignore");
    const announce = host.arpSetting(device, "arp_announce");
    const ignoreOk = ignore.value === 1 || ignore.value === 2 || ignore.value === 8;
    const announceOk = announce.value === 2;
    if (ignoreOk && announceOk) {
      const from = (v: typeof ignore, name: string) => (v.where ? `${v.where.key} = ${v.text} (${cite(v.where.value, site)})` : `${name} = ${v.text}`);
      evidence.push(`${vip} on ${loopback.device} (${cite(loopback.where, site)}) with ${from(ignore, "arp_ignore")} and ${from(announce, "arp_announce")}`);
      continue;
    }
    const missing = !ignoreOk ? { name: "arp_ignore", want: 1, got: ignore } : { name: "arp_announce", want: 2, got: announce };
    // The line that holds the value is the one to change; with none, `all` covers every interface.
    const key = missing.got.where?.key ?? `net.ipv4.conf.all.${missing.name}`;
    const fix = missing.got.where ? { place: { uri: missing.got.where.value.uri, range: missing.got.where.value.range }, set: true } : sysctlPlace(host, key);
    const both = !ignoreOk && !announceOk ? ` (and net.ipv4.conf.all.arp_announce = 2)` : "";
    const now = missing.got.where ? `${missing.got.where.key} is ${missing.got.text}` : host.hasSysctlFiles ? `no sysctl file sets ${missing.name}` : `${host.name} has no sysctl file`;
    return {
      status: "fault",
      detail: `${vip} is on ${loopback.device} of ${host.name} but ${now}, so ${host.name} ${missing.name === "arp_ignore" ? "answers ARP requests for the VIP" : "announces the VIP in its ARP requests"} and takes traffic meant for ${routerNames(site, service)}; set ${key} = ${missing.want}${both}${fix ? (fix.set ? "" : " in this file") : " in a sysctl file such as /etc/sysctl.d/90-lvs-dr.conf"}`,
      place: fix?.place ?? { uri: loopback.where.uri, range: loopback.where.range },
      related: [relatedOf(loopback.where, `${vip} on ${loopback.device}`), serviceRelated(site, service)],
    };
  }
  return ok(evidence.join("; "));
}

/** DR: the real server is on a network of the router (or a segment of the site file joins them). */
export function judgeDrSegment(site: SiteModel, service: LvsService, rs: LvsRealServer, host: Host | undefined): Judgement {
  const address = rs.address ? parseAddress(rs.address) : undefined;
  if (!address) return unknown("the real server's address is only known at run time");
  const router = service.host;
  for (const segment of site.segments) {
    const members = segment.hosts.has(router.name) && host !== undefined && segment.hosts.has(host.name);
    const networks = segment.networks.some((n) => inNetwork(address, networkOf(n))) && segment.hosts.has(router.name);
    if (members || networks) return ok(`segment ${segment.name} of the site file joins ${router.name} and ${host?.name ?? rs.address}`);
  }
  const networks = [
    ...router.network.addresses.filter((a) => a.device !== "lo" && (a.address.prefix ?? 32) < (a.address.family === 4 ? 32 : 128)).map((a) => a.address),
    ...router.declaredAddresses.filter((a) => a.prefix !== undefined),
  ];
  if (networks.length === 0) return unknown(`${router.name}'s networks are not known`);
  const near = networks.find((n) => inNetwork(address, networkOf(n)));
  if (near) return ok(`${rs.address} is on ${networkOf(near)}, a network of ${router.name}`);
  const place = servicePlace(site, service, rs.addressWord);
  return {
    status: "fault",
    detail: `${rs.address} is on none of ${router.name}'s networks (${[...new Set(networks.map(networkOf))].join(", ")}): direct routing only rewrites the MAC address, so the real server must be on the router's segment; use TUN or NAT, or a real server on that segment`,
    place,
    related: router.network.addresses.filter((a) => a.device !== "lo").slice(0, 1).map((a) => relatedOf(a.where, `${router.name}'s address on ${a.device}`)),
  };
}

