// HA044: a server addressed by host name that haproxy must resolve at startup with nothing to fall
// back on. Measured with haproxy 2.6 (h15b): `server s app.internal:80` with a name that does not
// resolve stops haproxy (`could not resolve address`, `Failed to initialize server(s) addr.`).
// `resolvers X` alone lets it start with the server disabled, and so does an `init-addr` list that
// holds `none` or an IP address. An `init-addr` list without them (`libc`, `last,libc`) refuses to
// start even with `resolvers`, because it replaces the default. Single-label names (`web:80`, as in
// Docker networks) are names too; `localhost` always resolves.
import { isPlainIpv4AndPort } from "../../facts/shapes.js";
import type { Fix, HaproxyRule } from "../../lint/rule.js";
import { isDynamic } from "./model.js";
import { isIpv4, isOptionInAddressPlace, parseAddress, rangeInWord, serverAddressText, serverAddressWord, serverOptions } from "./options.js";
import { effectiveServerOptions, serverLines } from "./proxy-settings.js";

/** `10.0.0.1:80`, a plain word that `parseAddress` reads as an IPv4 address, not a name. */
const IPV4_AND_PORT = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}:\d+$/;

/** Whether an `init-addr` list lets haproxy start when the name does not resolve. */
function canStartUnresolved(methods: string): boolean {
  return methods.split(",").some((method) => method === "none" || isIpv4(method) || method.includes(":"));
}

export const serverHostnameWithoutResolvers: HaproxyRule = {
  meta: {
    id: "HA044",
    alias: "server-hostname-without-resolvers",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a server is addressed by a host name that haproxy must resolve at startup, with nothing to fall back on",
    fixable: false,
    native: "partly",
    // Editors offer to let haproxy start without the address (`init-addr …,none`): a choice between
    // that and `resolvers`, which needs a section, so never applied by --fix.
  },
  check({ model, report }) {
    for (const section of model.sectionsOfType("backend", "listen")) {
      for (const server of serverLines(model, section)) {
        // Most servers are written with an IPv4 address and a port: no name to resolve (and no word to make).
        const text = serverAddressText(server);
        if (text === undefined || isPlainIpv4AndPort(text) || IPV4_AND_PORT.test(text)) continue;
        const word = serverAddressWord(server)!;
        if (isDynamic(word) || word.value.includes("$")) continue;
        const address = parseAddress(word.value);
        if (address.kind !== "inet" || !address.hostname || address.host.toLowerCase() === "localhost") continue;
        // Digits and dots only (`10.0.0.256`): a mistyped IPv4 address, which HA004 reports, not a name.
        if (/^[\d.]+$/.test(address.host)) continue;
        // An option where the address should be (`server s check`): HA004 says so; it is no host name.
        if (isOptionInAddressPlace(word.value)) continue;
        const options = effectiveServerOptions(model, section, server);
        const initAddr = options.get("init-addr")?.value?.value;
        const name = server.args[0]?.value ?? "";
        let message: string;
        let suggestion: Fix | undefined;
        if (initAddr !== undefined) {
          if (canStartUnresolved(initAddr)) continue;
          message = `'init-addr ${initAddr}' leaves no way to start when '${address.host}' does not resolve: add ',none' or an IP address to the list`;
          // Only a list written on this line is changed: one inherited from a default-server stands for other servers too.
          const own = serverOptions(server).find((option) => option.name === "init-addr")?.value;
          if (own && !isDynamic(own)) suggestion = { description: `add 'none' to the init-addr list`, edits: [{ start: own.range.end.offset, end: own.range.end.offset, newText: ",none" }] };
        } else {
          if (options.has("resolvers")) continue;
          message = `server '${name}' names the host '${address.host}': haproxy resolves it once at startup and refuses to start if that fails; add 'resolvers' or 'init-addr last,libc,none'`;
          const end = (server.args.at(-1) ?? server.keyword).range.end.offset;
          suggestion = { description: "add 'init-addr last,libc,none' (start with the server down when the name does not resolve)", edits: [{ start: end, end, newText: " init-addr last,libc,none" }] };
        }
        report({ uri: section.uri, range: rangeInWord(word, address.hostStart, address.hostEnd), message, ...(suggestion ? { suggestions: [suggestion] } : {}) });
      }
    }
  },
};
