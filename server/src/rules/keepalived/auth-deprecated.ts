// KA047: any VRRP `authentication` block. RFC 3768 took authentication out of VRRPv2 because it
// protects nothing — a PASS password travels in clear in every advert — and VRRPv3 has none;
// keepalived ignores it in strict mode and with version 3 (KA026). Information, not a defect.
import { removeLinesAt } from "../../lint/fixes.js";
import type { KeepalivedRule } from "../../lint/rule.js";

export const authDeprecated: KeepalivedRule = {
  meta: {
    id: "KA047",
    alias: "auth-deprecated",
    product: "keepalived",
    severity: "info",
    category: "security",
    description: "VRRP authentication gives no security and is gone from the current VRRP standards",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    for (const placed of model.blocksWithId("vrrp_instance>authentication")) {
      const { header, close } = placed.block;
      if (!header) continue;
      // Offered in an editor only: peers that disagree on authentication drop each other's adverts.
      const lines = close && model.linesOf(placed.uri);
      // Offsets only: positions (lines and columns) are not worked out for every such block.
      const span = placed.block.range;
      const removal = lines && removeLinesAt(lines, span.startOffset, span.endOffset, "remove the authentication block (on every peer at once)", "#!");
      report({
        ...(removal ? { suggestions: [removal] } : {}),
        uri: placed.uri,
        // The range alone: the header's words are not made for it.
        range: header.wordRange(0)!,
        message: "VRRP authentication does not protect the routers (a PASS password is sent in clear in every advert) and is no longer part of VRRP; isolate the VRRP network instead, and keep it the same on every peer if you keep it",
      });
    }
  },
};
