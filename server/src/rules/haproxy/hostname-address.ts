// HA079: an address that haproxy resolves once, while it reads the configuration, names a host
// instead of giving an IP address: a `bind` (`bind lb-vip:443`, `bind __VIRTUAL_IP__:80`), a `log`
// target, a peer, a resolvers `nameserver` or a `mailer`. Measured with haproxy 2.6.12: where the
// name does not resolve, each is refused (`'bind' : invalid address: 'lb-vip' in 'lb-vip:80'`, and
// the same for `log`, `peer`, `nameserver` and `mailer`); where it resolves, haproxy keeps the
// address the name had at that moment. `localhost` always resolves and is not reported. (Servers,
// resolved at startup with fallbacks of their own, are HA044's.)
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { isIpv4 } from "../../facts/shapes.js";
import { badHost } from "./log-target.js";
import { isDynamic, type Placed } from "./model.js";
import { parseAddressList, rangeInWord } from "./options.js";

/** The address word of a line that haproxy resolves while reading it, by keyword, and what the line is. */
const ADDRESS_OF: Readonly<Record<string, (placed: Placed) => Word | undefined>> = {
  bind: ({ statement }) => statement.args[0],
  "dgram-bind": ({ statement }) => statement.args[0],
  // `log global`, `log stdout …` and sockets name no host; parseAddressList leaves sockets out.
  log: ({ statement }) => (statement.wordIs(1, "global") || statement.wordIs(1, "stdout") || statement.wordIs(1, "stderr") ? undefined : statement.args[0]),
  peer: ({ statement, section }) => (section.type === "peers" ? statement.args[1] : undefined),
  server: ({ statement, section }) => (section.type === "peers" ? statement.args[1] : undefined),
  nameserver: ({ statement, section }) => (section.type === "resolvers" ? statement.args[1] : undefined),
  mailer: ({ statement, section }) => (section.type === "mailers" ? statement.args[1] : undefined),
};

/**
 * The IPv4 address libc makes of a dotted number that is not four decimal parts (inet_aton's rules):
 * each part is decimal, or octal after a leading 0, and the last part fills the bytes left. Measured with haproxy 2.6.12: `bind 0.0:80` listens on 0.0.0.0, `bind 127.010:80`
 * on 127.0.0.8. Undefined when libc would not read it as an address.
 */
export function libcIpv4(text: string): string | undefined {
  const parts = text.split(".");
  if (parts.length > 4) return undefined;
  const values: number[] = [];
  for (const part of parts) {
    const value = /^0[0-7]*$/.test(part) ? parseInt(part, 8) : /^[1-9]\d*$/.test(part) ? Number(part) : NaN;
    if (!Number.isFinite(value)) return undefined;
    values.push(value);
  }
  const last = values.pop()!;
  if (values.some((value) => value > 255) || last >= 256 ** (4 - values.length)) return undefined;
  const bytes = [...values];
  for (let shift = 4 - values.length - 1; shift >= 0; shift--) bytes.push(Math.floor(last / 256 ** shift) % 256);
  return bytes.join(".");
}

function what(statement: Statement): string {
  const keyword = statement.keyword.value;
  return keyword === "bind" || keyword === "dgram-bind" ? `${keyword} address` : keyword === "log" ? "log target" : `${keyword} address`;
}

function readAs(host: string): string {
  const ip = libcIpv4(host);
  return ip ? ` as ${ip}` : "";
}

export const hostnameAddress: HaproxyRule = {
  meta: {
    id: "HA079",
    alias: "hostname-address",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a bind, log, peer, nameserver or mailer address names a host, which haproxy must resolve while reading the configuration",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    for (const [keyword, addressOf] of Object.entries(ADDRESS_OF)) {
      for (const placed of model.withKeyword(keyword)) {
        const word = addressOf(placed);
        if (!word || isDynamic(word) || word.value.includes("$")) continue;
        for (const address of parseAddressList(word)) {
          // A zone (`fe80::1%eth0`) names an interface of an IPv6 address, not a host; a ':' left in
          // the host is a port that is no number (`*:HTTP_PORT`), and what is no host name at all
          // (`<VIP>`) is HA004's error.
          // An IPv4 address under an IPv6 family (`ipv6@10.0.0.1:80`) is no host name either: HA004 reports the family.
          if (address.kind !== "inet" || !address.hostname || address.loopback || address.host.includes("%") || address.host.includes(":") || badHost(address.host) || isIpv4(address.host)) continue;
          // `log STDOUT`: a capitalised stdout or stderr is HA004's error
          if (keyword === "log" && /^std(?:out|err)$/i.test(address.host)) continue;
          report({
            uri: placed.section.uri,
            range: rangeInWord(word, address.hostStart, address.hostEnd),
            message: /^[\d.]+$/.test(address.host)
              ? // `127.000.000.001`, `127.1`: libc reads them (a part with a leading 0 in octal: `010` is 8)
                `${what(placed.statement)} '${word.value.slice(address.start, address.end)}' is not written as an IPv4 address: haproxy has libc read '${address.host}'${readAs(address.host)}, which takes a part with a leading 0 as octal (010 is 8) and fills missing parts; write the four parts in decimal`
              : `${what(placed.statement)} '${word.value.slice(address.start, address.end)}' names the host '${address.host}': haproxy resolves it while reading the configuration and refuses to start where it does not resolve; write the IP address itself`,
          });
        }
      }
    }
  },
};
