// KA030: a VRRP multicast group outside the link-local ranges. VRRP adverts have TTL 255 and must
// stay on the link: IPv4 groups belong in 224.0.0.0/24 (the default is 224.0.0.18), IPv6 groups in
// ff02::/16. keepalived 2.2.7 warns only for IPv6 ("should be link-local multicast"); an IPv4 group
// such as 239.x.x.x is accepted silently, and switches with IGMP snooping then drop the adverts, so
// both nodes become master (keepalived pull request 1663). An address that is not multicast at
// all is an error: keepalived skips it ("mcast_dst_ip 10.0.0.1 not multicast. Skipping...") and
// the instance uses the default group.
import type { KeepalivedRule } from "../../lint/rule.js";
import { inNetwork, parseAddress } from "./ip.js";
import { isDynamic } from "./vrrp.js";

const KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  global_defs: ["vrrp_mcast_group4", "vrrp_mcast_group6"],
  vrrp_instance: ["mcast_dst_ip"],
};

export const mcastGroup: KeepalivedRule = {
  meta: {
    id: "KA030",
    alias: "mcast-group",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "a VRRP multicast group is not link-local (224.0.0.0/24 or ff02::/16), or not a multicast address at all",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    for (const { statement, uri, blockId } of [...model.withKeyword("vrrp_mcast_group4"), ...model.withKeyword("vrrp_mcast_group6"), ...model.withKeyword("mcast_dst_ip")]) {
      if (!KEYWORDS[blockId]?.includes(statement.keyword.value)) continue;
      const word = statement.args[0];
      if (!word || isDynamic(word)) continue;
      const address = parseAddress(word.value);
      if (!address) continue;
      if (address.family === 4 ? !inNetwork(address, "224.0.0.0/4") : !inNetwork(address, "ff00::/8")) {
        report({
          range: word.range,
          uri,
          message: `${word.value} is not a multicast address; keepalived skips it and sends its adverts to the default group (${address.family === 4 ? "224.0.0.18" : "ff02::12"})`,
        });
        continue;
      }
      if (address.family === 4 ? inNetwork(address, "224.0.0.0/24") : (address.bytes[1]! & 0x0f) === 2) continue;
      report({
        range: word.range,
        uri,
        severity: "warning",
        message:
          address.family === 4
            ? `${word.value} is not a link-local group (224.0.0.0/24); switches may not flood it and the nodes stop hearing each other's adverts`
            : `${word.value} is not a link-local group (ff02::/16, scope 2); keepalived warns and the adverts may not reach the other nodes`,
      });
    }
  },
};
