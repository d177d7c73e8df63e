// KA039: one address claimed twice: a VIP listed twice in one instance or in two instances, and two
// virtual_servers on the same address, port and protocol. keepalived 2.2.7 accepts all of them
// without a word; two instances holding one VIP remove it from each other when either goes BACKUP.
// Two real_servers of one virtual_server on the same address and port are an error: keepalived
// 2.2.7 removes the second ("is duplicated - removing second rs") and `-t` exits 5.
import type { KeepalivedRule } from "../../lint/rule.js";
import type { BlockView } from "./block-view.js";
import { isDynamicText, SMALL_BLOCK } from "./view-values.js";
import { bothOf, intAt, isConditional, vrrpView, type Entry, type VirtualServer, type VrrpInstance } from "./vrrp.js";

export const duplicateVip: KeepalivedRule = {
  meta: {
    id: "KA039",
    alias: "duplicate-vip",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "a VIP is listed twice, two virtual_servers share address, port and protocol, or two real_servers of one virtual_server share address and port",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    const seen = new Map<string, { entry: Entry; instance: VrrpInstance }>();
    for (const instance of view.instances) {
      if (instance.conditional) continue;
      for (const entry of bothOf(instance.vips, instance.excludedVips)) {
        const address = entry.address;
        if (!address || isConditional(entry.statement)) continue;
        const earlier = seen.get(address.address);
        if (!earlier) {
          seen.set(address.address, { entry, instance });
          continue;
        }
        const same = earlier.instance === instance;
        const at = earlier.entry.uri === entry.uri ? `line ${earlier.entry.word.range.start.line + 1}` : earlier.entry.uri;
        report({
          range: entry.word.range,
          uri: entry.uri,
          message: same
            ? `${address.address} is already a VIP of this instance (${at})`
            : `${address.address} is already a VIP of vrrp_instance '${earlier.instance.name ?? ""}' (${at}); whichever instance goes BACKUP removes it from the other`,
          related: [{ uri: earlier.entry.uri, range: earlier.entry.word.range, message: "the same address" }],
        });
      }
    }
    const servers = new Map<string, (typeof view.virtualServers)[number]>();
    for (const server of view.virtualServers) {
      if (server.conditional || server.opaque) continue;
      reportTwinReals(server, report);
      const protocol = server.setting("protocol");
      if (protocol && !protocol.certain) continue;
      const header = server.header!;
      let key: string | undefined;
      if (server.kind === "address") {
        // The port and protocol are read from the table: their words are made only for a finding.
        const port = intAt(header, 2);
        if (port === undefined) continue;
        key = `${server.address!.address}:${port}/${protocol?.valueText ?? "UDP"}`;
      } else if (server.kind === "fwmark") {
        const mark = intAt(header, 2);
        if (mark === undefined) continue;
        key = `fwmark ${mark}`;
      } else continue;
      const earlier = servers.get(key);
      if (!earlier) {
        servers.set(key, server);
        continue;
      }
      report({
        range: server.nameWord!.range,
        uri: server.uri,
        message: `another virtual_server already serves ${key} (${earlier.uri === server.uri ? `line ${earlier.header!.range.start.line + 1}` : earlier.uri}); merge their real servers into one`,
        related: [{ uri: earlier.uri, range: earlier.nameWord!.range, message: "the other virtual_server" }],
      });
    }
  },
};

/** Two real_servers of one virtual_server on one address and port (read as numbers: no port is 0, `0080` is 80). */
function reportTwinReals(server: VirtualServer, report: Parameters<KeepalivedRule["check"]>[0]["report"]): void {
  const reals = server.realServers;
  if (reals.length < 2) return;
  // The address (lower case) and port of each real server kept, searched in order: most servers have
  // a few, for which a map with a key string per real server cost more than the search; a large
  // one has its map (a search would be quadratic).
  const seen = reals.length > SMALL_BLOCK ? new Map<string, BlockView>() : undefined;
  const addresses: string[] = [];
  const ports: number[] = [];
  const kept: BlockView[] = [];
  for (const real of reals) {
    const header = real.header;
    const address = header?.wordValue(1);
    if (!header || real.conditional || address === undefined || isDynamicText(address)) continue;
    const portText = header.wordValue(2);
    const port = portText === undefined ? 0 : /^\d+$/.test(portText) ? Number(portText) : undefined;
    if (port === undefined) continue;
    const lower = address.toLowerCase();
    const key = seen && `${lower} ${port}`;
    let earlier: BlockView | undefined = key === undefined ? undefined : seen!.get(key);
    for (let k = 0; k < kept.length && earlier === undefined; k++) if (ports[k] === port && addresses[k] === lower) earlier = kept[k];
    if (!earlier) {
      if (key !== undefined) seen!.set(key, real);
      else {
        addresses.push(lower);
        ports.push(port);
        kept.push(real);
      }
      continue;
    }
    report({
      range: header.args[0]!.range,
      uri: real.uri,
      severity: "error",
      message: `this virtual_server already has a real_server ${address}${port ? ` port ${port}` : ""} (${earlier.uri === real.uri ? `line ${earlier.header!.range.start.line + 1}` : earlier.uri}); keepalived removes the second one and refuses the configuration`,
      related: [{ uri: earlier.uri, range: earlier.header!.args[0]!.range, message: "the first real_server" }],
    });
  }
}
