// HA031: `timeout X 0`. haproxy reads 0 as "not set", which is rarely what the author meant:
//   - client, server, connect: no timeout at all (connections may stay forever), and haproxy warns
//     about missing timeouts;
//   - the others fall back to another timeout: tunnel → client/server, http-request → client,
//     http-keep-alive → http-request, queue and tarpit → connect, check → inter, client-fin →
//     client, server-fin → server. So `timeout tunnel 0` does not make tunnels last forever.
import type { HaproxyRule } from "../../lint/rule.js";
import { parseTime, span } from "./model.js";

const FALLBACK: Readonly<Record<string, string>> = {
  tunnel: "'timeout client' and 'timeout server' apply instead",
  "http-request": "'timeout client' applies instead",
  "http-keep-alive": "'timeout http-request' applies instead",
  queue: "'timeout connect' applies instead",
  tarpit: "'timeout connect' applies instead",
  check: "the server's 'inter' applies instead",
  "client-fin": "'timeout client' applies instead",
  "server-fin": "'timeout server' applies instead",
};

export const timeoutZero: HaproxyRule = {
  meta: {
    id: "HA031",
    alias: "timeout-zero",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a timeout set to 0, which haproxy reads as not set rather than as infinite",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    for (const section of model.sectionsOfType("defaults", "frontend", "backend", "listen")) {
      for (const statement of model.keywordIn(section, "timeout")) {
        const name = statement.args[0]?.value;
        const value = statement.args[1];
        if (name === undefined || !value || parseTime(value.value)?.ms !== 0) continue;
        const fallback = FALLBACK[name];
        report({
          range: span(statement.args[0]!.range, value.range),
          uri: section.uri,
          message: fallback
            ? `'timeout ${name} ${value.value}' does not disable the timeout: 0 means not set, so ${fallback}`
            : `'timeout ${name} ${value.value}' means no timeout at all: connections may stay open forever (haproxy warns about missing timeouts); set a real value`,
        });
      }
    }
  },
};
