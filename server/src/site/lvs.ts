// LVS across a site: every virtual_server of every router with what keepalived makes of it (VIP or
// firewall mark, port, protocol, forwarding method, real servers), the host behind each real server
// address, and what the real server's own files say about the duties its forwarding method puts on
// it: the default gateway through the router's floating address (NAT, lvs-nat.ts), the ARP problem
// solved and the router's segment (DR, TUN; lvs-dr.ts), an ipip tunnel and loose reverse-path
// filtering (TUN, lvs-tun.ts), a listener on the right port (DR, TUN, NAT). Each judgement is `ok`
// with the evidence named, a `fault` with the place where the fix belongs, or `not-enough-information`
// with what is missing: the site report shows them all, the rules report the faults.
import type { RelatedLocation } from "../lint/rule.js";
import { parseAddress } from "../rules/keepalived/ip.js";
import type { Word } from "../../../grammars/keepalived/ast.js";
import { intOf, type BlockView, type VirtualServer } from "../rules/keepalived/vrrp.js";
import { haproxyBinds } from "./binds.js";
import type { Located } from "./files.js";
import { matches, protocolName } from "./firewall/rules.js";
import type { Host } from "./host.js";
import type { Place, SiteInstance, SiteModel } from "./model.js";
import { uriToPath } from "../workspace/uri.js";
import { judgeDrArp, judgeDrSegment } from "./lvs-dr.js";
import { judgeNatGateway } from "./lvs-nat.js";
import { judgeRpFilter, judgeTunnel } from "./lvs-tun.js";
import { serverGroup, type ServerGroup } from "./vs-group.js";

/** How IPVS forwards to a real server: `lb_kind`/`lvs_method`. */
export type ForwardingMethod = "NAT" | "DR" | "TUN";
/** A virtual server's `protocol`, lower case. */
export type LvsProtocol = "tcp" | "udp" | "sctp";

/** One real_server of a virtual server. */
export interface LvsRealServer {
  readonly block: BlockView;
  /** Canonical address, when known before run time. */
  readonly address: string | undefined;
  readonly addressWord: Word | undefined;
  readonly port: number | undefined;
  /** The real server's own `lvs_method`/`lb_kind`, else the virtual server's. */
  readonly method: ForwardingMethod;
}

/** One virtual_server of one router, as keepalived reads it there. */
export interface LvsService {
  readonly host: Host;
  readonly server: VirtualServer;
  readonly kind: "address" | "fwmark" | "group" | "unknown";
  /** The VIP of `virtual_server IP PORT` (canonical). */
  readonly vip: string | undefined;
  readonly family: 4 | 6;
  readonly port: number | undefined;
  readonly fwmark: number | undefined;
  readonly protocol: LvsProtocol;
  readonly method: ForwardingMethod;
  readonly methodWord: Word | undefined;
  readonly persistence: number | undefined;
  readonly realServers: readonly LvsRealServer[];
  /** `192.168.1.100:80/tcp`, `fwmark 1/tcp`: the same service on another router has the same key. */
  readonly key: string;
  /** The instance of the router that holds the VIP, if one does. */
  readonly instance: SiteInstance | undefined;
  /** For `virtual_server group NAME`: the virtual_server_group, when it is defined and readable. */
  readonly group: ServerGroup | undefined;
}

const METHODS: Readonly<Record<string, ForwardingMethod>> = { NAT: "NAT", DR: "DR", TUN: "TUN" };

function methodOf(block: BlockView): { method: ForwardingMethod; word: Word } | undefined {
  const setting = block.setting("lvs_method") ?? block.setting("lb_kind");
  const value = setting?.value?.value.toUpperCase();
  return value !== undefined && METHODS[value] && setting?.value ? { method: METHODS[value]!, word: setting.value } : undefined;
}

/** Every virtual_server of every host, in host order. */
export function buildServices(site: SiteModel): LvsService[] {
  const services: LvsService[] = [];
  for (const host of site.hosts) {
    const view = host.keepalived?.effective.view;
    if (!view) continue;
    for (const server of view.virtualServers) {
      if (server.conditional) continue;
      const kind = server.kind;
      const address = server.address;
      const port = kind === "address" ? intOf(server.portWord) : undefined;
      const fwmark = kind === "fwmark" ? intOf(server.header?.args[1]) : undefined;
      const protocolText = server.setting("protocol")?.value?.value.toLowerCase();
      // keepalived makes a service without `protocol` a UDP one (KA034). A fwmark service carries
      // what its mark rules select (keepalived ignores its protocol line): their protocol, else TCP.
      const marked = kind === "fwmark" && fwmark !== undefined ? markEndpoints(host, fwmark).find((e) => e.proto)?.proto : undefined;
      const protocol: LvsProtocol =
        kind === "fwmark" ? (marked === "udp" || marked === "sctp" ? marked : "tcp") : protocolText === "tcp" || protocolText === "sctp" ? protocolText : "udp";
      const own = methodOf(server);
      const method = own?.method ?? "NAT";
      const persistence = intOf(server.setting("persistence_timeout")?.value);
      const realServers = server.realServers.map((block): LvsRealServer => {
        const word = block.nameWord;
        const parsed = word && !/\$/.test(word.text) ? parseAddress(word.value) : undefined;
        return { block, address: parsed?.address, addressWord: word, port: intOf(block.header?.args[1]), method: methodOf(block)?.method ?? method };
      });
      const vip = address?.address;
      const key = kind === "address" ? `${vip}:${port ?? "?"}/${protocol}` : kind === "fwmark" ? `fwmark ${fwmark ?? "?"}/${protocol}` : `${server.header?.args.map((w) => w.value).join(" ")}/${protocol}`;
      const group = kind === "group" ? serverGroup(view, server.header?.args[1]) : undefined;
      const held = vip !== undefined ? [vip] : (group?.members.flatMap((m) => m.addresses) ?? []);
      const instance = site.instancesOf(host).find((i) => held.some((address) => i.vips.includes(address)));
      services.push({
        host,
        server,
        kind,
        vip,
        family: address?.family ?? (server.setting("ip_family")?.value?.value === "inet6" ? 6 : 4),
        port,
        fwmark,
        protocol,
        method,
        methodWord: own?.word,
        persistence,
        realServers,
        key,
        instance,
        group,
      });
    }
  }
  return services;
}

/** A judgement on one duty of a real server (or its router). */
export interface Judgement {
  readonly status: "ok" | "fault" | "not-enough-information";
  /** The evidence (ok), the fault, or what is missing, in one sentence. */
  readonly detail: string;
  /** For a fault: where the fix belongs. */
  readonly place?: Place;
  readonly related?: readonly RelatedLocation[];
}

export const ok = (detail: string): Judgement => ({ status: "ok", detail });
export const unknown = (detail: string): Judgement => ({ status: "not-enough-information", detail });

/** `etc/sysconfig/arptables:5`: a place as the report names evidence. */
export function cite(where: { uri: string; range: { start: { line: number } } }, site?: SiteModel): string {
  let path = uriToPath(where.uri);
  const root = site ? uriToPath(site.root).replace(/\/?$/, "/") : undefined;
  if (root && path.startsWith(root)) path = path.slice(root.length);
  return `${path}:${where.range.start.line + 1}`;
}

export const relatedOf = (where: Located<string> | Place, message: string): RelatedLocation => ({ uri: where.uri, range: where.range, message });

/** The place of a word of a router's keepalived configuration. */
export function servicePlace(site: SiteModel, service: LvsService, word?: Word): Place {
  const header = service.server.header;
  const target = word ?? header?.args[0] ?? header?.keyword;
  return site.place(service.host, target) ?? { uri: service.host.keepalived!.loaded.root, range: { start: { offset: 0, line: 0, column: 0 }, end: { offset: 0, line: 0, column: 0 } } };
}

/** The router's virtual_server line, as related information. */
export function serviceRelated(site: SiteModel, service: LvsService, message?: string): RelatedLocation {
  const place = servicePlace(site, service);
  return { uri: place.uri, range: place.range, message: message ?? `${service.host.name}: virtual_server ${describe(service)} (${service.method})` };
}

/** `192.168.1.100 port 80`, `fwmark 1`. */
export function describe(service: LvsService): string {
  if (service.kind === "address") return `${service.vip}${service.port !== undefined ? ` port ${service.port}` : ""}`;
  if (service.kind === "fwmark") return `fwmark ${service.fwmark ?? "?"}`;
  return service.server.header?.args.map((w) => w.value).join(" ") ?? "?";
}

/** The routers that carry the same service (`lb1 and lb2`). */
export function routerNames(site: SiteModel, service: LvsService): string {
  const names = [...new Set(site.servicesWithKey(service.key).map((s) => s.host.name))];
  return names.length <= 1 ? (names[0] ?? service.host.name) : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The host a real server address belongs to, or why it cannot be told. */
export function realServerHost(site: SiteModel, service: LvsService, rs: LvsRealServer): { host: Host } | { reason: string; local?: boolean } {
  if (rs.address === undefined) return { reason: "its address is only known at run time" };
  const all = site.owners(rs.address);
  const owners = all.filter((h) => h !== service.host);
  if (owners.length === 0) {
    if (all.includes(service.host)) return { reason: `${rs.address} is an address of the router itself`, local: true };
    return { reason: `no host of the site has ${rs.address}` };
  }
  if (owners.length > 1) return { reason: `several hosts have ${rs.address} (${owners.map((h) => h.name).join(", ")})` };
  return { host: owners[0]! };
}

/** The address and port pairs a service answers on: its VIP and port, or what its mark rules mark. */
export function endpoints(service: LvsService): Endpoint[] {
  const single = (port: number | undefined): [number, number][] | undefined => (port !== undefined && port !== 0 ? [[port, port]] : undefined);
  if (service.kind === "address") return service.vip ? [{ vip: service.vip, ports: single(service.port) }] : [];
  if (service.kind === "fwmark") return service.fwmark === undefined ? [] : markEndpoints(service.host, service.fwmark);
  if (service.kind !== "group" || !service.group) return [];
  return service.group.members.flatMap((m) => (m.fwmark !== undefined ? markEndpoints(service.host, m.fwmark) : m.addresses.map((vip) => ({ vip, ports: single(m.port) }))));
}

/** An address and the ports a service answers on there (undefined: any), and the mark rule that says so. */
export interface Endpoint {
  readonly vip: string;
  readonly ports: [number, number][] | undefined;
  readonly where?: Located<string>;
  /**
   * For a mark rule that names one protocol (`-p tcp`): that protocol. A fwmark service carries what
   * its mark covers, whatever its own `protocol` line says (keepalived ignores that line).
   */
  readonly proto?: string;
}

/** What the rules that set a mark send to IPVS: their destination addresses and ports. */
function markEndpoints(host: Host, fwmark: number): Endpoint[] {
  const found: Endpoint[] = [];
  for (const mark of host.firewalls.flatMap((f) => f.marks())) {
    if (mark.mark !== fwmark || !mark.rule?.match.dst || mark.rule.match.dst.negated) continue;
    for (const text of mark.rule.match.dst.value) {
      const parsed = parseAddress(text.replace(/\/(32|128)$/, ""));
      const proto = mark.rule.match.proto && !mark.rule.match.proto.negated && !mark.rule.match.proto.value.includes(",") ? protocolName(mark.rule.match.proto.value) : undefined;
      if (parsed && parsed.prefix === undefined) {
        found.push({ vip: parsed.address, ports: mark.rule.match.dports && !mark.rule.match.dports.negated ? mark.rule.match.dports.value : undefined, where: mark.where, ...(proto ? { proto } : {}) });
      }
    }
  }
  return found;
}

/** Where a sysctl key belongs on a host: the line that sets it, else the top of its last /etc sysctl file. */
export function sysctlPlace(host: Host, key: string): { place: Place; set: boolean } | undefined {
  const entry = host.sysctl.get(key);
  if (entry) return { place: { uri: entry.value.uri, range: entry.value.range }, set: true };
  const files = host.files.filter((f) => f.kind === "sysctl" && !/\/(usr\/lib|run|lib)\/sysctl\.d\//.test(f.uri));
  const last = files[files.length - 1];
  return last ? { place: { uri: last.uri, range: last.lines.range(0, 0) }, set: false } : undefined;
}

/** Whether lblint has more of a host than its daemon files (a root, or sysctl/firewall/network files). */
export function described(host: Host): boolean {
  return host.root !== undefined || host.files.length > 0;
}

/** The real server's address line in its network files, or its first network file: where network fixes go. */
export function networkPlace(host: Host, address: string): Place | undefined {
  const own = host.owns(address);
  if (own) return { uri: own.where.uri, range: own.where.range };
  const file = host.files.find((f) => f.kind === "ifcfg" || f.kind === "nm-keyfile" || f.kind === "interfaces");
  return file ? { uri: file.uri, range: file.lines.range(0, 0) } : undefined;
}

/** The real server listens where the forwarding method delivers: known only from its haproxy binds. */
export function judgeListening(site: SiteModel, service: LvsService, rs: LvsRealServer, host: Host): Judgement {
  if (!host.haproxy) return unknown(`what ${host.name} listens on is not known (no haproxy configuration)`);
  if (service.protocol !== "tcp") return unknown(`haproxy does not serve ${service.protocol.toUpperCase()}`);
  const binds = haproxyBinds(host).filter((b) => b.proto === "tcp");
  const wanted: { addresses: (string | undefined)[]; port: number; why: string }[] = [];
  if (rs.method === "NAT") {
    const port = rs.port ?? service.port;
    if (port === undefined || port === 0) return unknown("the real server's port is not given");
    wanted.push({ addresses: [rs.address], port, why: `NAT delivers to ${rs.address}:${port}` });
  } else {
    const targets = endpoints(service);
    if (targets.length === 0) return unknown(`the VIP of ${describe(service)} is not known`);
    for (const { vip, ports } of targets) {
      // A port range (FTP's passive ports) is not something to find in haproxy binds.
      const single = (ports ?? []).filter(([lo, hi]) => lo === hi).map(([lo]) => lo);
      for (const port of single) {
        const family = parseAddress(vip)?.family ?? 4;
        const redirect = host.firewall?.redirects().find((r) => matches(r.match, { family, proto: "tcp", dst: vip, dport: port }) === "yes");
        if (redirect && !host.ownsAddress(vip)) {
          const local = rs.address ? [rs.address] : [];
          wanted.push({ addresses: local, port: redirect.toPort ?? port, why: `a REDIRECT delivers ${vip}:${port} to ${local[0] ?? "the host"}:${redirect.toPort ?? port}` });
        } else wanted.push({ addresses: [vip], port, why: `${rs.method === "DR" ? "direct routing" : "the tunnel"} delivers ${vip}:${port} unchanged` });
      }
    }
    if (wanted.length === 0) return unknown(`the ports of ${describe(service)} are not single ports`);
  }
  const found: string[] = [];
  for (const want of wanted) {
    const hit = binds.find((b) => b.port === want.port && (b.address === undefined || want.addresses.includes(b.address)));
    if (hit) {
      found.push(`${hit.address ?? "*"}:${want.port}`);
      continue;
    }
    // Only a bind on the port, on the wrong address, shows that haproxy is meant to serve it: another
    // program may listen where haproxy does not.
    const samePort = binds.find((b) => b.port === want.port);
    if (!samePort) continue;
    const listening = [...new Set(binds.filter((b) => b.port === want.port).map((b) => `${b.address ?? "*"}:${b.port}`))].join(", ");
    return {
      status: "fault",
      detail: `${host.name}'s haproxy does not listen where ${routerNames(site, service)} send${routerNames(site, service).includes(" and ") ? "" : "s"} ${describe(service)}: ${want.why}, but haproxy binds ${listening}; bind ${want.addresses[0] ?? "*"}:${want.port} (or *:${want.port})`,
      place: samePort.where,
      related: [serviceRelated(site, service)],
    };
  }
  if (found.length === 0) return unknown(`${host.name}'s haproxy does not bind ${[...new Set(wanted.map((w) => w.port))].join(", ")}; another program may listen there`);
  return ok(`haproxy listens on ${found.join(", ")}`);
}

/** Every judgement the report shows for one real server of one router's service. */
export function judgeRealServer(site: SiteModel, service: LvsService, rs: LvsRealServer): { host: string | undefined; checks: { name: string; judgement: Judgement }[] } {
  const owner = realServerHost(site, service, rs);
  const checks: { name: string; judgement: Judgement }[] = [];
  if (rs.method === "DR") checks.push({ name: "segment", judgement: judgeDrSegment(site, service, rs, "host" in owner ? owner.host : undefined) });
  if (!("host" in owner)) {
    if (!owner.local) checks.push({ name: "host", judgement: unknown(owner.reason) });
    return { host: undefined, checks };
  }
  if (rs.method === "DR" || rs.method === "TUN") checks.push({ name: "arp", judgement: judgeDrArp(site, service, rs, owner.host) });
  if (rs.method === "TUN") {
    checks.push({ name: "tunnel", judgement: judgeTunnel(site, service, rs, owner.host) });
    checks.push({ name: "rp_filter", judgement: judgeRpFilter(site, service, rs, owner.host) });
  }
  if (rs.method === "NAT") checks.push({ name: "gateway", judgement: judgeNatGateway(site, service, rs, owner.host) });
  checks.push({ name: "listening", judgement: judgeListening(site, service, rs, owner.host) });
  return { host: owner.host.name, checks };
}
