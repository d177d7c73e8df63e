// KA039: one address claimed twice: a VIP listed twice in one instance or in two instances, and two
// virtual_servers on the same address, port and protocol. keepalived 2.2.7 accepts all of them
// without a word; two instances holding one VIP remove it from each other when either goes BACKUP.
import type { KeepalivedRule } from "../../lint/rule.js";
import { bothOf, intAt, isConditional, vrrpView, type Entry, type VrrpInstance } from "./vrrp.js";

export const duplicateVip: KeepalivedRule = {
  meta: {
    id: "KA039",
    alias: "duplicate-vip",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "a VIP is listed twice, or two virtual_servers share address, port and protocol",
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
