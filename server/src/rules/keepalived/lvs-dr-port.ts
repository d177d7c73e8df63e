// KA033: a real server port that direct routing or tunnelling cannot honour. With `lb_kind` (or
// `lvs_method`) DR or TUN the packet reaches the real server unchanged, so it must listen on the
// virtual server's port: keepalived 2.2.7 reports "ports don't match - resetting" and uses the
// virtual server's port; on an fwmark virtual server it clears the port ("has port specified -
// clearing"). For a virtual_server group the ports of the group's entries are compared. A
// `sorry_server` on another port is reset too, and so is a real server's port when the virtual server
// has none (port 0). A real server's own `lvs_method` replaces the virtual server's for it (measured on
// 2.2.7 and 2.3.3: `lvs_method TUN` in a real server of a NAT virtual server is reset, `lvs_method NAT` in
// one of a DR virtual server is not; found by the fifteenth mutation round).
import type { Word } from "../../../../grammars/keepalived/ast.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { addressAsRead, parseAddress } from "./ip.js";
import { intAt, intOf, isDynamic, vrrpView } from "./vrrp.js";

/** The family of a group entry's or real server's address (`10.0.0.1-10`, `2001:db8::/64` read to their `-` or `/`). */
const entryFamily = (value: string) => parseAddress(addressAsRead(value)?.address ?? value)?.family;

export const lvsDrPort: KeepalivedRule = {
  meta: {
    id: "KA033",
    alias: "lvs-dr-port",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "with DR or TUN forwarding, a real server's port differs from the virtual server's",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    for (const server of view.virtualServers) {
      if (server.opaque) continue;
      const method = server.setting("lb_kind") ?? server.setting("lvs_method");
      const serverForwarding = method?.certain ? method.valueText : undefined;
      const own = server.realServers.map((real) => real.setting("lvs_method"));
      const mapsNoPort = (value: string | undefined) => value === "DR" || value === "TUN";
      if (!mapsNoPort(serverForwarding) && !own.some((setting) => setting?.certain && mapsNoPort(setting.valueText))) continue;
      // The ports the virtual server listens on.
      let ports: { port: number; word: Word; family?: number | undefined }[] | "fwmark" | undefined;
      if (server.kind === "address") {
        const port = intAt(server.header, 2);
        // Without a port the virtual server's is 0 (every port, KA054), and keepalived resets a real
        // server's port to it all the same ("[10.0.0.1]:tcp:0 and real server … ports don't match").
        const addressOnly = server.header?.args.length === 1 ? server.header.args[0] : undefined;
        ports = port !== undefined ? [{ port, word: server.portWord! }] : addressOnly ? [{ port: 0, word: addressOnly }] : undefined;
      } else if (server.kind === "fwmark") ports = "fwmark";
      else if (server.kind === "group") {
        const name = server.header?.args[1];
        const group = name && !isDynamic(name) ? view.definition("virtual_server_group", name.value) : undefined;
        if (group && !group.opaque) {
          ports = [];
          const families = new Set<number | undefined>();
          for (const { statement } of group.statements()) {
            if (statement.keyword.value === "fwmark") continue;
            const port = intOf(statement.args[0]);
            if (port === undefined) {
              ports = undefined;
              break;
            }
            const family = entryFamily(statement.keyword.value);
            families.add(family);
            ports.push({ port, word: statement.args[0]!, family });
          }
          // keepalived 2.2.7 and 2.3.3 compare a real server with the group's entries of its own family only,
          // and a group holding both families with none (fifteenth mutation round).
          if (families.size > 1) ports = undefined;
        }
      }
      if (!ports) continue;
      for (const [index, real] of server.realServers.entries()) {
        const word = real.header?.args[1];
        const port = intOf(word);
        if (!word || port === undefined) continue;
        const ownMethod = own[index];
        if (ownMethod && !ownMethod.certain) continue;
        const forwarding = ownMethod ? ownMethod.valueText : serverForwarding;
        if (!mapsNoPort(forwarding)) continue;
        if (ports === "fwmark") {
          if (port === 0) continue;
          report({
            range: word.range,
            uri: real.uri,
            message: `an fwmark virtual server with ${forwarding} forwarding cannot map ports; keepalived clears port ${port}`,
          });
          continue;
        }
        const realFamily = server.kind === "group" ? entryFamily(real.header?.wordValue(1) ?? "") : undefined;
        const other = ports.find((p) => p.port !== port && (server.kind !== "group" || p.family === realFamily));
        if (!other) continue;
        if (other.port === 0) {
          report({
            range: word.range,
            uri: real.uri,
            message: `the virtual server has no port (it takes every port), and with ${forwarding} forwarding keepalived resets this real server's port ${port} to 0`,
            related: [{ uri: server.uri, range: other.word.range, message: "the virtual server's address, without a port" }],
          });
          continue;
        }
        report({
          range: word.range,
          uri: real.uri,
          // For a group keepalived 2.2.7 only reports each entry's mismatch ("virtual server [G]:0:[10.0.0.1,80]
          // and real server … ports don't match"), without "resetting": the port stays as written, unused.
          message:
            server.kind === "group"
              ? `with ${forwarding} forwarding the real server receives packets for port ${other.port} of the group's entry unchanged, not on port ${port}; keepalived reports the mismatch`
              : `with ${forwarding} forwarding the real server receives packets for port ${other.port} unchanged; keepalived replaces port ${port} by ${other.port}`,
          ...(ports.length === 1 && server.kind === "address" ? { fix: { description: `use port ${other.port}`, edits: [{ start: word.range.start.offset, end: word.range.end.offset, newText: String(other.port) }] } } : {}),
          related: [{ uri: server.uri, range: other.word.range, message: "the virtual server's port" }],
        });
      }
      // A sorry_server on another port is reset the same way ("and sorry server ports don't match - resetting"); 0 is the virtual server's port.
      const forwarding = serverForwarding;
      if (ports === "fwmark" || ports.length !== 1 || !mapsNoPort(forwarding)) continue;
      const [{ port: wanted, word: wantedWord }] = ports as [{ port: number; word: Word }];
      for (const { statement, uri } of server.statements("sorry_server")) {
        const word = statement.args[1];
        const port = intOf(word);
        if (!word || port === undefined || port === 0 || port === wanted) continue;
        report({
          range: word.range,
          uri,
          message: `with ${forwarding} forwarding the sorry server receives packets for port ${wanted} unchanged; keepalived replaces port ${port} by ${wanted}`,
          fix: { description: `use port ${wanted}`, edits: [{ start: word.range.start.offset, end: word.range.end.offset, newText: String(wanted) }] },
          related: [{ uri: server.uri, range: wantedWord.range, message: "the virtual server's port" }],
        });
      }
    }
  },
};
