// HA079: a `bind` address that names a host instead of an IP address (`bind lb-vip:443`,
// `bind __VIRTUAL_IP__:80`). haproxy resolves it once, while it reads the configuration, and
// refuses to start where the name does not resolve (measured with haproxy 2.6.12: `'bind' : invalid
// address: 'lb-vip' in 'lb-vip:80'`); where it resolves, haproxy listens on whatever address the
// name had at that moment. `localhost` always resolves and is not reported.
import type { HaproxyRule } from "../../lint/rule.js";
import { badHost } from "./log-target.js";
import { isDynamic } from "./model.js";
import { parseAddressList, rangeInWord } from "./options.js";

export const bindHostname: HaproxyRule = {
  meta: {
    id: "HA079",
    alias: "bind-hostname",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a bind address names a host, which haproxy must resolve while reading the configuration",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    for (const placed of model.withKeyword("bind")) {
      const word = placed.statement.args[0];
      if (!word || isDynamic(word) || word.value.includes("$")) continue;
      for (const address of parseAddressList(word)) {
        // A zone (`fe80::1%eth0`) names an interface of an IPv6 address, not a host; a ':' left in the
        // host is a port that is no number (`*:HTTP_PORT`), HA004's error.
        if (address.kind !== "inet" || !address.hostname || address.loopback || address.host.includes("%") || address.host.includes(":")) continue;
        // What is no host name at all (`<VIP>`) is HA004's error.
        if (badHost(address.host)) continue;
        report({
          uri: placed.section.uri,
          range: rangeInWord(word, address.hostStart, address.hostEnd),
          message: `bind address '${word.value.slice(address.start, address.end)}' names the host '${address.host}': haproxy resolves it while reading the configuration and refuses to start where it does not resolve; bind the IP address itself`,
        });
      }
    }
  },
};
