// KA054: a `virtual_server IP PORT` header keepalived 2.2.7 cannot read, or one without a port.
// The address must be an IP address (no host name: "Invalid virtual server IP address/port
// mail.example.com/80 - skipping"; nor a part with a leading 0, `010.0.0.1`) and the port a number from 1 to 65535; otherwise the whole
// virtual_server is skipped. Without a port (or with port 0) keepalived makes the service
// persistent unless it already is ("zero port only valid for persistent services - setting
// persistence").
import type { KeepalivedRule } from "../../lint/rule.js";
import { isDynamic, vrrpView } from "./vrrp.js";

export const virtualServerAddress: KeepalivedRule = {
  meta: {
    id: "KA054",
    alias: "virtual-server-address",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "a virtual_server's address or port keepalived cannot read, or a virtual_server without a port",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const server of vrrpView(model).virtualServers) {
      const header = server.header;
      if (!header || server.kind === "fwmark" || server.kind === "group" || header.wordCount < 2) continue;
      const [address, port] = header.args;
      if (!address || isDynamic(address) || (port && isDynamic(port))) continue;
      // A `-` is read as an address range, which a virtual_server cannot be (`10.0.0.1/-1`).
      if (server.kind === "unknown" || address.value.includes("-")) {
        report({ range: address.range, uri: server.uri, message: `'${address.value}' is not an IP address (keepalived takes no host name here); keepalived skips this virtual_server` });
        continue;
      }
      // keepalived reads the address with inet_pton(), which takes no part with a leading 0 (`010.0.0.1`; measured).
      if (/^(?:\d+\.)*0\d/.test(address.value) && /^[\d.]+(?:\/\d*)?$/.test(address.value)) {
        report({ range: address.range, uri: server.uri, message: `'${address.value}' has a part with a leading 0, which keepalived does not read in a virtual_server address; keepalived skips this virtual_server` });
        continue;
      }
      const number = port && /^\d+$/.test(port.value) ? Number(port.value) : undefined;
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
