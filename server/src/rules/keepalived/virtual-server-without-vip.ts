// KA040: a virtual_server on an address that no VRRP instance of the configuration carries. Where a
// file has both, the virtual servers usually listen on the VIPs; an address that is none of them is
// often a typo or a VIP that was changed on one side only. Advice: the address may be a fixed
// address of the node.
import type { KeepalivedRule } from "../../lint/rule.js";
import { vrrpView } from "./vrrp.js";

export const virtualServerWithoutVip: KeepalivedRule = {
  meta: {
    id: "KA040",
    alias: "virtual-server-without-vip",
    product: "keepalived",
    severity: "info",
    category: "correctness",
    description: "a virtual_server listens on an address that no vrrp_instance of the file carries",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    if (view.instances.length === 0 || view.opaque) return;
    const vips = new Set<string>();
    for (const instance of view.instances) {
      if (instance.opaque) return;
      for (const entries of [instance.vips, instance.excludedVips]) {
        for (let i = 0; i < entries.length; i++) {
          const address = entries[i]!.address;
          // A computed VIP may be any address.
          if (!address) return;
          vips.add(address.address);
        }
      }
    }
    for (const server of view.virtualServers) {
      const address = server.address;
      if (server.kind !== "address" || !address || vips.has(address.address)) continue;
      // The address word read from the table: the header's words are not made for the finding.
      const header = server.header!;
      report({
        range: header.wordRange(1)!,
        uri: server.uri,
        message: `${header.wordValue(1)!} is not a VIP of any vrrp_instance here; check that it is the address clients use`,
      });
    }
  },
};
