// KA038: a block keyword written after another statement's arguments, as in the one-line real
// server `real_server 10.0.0.1 80 { weight 1 TCP_CHECK { connect_timeout 3 } }`. keepalived reads
// everything between two braces as one statement: `weight 1 TCP_CHECK` is `weight`, TCP_CHECK opens
// nothing and its `{` is ignored ("Unexpected '{'"), the checker's settings land in the real server,
// and the `}` meant for the checker closes the real server — so the next `}` closes the virtual
// server and every later real server is lost (measured with 2.2.7, on one line or several).
import type { KeepalivedRule } from "../../lint/rule.js";

/** Keywords that open a block, and are never the value of another keyword. */
const BLOCK_KEYWORDS = new Set([
  "TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK", "SMTP_CHECK", "DNS_CHECK", "BFD_CHECK", "PING_CHECK", "UDP_CHECK", "FILE_CHECK",
  "real_server", "url", "authentication", "virtual_ipaddress", "virtual_ipaddress_excluded", "virtual_routes", "virtual_rules",
  "track_interface", "track_script", "track_process", "track_bfd", "unicast_peer", "notification_email",
  "vrrp_instance", "vrrp_script", "vrrp_sync_group", "virtual_server", "virtual_server_group", "global_defs", "vrrp_track_process", "bfd_instance",
]);

export const nestedOneLine: KeepalivedRule = {
  meta: {
    id: "KA038",
    alias: "nested-one-line",
    product: "keepalived",
    severity: "error",
    category: "syntax",
    description: "a block keyword follows another statement before its '{', so the braces close the wrong blocks",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    const blocks = model.blocks;
    for (let b = 0; b < blocks.length; b++) {
      const keyword = blocks[b]!.keyword;
      if (keyword === undefined || BLOCK_KEYWORDS.has(keyword)) continue;
      const { block, uri, parent } = blocks[b]!;
      const header = block.header!;
      // A quoted word's text starts with its quote, so a block keyword's text is an unquoted word:
      // the words are read from the table, and made only when one is found.
      let at = 1;
      for (let text = header.wordText(at); text !== undefined && !BLOCK_KEYWORDS.has(text); text = header.wordText(at)) at++;
      const hidden = header.words[at];
      if (!hidden) continue;
      const outer = parent?.header ? `'${parent.header.keyword.value}'` : "the enclosing block";
      report({
        range: hidden.range,
        uri,
        message: `keepalived reads '${header.keyword.value} … ${hidden.value}' as one '${header.keyword.value}' statement: '${hidden.value}' opens no block, its '{' is ignored and its '}' closes ${outer} instead; put '${hidden.value} {' on a line of its own`,
        ...(block.close ? { related: [{ uri, range: block.close.range, message: `keepalived closes ${outer} here` }] } : {}),
      });
    }
  },
};
