// KA034: a virtual_server without `protocol`. keepalived 2.2.7 does not default to TCP: it reports
// "no protocol set - defaulting to UDP", so a web service silently becomes a UDP one. fwmark
// virtual servers carry every protocol the mark covers: there a `protocol` line is what is
// reported, as keepalived 2.2.7 does ("protocol specified for fwmark - protocol will be ignored",
// and `keepalived -t` exits 5), though keepalived's own fwmark sample writes one. Two settings
// that depend on the protocol are reset as well (keepalived 2.2.7): `ops` (one-packet scheduling)
// needs UDP ("one packet scheduling requires UDP - resetting"), and `ha_suspend` cannot be used on
// a fwmark virtual_server, nor on one whose group holds a fwmark entry ("cannot use ha_suspend with
// fwmarks - clearing ha_suspend").
import type { KeepalivedRule } from "../../lint/rule.js";
import { vrrpView } from "./vrrp.js";

export const lvsProtocol: KeepalivedRule = {
  meta: {
    id: "KA034",
    alias: "lvs-protocol",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "a virtual_server has no protocol, and keepalived defaults to UDP; a fwmark one has a protocol or ha_suspend it ignores; ops without UDP",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    // Most configurations have neither: one search of the text each spares a look in every server.
    const ops = model.textHolds("ops");
    const haSuspend = model.textHolds("ha_suspend");
    const view = vrrpView(model);
    for (const server of view.virtualServers) {
      if (server.opaque) continue;
      // A group of fwmark entries only is read as a fwmark virtual_server: its protocol is ignored
      // (measured: "Virtual server [G]:0: protocol specified for fwmark"), and none is needed.
      const group = server.kind === "group" && server.header!.wordCount > 2 ? view.definition("virtual_server_group", server.header!.wordValue(2)!) : undefined;
      const entries = group && !group.opaque ? group.statements() : [];
      const fwmarkGroup = entries.length > 0 && entries.every(({ statement }) => statement.wordIs(0, "fwmark"));
      // One fwmark entry is enough for ha_suspend to be cleared (2.2.7 and 2.3.3: "Virtual server [G]:0:
      // cannot use ha_suspend with fwmarks"; found by the fourteenth mutation round).
      const anyFwmark = server.kind === "fwmark" || entries.some(({ statement }) => statement.wordIs(0, "fwmark"));
      for (const { statement, uri } of haSuspend && anyFwmark ? server.statements("ha_suspend") : []) {
        const what = server.kind === "fwmark" ? "a fwmark virtual_server" : "a virtual_server whose group holds a fwmark entry";
        report({ range: statement.keyword.range, uri, message: `ha_suspend cannot be used on ${what}: keepalived clears it, and its checkers run while the VIP is down too` });
      }
      if (server.kind === "fwmark" || fwmarkGroup) {
        for (const { statement, uri } of server.statements("protocol")) {
          report({
            range: statement.keyword.range,
            uri,
            message: `${fwmarkGroup ? "a virtual_server whose group holds only fwmark entries carries whatever the marks cover" : "a fwmark virtual_server carries whatever its mark covers"}; keepalived ignores this protocol line, warns, and keepalived -t fails (exit 5): remove it`,
          });
        }
        continue;
      }
      const protocols = server.statements("protocol");
      // Without a protocol keepalived makes the service UDP, where ops is fine.
      // Read in place (word 1 is the first argument): a protocol's words are made only for a finding.
      const protocol = ops ? protocols[protocols.length - 1]?.statement.wordValue(1) : undefined;
      if (ops && protocol !== undefined && protocol !== "UDP" && !protocol.includes("$")) {
        for (const { statement, uri } of server.statements("ops")) {
          report({ range: statement.keyword.range, uri, message: `ops (one-packet scheduling) only works for UDP, and this virtual_server is ${protocol}; keepalived resets it` });
        }
      }
      if (protocols.length > 0) continue;
      const header = server.header!;
      report({
        range: header.keyword.range,
        uri: server.uri,
        message: "this virtual_server has no protocol; keepalived makes it UDP, not TCP",
        suggestions: [
          {
            description: "add 'protocol TCP'",
            edits: [{ start: server.block.open.range.end.offset, end: server.block.open.range.end.offset, newText: `\n    protocol TCP` }],
          },
        ],
      });
    }
  },
};
