// RHEL's /etc/sysconfig/network-scripts/ifcfg-* (and route-*, /etc/sysconfig/network): shell
// assignments `KEY=value`, quoted or not. Addresses come from IPADDR/IPADDRn with PREFIX or NETMASK
// (n matching), IPV6ADDR and IPV6ADDR_SECONDARIES, a tunnel's MY_INNER_IPADDR (TYPE=IPIP); the default
// gateways from GATEWAY and IPV6_DEFAULTGW where DEFROUTE (IPV6_DEFROUTE) is not `no`; route-* files
// add `default via X` lines, and with rule-* files policy routing. The device is DEVICE, else the file name.
import { physicalLines, skip, wordRange, type Located, type SiteFile } from "../files.js";
import { baseDevice, maskToPrefix, withPrefix, type NetworkFacts } from "./network.js";
import { readRouteWords, readRuleWords, type RouteWord } from "./policy-routing.js";

export function shellAssignments(file: SiteFile): Map<string, Located<string>> {
  const values = new Map<string, Located<string>>();
  for (const line of physicalLines(file)) {
    const trimmed = line.text.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const match = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_]*)=(?:"([^"]*)"|'([^']*)'|([^\s#]*))\s*(?:#.*)?$/.exec(line.text);
    if (!match) {
      skip(file, line.start, line.start + line.text.length, "not a shell assignment");
      continue;
    }
    const value = match[3] ?? match[4] ?? match[5] ?? "";
    const quoted = match[3] !== undefined || match[4] !== undefined;
    const at = match[1]!.length + match[2]!.length + 1 + (quoted ? 1 : 0);
    values.set(match[2]!, { value, uri: file.uri, range: wordRange(file, line, at, value.length) });
  }
  return values;
}

export function readIfcfg(file: SiteFile, facts: NetworkFacts): void {
  const values = shellAssignments(file);
  const fromName = file.uri.slice(file.uri.lastIndexOf("/") + 1).replace(/^ifcfg-/, "");
  const device = baseDevice(values.get("DEVICE")?.value ?? decodeURIComponent(fromName));
  for (const [key, located] of values) {
    const indexed = /^IPADDR(\d*)$/.exec(key);
    if (indexed) {
      const n = indexed[1]!;
      const prefixText = values.get(`PREFIX${n}`)?.value ?? (n === "" ? values.get("PREFIX0")?.value : undefined);
      const mask = values.get(`NETMASK${n}`)?.value ?? (n === "" ? values.get("NETMASK0")?.value : undefined);
      const prefix = prefixText !== undefined ? Number(prefixText) : mask !== undefined ? maskToPrefix(mask) : undefined;
      const address = withPrefix(located.value, prefix);
      if (address) facts.addresses.push({ device, address, where: located });
      continue;
    }
    // ifup-tunnel gives a tunnel's own address as MY_INNER_IPADDR.
    if (key === "MY_INNER_IPADDR") {
      const address = withPrefix(located.value, undefined);
      if (address) facts.addresses.push({ device, address, where: located });
      continue;
    }
    if (key === "IPV6ADDR" || key === "IPV6ADDR_SECONDARIES") {
      // initscripts give an IPv6 address without a prefix length /64.
      for (const word of located.value.split(/\s+/).filter(Boolean)) {
        const address = withPrefix(word, 64);
        if (address) facts.addresses.push({ device, address, where: located });
      }
    }
  }
  const gateway = values.get("GATEWAY");
  if (gateway && values.get("DEFROUTE")?.value.toLowerCase() !== "no") facts.gateways.push(gateway);
  const v6 = ipv6Gateway(values);
  if (v6 && values.get("IPV6_DEFROUTE")?.value.toLowerCase() !== "no") facts.gateways.push(v6);
  const zone = values.get("ZONE");
  if (zone) facts.zones.push({ device, zone });
  const type = values.get("TYPE");
  if (type?.value.toLowerCase() === "dummy") facts.dummies.add(device);
  if (type?.value.toLowerCase() === "ipip") facts.tunnels.set(device, type);
}

/** `IPV6_DEFAULTGW=fe80::1%eth0`: the address without its zone. */
function ipv6Gateway(values: Map<string, Located<string>>): Located<string> | undefined {
  const located = values.get("IPV6_DEFAULTGW");
  if (!located || located.value === "") return undefined;
  const value = located.value.replace(/%.*$/, "");
  const start = located.range.start;
  return { ...located, value, range: { start, end: { offset: start.offset + value.length, line: start.line, column: start.column + value.length } } };
}

/** /etc/sysconfig/network: only the host-wide GATEWAY and IPV6_DEFAULTGW matter here. */
export function readSysconfigNetwork(file: SiteFile, facts: NetworkFacts): void {
  const values = shellAssignments(file);
  const gateway = values.get("GATEWAY");
  if (gateway) facts.gateways.push(gateway);
  const v6 = ipv6Gateway(values);
  if (v6) facts.gateways.push(v6);
}

/**
 * route-IF and route6-IF: `default via X [dev IF] [table T]` lines (another table than main is
 * policy routing), or ADDRESSn=0.0.0.0 with GATEWAYn; rule-IF and rule6-IF: `from X table T` lines.
 */
export function readRouteFile(file: SiteFile, facts: NetworkFacts): void {
  const lines = physicalLines(file);
  if (lines.some((line) => /^\s*[A-Z]+\d*=/.test(line.text))) {
    const values = shellAssignments(file);
    for (const [key, located] of values) {
      const n = /^ADDRESS(\d+)$/.exec(key)?.[1];
      if (n !== undefined && located.value === "0.0.0.0") {
        const gateway = values.get(`GATEWAY${n}`);
        if (gateway) facts.gateways.push(gateway);
      }
    }
    return;
  }
  const rules = /\/rule6?-[^/]*$/.test(file.uri);
  for (const line of lines) {
    const text = line.text.replace(/#.*$/, "");
    if (text.trim() === "") continue;
    const words: RouteWord[] = [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], at: { value: m[0], uri: file.uri, range: wordRange(file, line, m.index!, m[0].length) } }));
    const start = words[0]!.at.range.start.offset - line.start;
    const whole = { value: text.trim(), uri: file.uri, range: wordRange(file, line, start, text.trimEnd().length - start) };
    if (rules ? readRuleWords(words, facts, whole) : readRouteWords(words, facts)) continue;
    // Other routes (`10.0.0.0/8 via …`, `unreachable …`) are understood and do not matter here.
    if (rules || !/\svia\s|\sdev\s/.test(text)) skip(file, line.start, line.start + line.text.length, rules ? "not a rule with a table" : "not a route");
  }
}
