// KA029: an instance lists its own `unicast_src_ip` among its `unicast_peer`s. keepalived accepts it
// without a word and sends adverts to itself. It usually comes from copying one peer list to every
// node; per-host lists (`@lb1 10.0.0.1`) are alternatives and left alone.
import type { LineIndex, Range } from "../../../../grammars/common/text.js";
import { removeLineFix } from "../../lint/fixes.js";
import type { Fix, KeepalivedRule } from "../../lint/rule.js";
import { parseAddress } from "./ip.js";
import { isConditional, vrrpView } from "./vrrp.js";

function removeSuggestion(lines: LineIndex | undefined, range: Range): { suggestions?: Fix[] } {
  const fix = lines && removeLineFix(lines, range, "remove this peer (this node's own address)", "#!");
  return fix ? { suggestions: [fix] } : {};
}

export const unicastSelfPeer: KeepalivedRule = {
  meta: {
    id: "KA029",
    alias: "unicast-self-peer",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "unicast_peer lists the instance's own unicast_src_ip",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    for (const instance of vrrpView(model).instances) {
      const source = instance.setting("unicast_src_ip");
      if (!source?.certain || !source.value) continue;
      const own = parseAddress(source.value.value);
      if (!own) continue;
      for (const peer of instance.unicastPeers) {
        if (isConditional(peer.statement) || peer.address?.address !== own.address) continue;
        report({
          range: peer.word.range,
          uri: peer.uri,
          message: `${peer.word.value} is this instance's own unicast_src_ip; keepalived sends adverts to itself (list only the other nodes)`,
          related: [{ uri: source.uri, range: source.value.range, message: "unicast_src_ip" }],
          ...removeSuggestion(model.linesOf(peer.uri), peer.statement.range),
        });
      }
    }
  },
};
