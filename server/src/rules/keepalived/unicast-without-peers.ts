// KA041: unicast settings on an instance without unicast peers. keepalived 2.2.7 reports "A unicast
// keyword has been specified without any unicast peers. Defaulting to multicast" (and resets
// unicast_ttl): the instance silently speaks multicast, which the other nodes, configured for
// unicast, do not hear. With `unicast_fault_no_peer` the instance stays in FAULT instead, which
// `keepalived -t` does not say when that is the only unicast keyword (2.2.7 at start: "Cannot use
// unicast without any peers - going to fault state"; checked in the fifteenth mutation round).
import type { KeepalivedRule } from "../../lint/rule.js";
import { addressAsRead, parseAddress } from "./ip.js";
import { type Entry, isConditional, isDynamicText, vrrpView } from "./vrrp.js";

/** Whether keepalived keeps a unicast_peer entry: an address (read up to a `-` or `/`), or a value not known before run time. */
function keptPeer(entry: Entry): boolean {
  const value = entry.statement.wordValue(0) ?? "";
  return entry.address !== undefined || isDynamicText(value) || isConditional(entry.statement) || parseAddress(addressAsRead(value)?.address ?? "") !== undefined;
}

export const UNICAST = ["unicast_src_ip", "unicast_ttl", "check_unicast_src", "unicast_fault_no_peer", "old_unicast_checksum"];

export const unicastWithoutPeers: KeepalivedRule = {
  meta: {
    id: "KA041",
    alias: "unicast-without-peers",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "an instance has unicast settings but no unicast peers, so it falls back to multicast",
    fixable: false,
    native: "reports",
    stricter: "with unicast_fault_no_peer as an instance's only unicast keyword, keepalived -t says nothing, but the daemon logs \"Cannot use unicast without any peers - going to fault state\" at start and the instance never leaves FAULT",
  },
  check({ model, report }) {
    for (const instance of vrrpView(model).instances) {
      if (instance.opaque) continue;
      // keepalived skips a peer that is no address ("malformed unicast peer address"): an instance whose every
      // peer is like that has none (2.2.7: "A unicast keyword has been specified without any unicast peers";
      // fifteenth mutation round). What is known only at run time or on some hosts counts as a peer.
      if (instance.unicastPeers.some(keptPeer)) continue;
      const peerBlocks = instance.blocks("unicast_peer");
      if (peerBlocks.some((placed) => placed.statements.some(({ statement }) => /^include/.test(statement.wordValue(0) ?? "")))) continue;
      // Most instances have no unicast setting at all: nothing to look for.
      if (peerBlocks.length === 0 && UNICAST.every((keyword) => instance.statements(keyword).length === 0)) continue;
      const first = [...UNICAST.flatMap((keyword) => instance.statements(keyword).map((placed) => ({ range: placed.statement.keyword.range, uri: placed.uri, keyword })))]
        .concat(peerBlocks.map((placed) => ({ range: placed.block.header!.keyword.range, uri: placed.uri, keyword: "unicast_peer" })))
        .sort((a, b) => a.range.start.offset - b.range.start.offset)[0];
      if (!first) continue;
      const fault = instance.statements("unicast_fault_no_peer").length > 0;
      report({
        range: first.range,
        uri: first.uri,
        severity: fault ? "error" : "warning",
        message: fault
          ? "this instance has no unicast peers and unicast_fault_no_peer: keepalived keeps it in FAULT"
          : `'${first.keyword}' is a unicast setting but the instance has no unicast peers; keepalived falls back to multicast`,
      });
    }
  },
};
