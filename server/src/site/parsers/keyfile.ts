// NetworkManager keyfiles (/etc/NetworkManager/system-connections/*.nmconnection): an INI file whose
// [connection] names the interface (`interface-name`) and firewalld zone (`zone`), and whose
// [ipv4]/[ipv6] hold `addressN=ADDR/PREFIX[,GATEWAY]` and `gateway=`, and policy routing
// (`routeN` with `routeN_options=table=T`, `routing-ruleN`).
import { physicalLines, skip, wordRange, type Located, type SiteFile } from "../files.js";
import { withPrefix, type NetworkFacts } from "./network.js";
import { readRuleWords } from "./policy-routing.js";

export function readKeyfile(file: SiteFile, facts: NetworkFacts): void {
  let group = "";
  const values = new Map<string, Located<string>>();
  for (const line of physicalLines(file)) {
    const trimmed = line.text.trim();
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith(";")) continue;
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line.text);
    if (header) {
      group = header[1]!.trim();
      continue;
    }
    const match = /^(\s*)([^=]+?)\s*=\s*(.*?)\s*$/.exec(line.text);
    if (!match) {
      skip(file, line.start, line.start + line.text.length, "not a 'key=value' line");
      continue;
    }
    const value = match[3]!;
    const at = line.text.trimEnd().length - value.length;
    values.set(`${group}.${match[2]!}`, { value, uri: file.uri, range: wordRange(file, line, at, value.length) });
  }
  const device = values.get("connection.interface-name")?.value ?? file.uri.slice(file.uri.lastIndexOf("/") + 1).replace(/\.nmconnection$/, "");
  for (const [key, located] of values) {
    const match = /^(ipv4|ipv6)\.address(?:es)?\d*$/.exec(key);
    if (!match) continue;
    for (const part of located.value.split(";").filter(Boolean)) {
      const [addressText, gateway] = part.split(",");
      const address = withPrefix(addressText!.trim(), undefined);
      if (address) facts.addresses.push({ device, address, where: located });
      if (gateway?.trim()) facts.gateways.push({ ...located, value: gateway.trim() });
    }
  }
  readPolicyRouting(values, facts);
  for (const family of ["ipv4", "ipv6"]) {
    const gateway = values.get(`${family}.gateway`);
    if (gateway && values.get(`${family}.never-default`)?.value !== "true") facts.gateways.push(gateway);
  }
  const zone = values.get("connection.zone");
  if (zone) facts.zones.push({ device, zone });
  const type = values.get("connection.type");
  if (type?.value === "dummy") facts.dummies.add(device);
  // An ip-tunnel connection in mode 1 is IP-in-IP (NM_IP_TUNNEL_MODE_IPIP).
  const mode = values.get("ip-tunnel.mode");
  if (type?.value === "ip-tunnel" && (mode?.value === "1" || mode?.value === "ipip")) facts.tunnels.set(device, mode ?? type);
}

/** `routeN=0.0.0.0/0,GW` with `routeN_options=table=T`, and `routing-ruleN=priority P from X table T`. */
function readPolicyRouting(values: Map<string, Located<string>>, facts: NetworkFacts): void {
  for (const [key, located] of values) {
    const route = /^(ipv4|ipv6)\.route(\d+)$/.exec(key);
    if (route) {
      const [destination, gateway] = located.value.split(",").map((part) => part.trim());
      const table = /(?:^|,)\s*table=(\d+)/.exec(values.get(`${key}_options`)?.value ?? "")?.[1];
      if (gateway && table && (destination === "0.0.0.0/0" || destination === "::/0") && table !== "254") {
        facts.policyRoutes.push({ table, via: { ...located, value: gateway } });
      }
      continue;
    }
    if (/^(ipv4|ipv6)\.routing-rule\d+$/.test(key)) {
      const words = [...located.value.matchAll(/\S+/g)].map((m) => ({ text: m[0], at: located }));
      readRuleWords(words, facts, located);
    }
  }
}
