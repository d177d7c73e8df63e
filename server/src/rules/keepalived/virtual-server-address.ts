// KA054: a `virtual_server IP PORT` header keepalived 2.2.7 cannot read, or one without a port.
// The address must be an IP address (no host name: "Invalid virtual server IP address/port
// mail.example.com/80 - skipping"; nor a part with a leading 0, `010.0.0.1`) and the port a number from 1 to 65535; otherwise the whole
// virtual_server is skipped. Without a port (or with port 0) keepalived makes the service
// persistent unless it already is ("zero port only valid for persistent services - setting
// persistence"). A `virtual_server fwmark N` whose mark is no whole number up to 4294967295 is skipped too;
// `virtual_server fwmark` or `virtual_server group` with nothing after it crashes keepalived 2.2.7.
import type { KeepalivedRule } from "../../lint/rule.js";
import { isDynamic, vrrpView } from "./vrrp.js";
import { isIp } from "../../facts/shapes.js";
import { addressAsRead } from "./ip.js";

export const virtualServerAddress: KeepalivedRule = {
  meta: {
    id: "KA054",
    alias: "virtual-server-address",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "a virtual_server's address, port or firewall mark keepalived cannot read, or a virtual_server without a port",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    for (const server of view.virtualServers) {
      const header = server.header;
      // A group's entries without a port (or with port 0) do the same to the virtual server that names it (measured).
      if (server.kind === "group" && header && !server.setting("persistence_timeout")) {
        const group = header.wordCount > 2 ? view.definition("virtual_server_group", header.wordValue(2)!) : undefined;
        for (const { statement, uri } of group && !group.opaque ? group.statements() : []) {
          const port = statement.wordValue(1);
          if (statement.wordIs(0, "fwmark") || statement.hasPrefix || (port !== undefined && (port.includes("$") || !/^\+?0*$/.test(port)))) continue;
          report({
            range: (statement.words[1] ?? statement.words[0]!).range,
            uri,
            severity: "warning",
            message: `a virtual_server_group entry without a port balances every port, and the virtual_server that uses it must be persistent; keepalived reports it and makes it persistent`,
          });
        }
      }
      // `virtual_server group {` or `virtual_server fwmark {` without the name or the mark: keepalived
      // 2.2.7 reads past the header's last word (measured: `-t` ends in a segmentation fault, exit 139;
      // found by the twelfth mutation round).
      if (header && (server.kind === "fwmark" || server.kind === "group") && header.args.length < 2) {
        const what = server.kind === "fwmark" ? "its firewall mark" : "the name of its virtual_server_group";
        report({ range: header.args[0]!.range, uri: server.uri, message: `'virtual_server ${server.kind}' needs ${what} after it; keepalived 2.2 crashes reading this header` });
        continue;
      }
      // `virtual_server fwmark N`: a whole number to 4294967295, a '+' allowed (measured on 2.2.7: `'1`, `1x`,
      // `0x10`, `-1`, `4294967296` are "must be in [0, 4294967295] - ignoring"; found by the eleventh mutation round).
      const mark = server.kind === "fwmark" ? header?.args[1] : undefined;
      if (mark && !isDynamic(mark) && !(/^\+?\d+$/.test(mark.value) && Number(mark.value) <= 4294967295)) {
        report({ range: mark.range, uri: server.uri, message: `'${mark.value}' is not a firewall mark (a whole number from 0 to 4294967295); keepalived skips this virtual_server` });
      }
      if (!header || server.kind === "fwmark" || server.kind === "group" || header.wordCount < 2) continue;
      const [address, port] = header.args;
      if (!address || isDynamic(address) || (port && isDynamic(port))) continue;
      // keepalived reads the address up to a `-` or a `/` (see addressAsRead): `10.0.0.1-5` is
      // 10.0.0.1 without a word, `10.0.0.1/-1` is cut to `10.0.0.1/`, which is no address.
      const asRead = addressAsRead(address.value);
      if (asRead && isIp(asRead.address)) {
        const what = asRead.range ? `a virtual_server takes one address, not a range (a virtual_server_group takes ranges), and keepalived drops '${asRead.dropped}'` : `a virtual_server takes no prefix length, and keepalived drops '${asRead.dropped}'`;
        report({ range: address.range, uri: server.uri, severity: "warning", message: `'${address.value}' is read as ${asRead.address}: ${what} without a word` });
      } else if (server.kind === "unknown" || address.value.includes("-")) {
        report({ range: address.range, uri: server.uri, message: `'${address.value}' is not an IP address (keepalived takes no host name here); keepalived skips this virtual_server` });
        continue;
      }
      // keepalived reads the address with inet_pton(), which takes no part with a leading 0 (`010.0.0.1`; measured).
      if (/^(?:\d+\.)*0\d/.test(address.value) && /^[\d.]+(?:\/\d*)?$/.test(address.value)) {
        report({ range: address.range, uri: server.uri, message: `'${address.value}' has a part with a leading 0, which keepalived does not read in a virtual_server address; keepalived skips this virtual_server` });
        continue;
      }
      // A '+' before the digits is read too (measured on 2.2.7: `virtual_server 10.0.0.1 +80` passes).
      const number = port && /^\+?\d+$/.test(port.value) ? Number(port.value) : undefined;
      if (port && (number === undefined || number > 65535)) {
        report({ range: port.range, uri: server.uri, message: `'${port.value}' is not a port (1-65535); keepalived skips this virtual_server` });
      } else if (!number && !server.setting("persistence_timeout")) {
        report({
          range: (port ?? address).range,
          uri: server.uri,
          severity: "warning",
          message: "a virtual_server without a port balances every port and must be persistent; keepalived reports it and makes it persistent",
        });
      }
    }
  },
};
