// S021–S023: what the firewall must do for the services a site balances. A `virtual_server fwmark N`
// only sees packets some rule marks N (S021); the ports of every virtual server, every haproxy bind,
// every real server behind LVS and every haproxy backend server of the site must get through the
// host's firewall (S022), judged as S020 judges VRRP: only a certain drop by a firewall lblint
// understands is reported; and FTP behind LVS needs more than port 21 (S023, advice).
import type { SiteRule } from "../../lint/rule.js";
import { parseAddress } from "../../rules/keepalived/ip.js";
import { haproxyBinds } from "../binds.js";
import { markCovers } from "../firewall/host-firewall.js";
import { matches, type Packet } from "../firewall/rules.js";
import type { Host } from "../host.js";
import { described, describe, endpoints, realServerHost, routerNames, serviceRelated, servicePlace, type LvsService } from "../lvs.js";
import type { Place, SiteModel } from "../model.js";
import { isIpipTunnel } from "../parsers/network.js";
import { checkBackendPorts } from "./backend-ports.js";
import { configuredFirewall, interfaceOf, judgePort } from "./ports.js";


/** The addresses a router answers for: its VIPs and its own addresses. */
function hostAddresses(site: SiteModel, host: Host): Set<string> {
  const found = new Set<string>();
  for (const member of site.instancesOf(host)) for (const vip of member.vips) found.add(vip);
  for (const a of host.network.addresses) found.add(a.address.address);
  for (const a of host.declaredAddresses) found.add(a.address);
  return found;
}


export const fwmarkNotSet: SiteRule = {
  meta: {
    id: "S021",
    alias: "fwmark-not-set",
    product: "site",
    severity: "error",
    category: "correctness",
    description: "no firewall rule sets the mark of a virtual_server fwmark, or the mark rules miss its VIPs",
    fixable: false,
    native: "silent",
  },
  check({ model: site, report }) {
    for (const service of site.services) {
      if (service.kind !== "fwmark" || service.fwmark === undefined) continue;
      const host = service.host;
      if (host.firewalls.length === 0) continue;
      const marks = host.firewalls.flatMap((f) => f.marks()).filter((m) => m.mark === service.fwmark);
      const markWord = service.server.header?.args[1];
      const vips = site.instancesOf(host).flatMap((m) => m.vips);
      if (marks.length === 0) {
        const firewall = host.firewall!;
        const where = firewall.markAnchor ?? firewall.anchor;
        const place: Place = where ?? servicePlace(site, service, markWord);
        const example = `${vips[0] ? `-d ${vips[0]} ` : ""}-p ${service.protocol} --dport PORT -j MARK --set-mark ${service.fwmark}`;
        report({
          uri: place.uri,
          range: place.range,
          message: `nothing in ${host.name}'s ${host.firewalls.map((f) => f.kind).join(" or ")} configuration sets mark ${service.fwmark}: virtual_server fwmark ${service.fwmark} never sees a packet; add a mangle PREROUTING rule such as '${example}'${
            firewall.kind === "firewalld" ? " as a direct rule" : firewall.kind === "nftables" ? " (in nftables: 'meta mark set')" : ""
          }`,
          related: [serviceRelated(site, service)],
        });
        continue;
      }
      // The mark rules must reach traffic for an address the router answers for.
      const own = hostAddresses(site, host);
      const concrete = marks.filter((m) => m.rule?.match.dst && !m.rule.match.dst.negated && m.rule.match.opaque.length === 0);
      if (concrete.length === marks.length && own.size > 0 && host.knowsAddresses) {
        const reaching = marks.filter((m) => [...own].some((address) => markCovers(m.rule, address, undefined)));
        if (reaching.length === 0) {
          const first = marks[0]!;
          report({
            uri: first.where.uri,
            range: first.where.range,
            message: `the rules that set mark ${service.fwmark} match ${marks.flatMap((m) => m.rule!.match.dst!.value).join(", ")}, which is neither a VIP nor an address of ${host.name}: virtual_server fwmark ${service.fwmark} never sees a packet${
              vips[0] ? `; mark traffic to ${vips.join(", ")}` : ""
            }`,
            related: [serviceRelated(site, service)],
          });
          continue;
        }
      }
    }
  },
};


export const servicePortClosed: SiteRule = {
  meta: {
    id: "S022",
    alias: "service-port-closed",
    product: "site",
    severity: "error",
    category: "correctness",
    description: "the firewall of a router, real server or backend server drops the port of a virtual server, of a haproxy bind or of a haproxy server",
    fixable: false,
    native: "silent",
  },
  check({ model: site, report }) {
    const seen = new Set<string>();
    // Virtual servers on their routers.
    for (const service of site.services) {
      const firewall = configuredFirewall(service.host);
      for (const { vip, ports, proto } of firewall ? endpoints(service) : []) {
        const family = parseAddress(vip)?.family ?? 4;
        const iface = interfaceOf(site, service.host, vip);
        for (const [port] of ports ?? []) {
          const packet: Packet = { family, proto: proto ?? service.protocol, dst: vip, dport: port, state: "NEW", ...(iface ? { iface } : {}) };
          judgePort(report, seen, service.host, firewall!, [packet], `which virtual_server ${describe(service)} balances`, "clients never reach the service", [serviceRelated(site, service)]);
        }
      }
      // Real servers behind it.
      for (const rs of service.realServers) {
        if (rs.address === undefined) continue;
        const owner = realServerHost(site, service, rs);
        const firewall = "host" in owner ? configuredFirewall(owner.host) : undefined;
        if (!("host" in owner) || !firewall) continue;
        const host = owner.host;
        const family = parseAddress(rs.address)?.family ?? 4;
        const iface = host.deviceOf(rs.address);
        const base = { family, proto: service.protocol, state: "NEW" as const, ...(iface ? { iface } : {}) };
        const packets: Packet[] = [];
        if (rs.method === "NAT") {
          const port = rs.port ?? service.port;
          if (port !== undefined && port !== 0) packets.push({ ...base, dst: rs.address, dport: port });
        } else if (rs.method === "TUN") {
          // The wrapper (IP protocol 4, to the real server's address), then what comes out of the tunnel.
          if (family === 4) packets.push({ family, proto: "ipencap", dst: rs.address, ...(iface ? { iface } : {}) });
          const tunnel = host.network.addresses.find((a) => endpoints(service).some((e) => e.vip === a.address.address) && isIpipTunnel(host.network, a.device))?.device ?? "tunl0";
          for (const { vip, ports, proto } of endpoints(service)) for (const [port] of ports ?? []) packets.push({ ...base, proto: proto ?? base.proto, dst: vip, dport: port, iface: tunnel });
        } else {
          for (const { vip, ports, proto = service.protocol } of endpoints(service)) {
            for (const [port] of ports ?? []) {
              const redirect = firewall.redirects().find((r) => matches(r.match, { family, proto, dst: vip, dport: port }) === "yes");
              packets.push(redirect && !host.ownsAddress(vip) ? { ...base, proto, dst: rs.address, dport: redirect.toPort ?? port } : { ...base, proto, dst: vip, dport: port });
            }
          }
        }
        for (const packet of packets) {
          const what = packet.proto === "ipencap" ? `the IP-in-IP packets (protocol 4) in which ${routerNames(site, service)} tunnel${routerNames(site, service).includes(" and ") ? "" : "s"} ${describe(service)}` : `where ${routerNames(site, service)} send${routerNames(site, service).includes(" and ") ? "" : "s"} ${describe(service)} (${rs.method})`;
          judgePort(report, seen, host, firewall, [packet], what, "the real server never gets the traffic and fails its checks", [serviceRelated(site, service)]);
        }
      }
    }
    // haproxy binds.
    for (const host of site.hosts) {
      const firewall = configuredFirewall(host);
      if (!firewall || !host.haproxy) continue;
      const devices = [...new Set(host.network.addresses.map((a) => a.device).filter((d) => d !== "lo"))];
      for (const bind of haproxyBinds(host)) {
        if (bind.port === undefined || bind.loopback) continue;
        const base = { family: bind.family, proto: bind.proto, dport: bind.port, state: "NEW" as const };
        let packets: Packet[];
        if (bind.address !== undefined) {
          const iface = interfaceOf(site, host, bind.address);
          packets = [{ ...base, dst: bind.address, ...(iface ? { iface } : {}) }];
        } else packets = devices.length > 0 ? devices.map((iface) => ({ ...base, iface })) : [base];
        judgePort(report, seen, host, firewall, packets, `where haproxy listens (${bind.proxy})`, "clients never reach haproxy", [{ uri: bind.where.uri, range: bind.where.range, message: `haproxy binds ${bind.address ?? "*"}:${bind.port}` }]);
      }
    }
    checkBackendPorts(site, report, seen);
  },
};

/** The FTP control port among what a service balances: `VIP 21`, or a mark rule that marks 21. */
function balancesFtp(service: LvsService): boolean {
  if (service.kind === "address") return service.port === 21;
  return endpoints(service).some(({ ports }) => ports?.some(([lo, hi]) => lo <= 21 && 21 <= hi) ?? false);
}

export const ftpBalancing: SiteRule = {
  meta: {
    id: "S023",
    alias: "ftp-balancing",
    product: "site",
    severity: "info",
    category: "best-practice",
    description: "an FTP service behind LVS lacks what its data connections need (ip_vs_ftp, persistence, a firewall mark for the passive ports)",
    fixable: false,
    native: "silent",
  },
  check({ model: site, report }) {
    for (const service of site.services) {
      if (service.protocol !== "tcp" || !balancesFtp(service)) continue;
      const host = service.host;
      const word = service.kind === "address" ? service.server.portWord : service.server.header?.args[1];
      const place = servicePlace(site, service, word);
      const methods = new Set(service.realServers.map((rs) => rs.method));
      const problems: string[] = [];
      if (methods.has("NAT")) {
        const loaded = host.modules.find((m) => m.value === "ip_vs_ftp");
        if (!loaded && host.hasModuleFiles) problems.push("no modules-load.d file loads ip_vs_ftp, which rewrites the addresses in FTP replies behind NAT and lets data connections through");
        else if (!loaded && described(host)) problems.push("make sure ip_vs_ftp is loaded (no modules-load.d file was found): behind NAT it rewrites the addresses in FTP replies and lets data connections through");
      }
      if ((methods.has("DR") || methods.has("TUN")) && service.kind === "address") {
        problems.push(`only the control connection is balanced: passive data connections to ${service.vip} reach no virtual server; mark port 21 and the passive port range with one firewall mark and balance the mark instead`);
      }
      if (service.persistence === undefined && (service.kind === "fwmark" || methods.has("DR") || methods.has("TUN"))) {
        problems.push("without persistence_timeout a data connection may go to another real server than its control connection");
      }
      if (problems.length === 0) continue;
      report({
        uri: place.uri,
        range: place.range,
        message: `${describe(service)} balances FTP on ${host.name}: ${problems.join("; ")}`,
        related: service.kind === "fwmark" ? endpoints(service).flatMap((e) => (e.where ? [{ uri: e.where.uri, range: e.where.range, message: `sets mark ${service.fwmark}` }] : [])).slice(0, 2) : [],
      });
    }
  },
};
