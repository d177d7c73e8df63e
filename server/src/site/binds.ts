// The addresses and ports a host's haproxy binds, with the options that let it bind an address the
// host does not have yet (`transparent`, `freebind`) and the exact place of each address.
import { bindOptions, parseAddressList, rangeInWord } from "../rules/haproxy/options.js";
import { parseAddress } from "../rules/keepalived/ip.js";
import type { Host } from "./host.js";
import type { Place } from "./model.js";

export interface Bind {
  /** Canonical address, undefined for a wildcard. */
  readonly address: string | undefined;
  readonly family: 4 | 6;
  readonly port: number | undefined;
  /** `udp` for datagram sockets (QUIC, `udp@`), `tcp` otherwise. */
  readonly proto: "tcp" | "udp";
  readonly loopback: boolean;
  readonly nonlocal: boolean;
  readonly where: Place;
  readonly proxy: string;
}

export function haproxyBinds(host: Host): Bind[] {
  const model = host.haproxy?.model;
  if (!model) return [];
  const binds: Bind[] = [];
  for (const section of model.sectionsOfType("frontend", "listen")) {
    for (const statement of section.statements) {
      if (statement.keyword.value !== "bind" || !statement.args[0]) continue;
      const options = new Set(bindOptions(statement).map((o) => o.name));
      const nonlocal = options.has("transparent") || options.has("freebind");
      for (const socket of parseAddressList(statement.args[0])) {
        if (socket.kind !== "inet" || socket.hostname) continue;
        const parsed = socket.wildcard ? undefined : parseAddress(socket.host);
        if (!socket.wildcard && !parsed) continue;
        binds.push({
          address: parsed?.address,
          family: parsed?.family ?? socket.family ?? 4,
          port: socket.portFrom,
          proto: socket.transport === "dgram" ? "udp" : "tcp",
          loopback: socket.loopback,
          nonlocal,
          // A wildcard (`:80`) has no host part: the whole address is the place.
          where: { uri: section.uri, range: socket.hostEnd > socket.hostStart ? rangeInWord(statement.args[0], socket.hostStart, socket.hostEnd) : rangeInWord(statement.args[0], socket.start, socket.end) },
          proxy: `${section.type} ${section.name ?? ""}`.trim(),
        });
      }
    }
  }
  return binds;
}
