// KA031: VIPs keepalived ignores or reads differently. A VIP (or unicast peer) of the other address
// family than the instance's is ignored, and so is a real or sorry server of the other family than its
// virtual server: the family is set by the first VIP, unicast peer,
// unicast_src_ip or mcast_src_ip ("address family must match VRRP instance … ignoring"); a
// unicast_src_ip of the other family is skipped. A VIP written without a prefix gets /32 (/128),
// so the node has no route to the subnet through it: advice only. Invalid addresses and prefixes are
// value errors for the argument checks.
import type { Word } from "../../../../grammars/keepalived/ast.js";
import type { Fix, KeepalivedRule } from "../../lint/rule.js";
import { parseAddress } from "./ip.js";
import { throughClose } from "./model.js";
import { BlockView, bothOf, isConditional, isDynamic, vrrpView, type VirtualServer } from "./vrrp.js";

type Report = Parameters<KeepalivedRule["check"]>[0]["report"];

/**
 * A real or sorry server of the other family than its virtual server: keepalived 2.2.7 skips it
 * ("Address family of virtual server and real server … don't match - skipping real server"; found by
 * the eleventh mutation round), and a virtual server left without real servers is ignored. The
 * family is the address's; a `group` or `fwmark` virtual server takes its `ip_family` when that comes
 * before the real servers, else the first real server's (measured: IPv6 real servers under a group of
 * IPv4 entries pass). An `ip_family` of the other family than the address, or than real servers read
 * before it, is reported and set aside ("Virtual server specified family inet6 conflicts with server
 * family"; 2.2.7 and 2.3.3, fifteenth mutation round). Not with TUN forwarding.
 */
function lvsFamilyReports(server: VirtualServer, report: Report): void {
  const familyOf = (word: Word | undefined) => (word && !isDynamic(word) ? parseAddress(word.value)?.family : undefined);
  const firstReal = server.realServers[0];
  // `ip_family` lines read before the first real server set a group or fwmark server's family; later ones must agree with it.
  let declared: { family: 4 | 6; word: Word } | undefined;
  let family = server.kind === "address" ? server.address?.family : undefined;
  for (const { statement, uri } of server.statements("ip_family")) {
    const word = statement.args[0];
    if (!word || isDynamic(word) || isConditional(statement)) return;
    const written = word.value === "inet" ? 4 : word.value === "inet6" ? 6 : undefined;
    if (written === undefined) continue;
    const before = server.kind !== "address" && uri === server.uri && (!firstReal || (firstReal.uri === uri && statement.range.start.offset < firstReal.block.range.start.offset));
    const current = family ?? (before ? undefined : familyOf(firstReal?.header?.args[0]));
    if (current !== undefined && current !== written) {
      report({ range: word.range, uri, message: `ip_family ${word.value} conflicts with the virtual server's IPv${current} ${server.kind === "address" ? "address" : "real servers read before it"}; keepalived reports it and keeps IPv${current}` });
      continue;
    }
    if (server.kind !== "address" && family === undefined) {
      family = written;
      declared = { family: written, word };
    }
  }
  const first = server.kind === "address" || declared ? undefined : server.realServers[0]?.header?.args[0];
  family ??= familyOf(first);
  const setBy = server.kind === "address" ? server.header!.args[0] : (declared?.word ?? first);
  if (family === undefined || !setBy) return;
  // Only an address of the other kind can be of the other family (an IPv6 one holds a ':'): most
  // real servers are passed over without making their words.
  const suspects = server.realServers.filter((real) => {
    const text = real.header?.wordText(1);
    return text !== undefined && (text.includes(":") !== (family === 6) || text.includes("$") || text.includes('"'));
  });
  const sorry = server.statements("sorry_server");
  if (suspects.length === 0 && sorry.length === 0) return;
  // Tunnelling carries either family (measured: under `lb_kind TUN` IPv6 real and sorry servers of an IPv4 virtual server pass).
  const method = server.setting("lb_kind") ?? server.setting("lvs_method");
  if (method && (!method.certain || method.valueText === "TUN")) return;
  const setter = declared ? ` (set by its ip_family)` : first ? " (set by its first real server)" : "";
  const check = (word: Word | undefined, block: Parameters<typeof throughClose>[1] | undefined, uri: string, what: string) => {
    const other = familyOf(word);
    if (!word || word === first || other === undefined || other === family) return;
    report({
      // A real server's finding runs to its `}`, the line keepalived names.
      range: block ? throughClose(word.range, block) : word.range,
      uri,
      message: `this ${what} is IPv${other} but its virtual server is IPv${family}${setter}; keepalived skips it`,
      related: [{ uri: server.uri, range: setBy.range, message: declared ? "the ip_family that sets the virtual server's family" : first ? "the first real server, which sets the virtual server's family" : "the virtual server's address" }],
    });
  };
  for (const real of suspects) check(real.header!.args[0], real.block, real.uri, "real server");
  for (const { statement, uri } of sorry) check(statement.args[0], undefined, uri, "sorry server");
}

/** The checkers whose `bindto` keepalived holds to the family of the address they connect to (MISC_CHECK has none). */
const CHECKERS = new Set(["TCP_CHECK", "HTTP_GET", "SSL_GET", "DNS_CHECK", "UDP_CHECK", "PING_CHECK", "SMTP_CHECK"]);

/**
 * A checker's `bindto` of the other family than the address it connects to: keepalived 2.2.7 and
 * 2.3.3 skip it ("bindto address … does not match address family of connect_ip - skipping"; sixteenth
 * mutation round). The address is the `connect_ip` read before the `bindto`, else the real server's:
 * a `connect_ip` written after it does not count (measured). An SMTP_CHECK, and each of its `host`
 * blocks, compares only with a `connect_ip` of its own read before: without one, it draws no message
 * (measured; a false error of the first version of this check, found on running seed 17101 again).
 */
function bindtoFamilyReports(server: VirtualServer, report: Report): void {
  const familyOf = (word: Word | undefined) => (word && !isDynamic(word) ? parseAddress(word.value)?.family : undefined);
  const checkBlock = (check: BlockView, fallback: Word | undefined, fallbackUri: string) => {
    const binds = check.statements("bindto");
    if (binds.length === 0 || check.opaque) return;
    const connects = check.statements("connect_ip");
    if ([...binds, ...connects].some(({ statement }) => isConditional(statement))) return;
    for (const { statement, uri, order } of binds) {
      const bound = familyOf(statement.args[0]);
      const connect = connects.filter((c) => c.order < order).at(-1);
      const target = connect ? connect.statement.args[0] : fallback;
      const family = familyOf(target);
      if (bound === undefined || family === undefined || bound === family || !target) continue;
      report({
        range: statement.args[0]!.range,
        uri,
        message: `this bindto is IPv${bound} but the check connects to IPv${family} ${connect ? "connect_ip" : "real server"} ${target.value}${connect || connects.length === 0 ? "" : " (a connect_ip below it does not count)"}; keepalived skips it`,
        related: [{ uri: connect?.uri ?? fallbackUri, range: target.range, message: connect ? "the connect_ip read before it" : "the real server's address" }],
      });
    }
  };
  for (const real of server.realServers) {
    if (real.opaque) continue;
    for (const placed of real.blocks()) {
      if (!placed.keyword || !CHECKERS.has(placed.keyword)) continue;
      const check = new BlockView(server.model, placed);
      const smtp = placed.keyword === "SMTP_CHECK";
      checkBlock(check, smtp ? undefined : real.header?.args[0], real.uri);
      if (smtp) for (const host of check.blocks("host")) checkBlock(new BlockView(server.model, host), undefined, real.uri);
    }
  }
}

export const vipForm: KeepalivedRule = {
  meta: {
    id: "KA031",
    alias: "vip-form",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "a VIP or peer has the other address family than its instance (a real server than its virtual server), or a VIP has no prefix",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    // Most files have no `bindto`: their checkers are not read (a view of each was a fifth of a big file's lint).
    const binds = model.textHolds("bindto");
    for (const server of view.virtualServers) {
      if (server.opaque) continue;
      lvsFamilyReports(server, report);
      if (binds) bindtoFamilyReports(server, report);
    }
    for (const instance of view.instances) {
      const family = instance.family;
      if (family && !instance.opaque && !bothOf(instance.vips, instance.unicastPeers).some((entry) => isConditional(entry.statement))) {
        const name = family.family === 4 ? "IPv4" : "IPv6";
        for (const entry of bothOf(instance.vips, instance.unicastPeers)) {
          const address = entry.address;
          if (!address || address.family === family.family) continue;
          const what = entry.block.block.header!.keyword.value === "unicast_peer" ? "peer" : "VIP";
          report({
            range: entry.word.range,
            uri: entry.uri,
            message: `this ${what} is IPv${address.family} but the instance is ${name} (set by line ${family.statement.range.start.line + 1}); keepalived ignores it`,
            related: [{ uri: family.uri, range: family.statement.range, message: `makes the instance ${name}` }],
          });
        }
        for (const keyword of ["unicast_src_ip", "mcast_src_ip"]) {
          for (const { statement, uri } of instance.statements(keyword)) {
            const word = statement.args[0];
            const address = word && !isDynamic(word) ? parseAddress(word.value) : undefined;
            if (!word || !address || address.family === family.family || statement === family.statement) continue;
            report({
              range: word.range,
              uri,
              message: `this ${keyword} is IPv${address.family} but the instance is ${name}; keepalived skips it`,
              related: [{ uri: family.uri, range: family.statement.range, message: `makes the instance ${name}` }],
            });
          }
        }
      }
      // The prefix every other VIP of a family is written with, when they agree: the likely subnet.
      const prefixes = new Map<number, Set<number>>();
      for (const entry of instance.vips) if (entry.address?.prefix !== undefined) (prefixes.get(entry.address.family) ?? prefixes.set(entry.address.family, new Set()).get(entry.address.family)!).add(entry.address.prefix);
      for (const entry of instance.vips) {
        const address = entry.address;
        if (!address || address.hasPrefix) continue;
        const host = address.family === 4 ? 32 : 128;
        const shared = prefixes.get(address.family);
        const end = entry.word.range.end.offset;
        // Offered in an editor only: the subnet is the network's, which the file does not say.
        const others = shared?.size === 1 ? [...shared][0]! : undefined;
        const suggestions: Fix[] = [
          ...(others !== undefined && others !== host ? [{ description: `add '/${others}', as the instance's other VIPs`, edits: [{ start: end, end, newText: `/${others}` }] }] : []),
          { description: `add '/${host}' (a host address, as keepalived reads it now)`, edits: [{ start: end, end, newText: `/${host}` }] },
        ];
        report({
          range: entry.word.range,
          uri: entry.uri,
          severity: "info",
          message: `without a prefix keepalived adds ${entry.word.value}/${host}, with no route to its subnet; write the subnet's prefix (e.g. /24) unless a host address is meant`,
          ...(entry.word.text === entry.word.value ? { suggestions } : {}),
        });
      }
    }
  },
};
