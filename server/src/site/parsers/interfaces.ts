// Debian's /etc/network/interfaces (ifupdown): `iface NAME inet|inet6 static` stanzas with
// `address` (with /prefix or a `netmask` line) and `gateway`, and `up`/`post-up` commands of the
// form `ip addr add ADDR dev IF`, which is how a VIP is often put on `lo` for direct routing (or on
// `tunl0` for tunnelling: `mode ipip` and `ip link add NAME type ipip` declare tunnels).
import { physicalLines, skip, wordRange, type Located, type SiteFile } from "../files.js";
import { baseDevice, maskToPrefix, withPrefix, type NetworkFacts } from "./network.js";
import { readRouteWords, readRuleWords } from "./policy-routing.js";

const STANZAS = /^(auto|allow-\S+|iface|mapping|source|source-directory|no-auto-down|no-scripts|rename)$/;

export function readInterfaces(file: SiteFile, facts: NetworkFacts): void {
  let device: string | undefined;
  let pending: { located: Located<string>; device: string; prefixed: boolean } | undefined;
  const flush = (mask?: string) => {
    if (!pending) return;
    const address = withPrefix(pending.located.value, mask !== undefined ? maskToPrefix(mask) : undefined);
    if (address) facts.addresses.push({ device: pending.device, address, where: pending.located });
    pending = undefined;
  };
  for (const line of physicalLines(file)) {
    const text = line.text.replace(/#.*$/, "");
    const words = [...text.matchAll(/\S+/g)];
    if (words.length === 0) continue;
    const first = words[0]![0];
    const word = (i: number): Located<string> => ({ value: words[i]![0], uri: file.uri, range: wordRange(file, line, words[i]!.index!, words[i]![0].length) });
    if (STANZAS.test(first)) {
      if (first === "iface") {
        flush();
        device = words[1] ? baseDevice(words[1][0]) : undefined;
      }
      continue;
    }
    if (device === undefined) {
      skip(file, line.start, line.start + line.text.length, "option outside an iface stanza");
      continue;
    }
    if (first === "address" && words[1]) {
      flush();
      pending = { located: word(1), device, prefixed: words[1][0].includes("/") };
      if (pending.prefixed) flush();
    } else if (first === "netmask" && words[1]) flush(words[1][0]);
    else if (first === "gateway" && words[1]) facts.gateways.push(word(1));
    else if (first === "link-type" && words[1]?.[0] === "dummy") facts.dummies.add(device);
    else if (first === "mode" && words[1]?.[0] === "ipip") facts.tunnels.set(device, word(1));
    else if (/^(pre-up|up|post-up)$/.test(first)) {
      // `pre-up ip link add dummy0 type dummy`
      const link = words.findIndex((w, i) => w[0] === "add" && words[i - 1]?.[0] === "link");
      const named = words[link + 1]?.[0] === "name" ? link + 2 : link + 1;
      const type = words.findIndex((w, i) => i > 0 && words[i - 1]?.[0] === "type" && (w[0] === "dummy" || w[0] === "ipip"));
      if (link > 0 && type > 0 && words[named]) {
        if (words[type]![0] === "dummy") facts.dummies.add(baseDevice(words[named]![0]));
        else facts.tunnels.set(baseDevice(words[named]![0]), word(type));
      }
      // `up ip route add default via 10.0.0.1 table 100`, `up ip rule add from 10.0.0.5 table 100`
      const policy = words.findIndex((w, i) => i > 0 && w[0] === "add" && /^(route|rule|ro|ru)$/.test(words[i - 1]?.[0] ?? ""));
      if (policy > 0) {
        const rest = words.slice(policy + 1).map((w, i) => ({ text: w[0], at: word(policy + 1 + i) }));
        if (/^ru/.test(words[policy - 1]![0])) readRuleWords(rest, facts, { ...word(0), value: text.trim(), range: wordRange(file, line, words[0]!.index!, text.trimEnd().length - words[0]!.index!) });
        else readRouteWords(rest, facts);
        continue;
      }
      // `up ip addr add 10.0.0.100/32 dev lo label lo:0`
      const at = words.findIndex((w, i) => i > 0 && w[0] === "add" && /^(addr|address|a)$/.test(words[i - 1]?.[0] ?? ""));
      const devAt = words.findIndex((w) => w[0] === "dev");
      if (at > 0 && words[at + 1] && devAt > 0 && words[devAt + 1]) {
        const address = withPrefix(words[at + 1]![0], undefined);
        if (address) facts.addresses.push({ device: baseDevice(words[devAt + 1]![0]), address, where: word(at + 1) });
      }
    }
  }
  flush();
}
