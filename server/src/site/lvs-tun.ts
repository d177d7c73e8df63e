// LVS tunnelling (lb_kind TUN): the router wraps each packet for the VIP in an IP-in-IP packet to
// the real server's own address. The real server needs an ipip tunnel device to unwrap it (tunl0,
// which the ipip module creates, or a declared IPIP interface), and strict reverse-path filtering
// must not drop what comes out of it: the unwrapped packet's source is a client, whose route goes
// out through the NIC, not through the tunnel. The ARP problem is the same as for direct routing
// (judgeDrArp in lvs.ts judges it for both).
import { parseAddress } from "../rules/keepalived/ip.js";
import type { Host } from "./host.js";
import { cite, describe, endpoints, networkPlace, routerNames, serviceRelated, sysctlPlace, unknown, type Judgement, type LvsRealServer, type LvsService } from "./lvs.js";
import type { SiteModel } from "./model.js";
import { isIpipTunnel } from "./parsers/network.js";

/** The VIPs of a TUN service that are IPv4 (IPv6 is tunnelled by ip6tnl, which is not judged). */
function ipv4Vips(service: LvsService): { vips: string[]; v6: boolean } {
  const vips = [...new Set(endpoints(service).map((e) => e.vip))];
  return { vips: vips.filter((v) => parseAddress(v)?.family === 4), v6: vips.some((v) => parseAddress(v)?.family === 6) };
}

/** The tunnel device the VIP is on, else the first declared tunnel, else the ipip module's tunl0. */
function tunnelDevice(host: Host, vips: readonly string[]): string {
  const onTunnel = host.network.addresses.find((a) => vips.includes(a.address.address) && isIpipTunnel(host.network, a.device));
  return onTunnel?.device ?? [...host.network.tunnels.keys()][0] ?? "tunl0";
}

/** TUN: the real server has an IP-in-IP device to unwrap what the router sends. */
export function judgeTunnel(site: SiteModel, service: LvsService, rs: LvsRealServer, host: Host): Judgement {
  if (!host.hasNetworkFiles) return unknown(`${host.name} has no network files: whether it has an ipip tunnel cannot be told`);
  const { vips, v6 } = ipv4Vips(service);
  if (vips.length === 0) return unknown(v6 ? "an IPv6 VIP is tunnelled with ip6ip6 (ip6tnl0), which is not checked" : `the VIP of ${describe(service)} is not known`);
  const onTunnel = host.network.addresses.find((a) => vips.includes(a.address.address) && isIpipTunnel(host.network, a.device));
  if (onTunnel) return { status: "ok", detail: `${onTunnel.address.address} is on the ipip tunnel ${onTunnel.device} (${cite(onTunnel.where, site)})` };
  const declared = [...host.network.tunnels.entries()][0];
  if (declared) return { status: "ok", detail: `${declared[0]} is an ipip tunnel (${cite(declared[1], site)})` };
  const module = host.modules.find((m) => m.value === "ipip");
  if (module) return { status: "ok", detail: `the ipip module is loaded at boot, which creates tunl0 (${cite(module, site)})` };
  const held = host.network.addresses.find((a) => vips.includes(a.address.address));
  const place = held ? { uri: held.where.uri, range: held.where.range } : rs.address ? networkPlace(host, rs.address) : undefined;
  const routers = routerNames(site, service);
  return {
    status: "fault",
    detail: `${host.name} has no ipip tunnel: ${routers} send${routers.includes(" and ") ? "" : "s"} ${describe(service)} to it wrapped in IP-in-IP (lb_kind TUN), which the kernel drops without the ipip module; put the VIP on tunl0 (ifcfg-tunl0 with TYPE=IPIP) or load ipip from /etc/modules-load.d`,
    ...(place ? { place } : {}),
    related: [serviceRelated(site, service)],
  };
}

/** TUN: reverse-path filtering on the tunnel is loose or off (the kernel takes the larger of `all` and the device). */
export function judgeRpFilter(site: SiteModel, service: LvsService, rs: LvsRealServer, host: Host): Judgement {
  const { vips, v6 } = ipv4Vips(service);
  if (vips.length === 0) return unknown(v6 ? "IPv6 has no rp_filter sysctl; ip6tables rpfilter matches are not checked" : `the VIP of ${describe(service)} is not known`);
  if (!host.hasSysctlFiles && !host.hasNetworkFiles) return unknown(`${host.name} has no sysctl or network files`);
  const device = tunnelDevice(host, vips);
  const all = host.sysctlValue("net.ipv4.conf.all.rp_filter");
  // A device made after sysctl has run starts from `default`.
  const ownKey = `net.ipv4.conf.${device}.rp_filter`;
  const own = host.sysctl.has(ownKey) ? host.sysctlValue(ownKey) : host.sysctlValue("net.ipv4.conf.default.rp_filter");
  const strict = [all, own].find((v) => v.value === 1 && v.where);
  const said = (v: typeof all) => (v.where ? `${v.where.key} = ${v.text} (${cite(v.where.value, site)})` : undefined);
  if (!strict) {
    const evidence = [said(all), said(own)].filter((s): s is string => s !== undefined);
    if (own.where && all.where) return { status: "ok", detail: `reverse-path filtering on ${device} is not strict: ${evidence.join(", ")}` };
    // `all` alone does not tell: the device's own value (from `default`) counts too, and the other way round.
    if (evidence.length > 0) return unknown(`${evidence.join(", ")}, but nothing in the site sets ${all.where ? `${ownKey} or net.ipv4.conf.default.rp_filter` : "net.ipv4.conf.all.rp_filter"}, which the distribution may make strict`);
    // The kernel's default is 0, but distributions ship their own (RHEL 7: 1 in /usr/lib/sysctl.d/50-default.conf).
    return unknown(`no sysctl file of ${host.name} sets rp_filter: the kernel's default (0) is loose, but the distribution's /usr/lib/sysctl.d may make it strict; set net.ipv4.conf.${device}.rp_filter = 0`);
  }
  const where = strict.where!;
  const fix = sysctlPlace(host, where.key);
  return {
    status: "fault",
    detail: `${where.key} = 1 makes ${host.name} drop what it unwraps from ${device}: the packets of ${describe(service)} come from clients, whose route leaves through another interface, and strict reverse-path filtering discards them; set ${where.key} = 2 (loose) or 0${where.key.includes(".all.") ? "" : ` (and keep net.ipv4.conf.all.rp_filter below 1)`}`,
    place: fix?.place ?? { uri: where.value.uri, range: where.value.range },
    related: [serviceRelated(site, service, `${service.host.name}: virtual_server ${describe(service)} (TUN) sends to ${rs.address ?? "this real server"}`)],
  };
}
