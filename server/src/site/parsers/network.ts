// What a host's network files say about its addresses: one record per address with the interface
// it is on and the line it comes from, and the default gateway. The readers below fill it from
// RHEL ifcfg files, NetworkManager keyfiles and Debian's /etc/network/interfaces.
import { parseAddress, type Address } from "../../rules/keepalived/ip.js";
import type { Located } from "../files.js";
import type { PolicyRoute, PolicyRule } from "./policy-routing.js";

/** An address of a host, with its interface and the line it comes from. */
export interface InterfaceAddress {
  /** The interface as the kernel names it (`lo` for the alias `lo:0`). */
  readonly device: string;
  /** Address with its prefix (`/32` when the file gives none). */
  readonly address: Address;
  readonly where: Located<string>;
}

/** What a host's network files say: addresses, default gateways and firewalld zones of interfaces. */
export interface NetworkFacts {
  readonly addresses: InterfaceAddress[];
  readonly gateways: Located<string>[];
  /** firewalld zone named by the interface's own file (ifcfg `ZONE=`, keyfile `zone=`). */
  readonly zones: { device: string; zone: Located<string> }[];
  /** Interfaces declared as dummy devices (ifcfg `TYPE=Dummy`, keyfile `type=dummy`, `link-type dummy`). */
  readonly dummies: Set<string>;
  /**
   * IP-in-IP tunnel devices (ifcfg `TYPE=IPIP`, keyfile `ip-tunnel` with mode 1, ifupdown `mode ipip`
   * or `ip link add … type ipip`), each with the line that declares it; `tunl0` counts without one.
   */
  readonly tunnels: Map<string, Located<string>>;
  /** Default routes of tables other than main, and the rules that select tables (policy routing). */
  readonly policyRoutes: PolicyRoute[];
  readonly policyRules: PolicyRule[];
}

export function emptyFacts(): NetworkFacts {
  return { addresses: [], gateways: [], zones: [], dummies: new Set(), tunnels: new Map(), policyRoutes: [], policyRules: [] };
}

/** Whether a device is an IP-in-IP tunnel: `tunl0` (the ipip module's own device) or a declared one. */
export function isIpipTunnel(facts: NetworkFacts, device: string): boolean {
  return device === "tunl0" || facts.tunnels.has(device);
}

/**
 * Whether addresses on a device are not answered for on the wire by themselves: `lo`, a dummy, or an
 * IP-in-IP tunnel (a NOARP device; as for `lo`, only the ARP sysctls stop the NIC answering for them).
 */
export function isLoopbackLike(facts: NetworkFacts, device: string): boolean {
  return device === "lo" || /^dummy/.test(device) || facts.dummies.has(device) || isIpipTunnel(facts, device);
}

/** `255.255.255.0` → 24; undefined for a mask that is not contiguous. */
export function maskToPrefix(mask: string): number | undefined {
  const parsed = parseAddress(mask);
  if (!parsed || parsed.family !== 4) return undefined;
  let bits = 0;
  let ended = false;
  for (const byte of parsed.bytes) {
    for (let bit = 7; bit >= 0; bit--) {
      const on = (byte >> bit) & 1;
      if (on && ended) return undefined;
      if (on) bits++;
      else ended = true;
    }
  }
  return bits;
}

/** An address with a prefix: the one written, else the given one, else a host route. */
export function withPrefix(text: string, prefix: number | undefined): Address | undefined {
  const parsed = parseAddress(text);
  if (!parsed) return undefined;
  if (parsed.prefix !== undefined) return parsed;
  const bits = prefix ?? (parsed.family === 4 ? 32 : 128);
  return { ...parsed, prefix: bits, hasPrefix: true };
}

/** `eth0:1` → `eth0`: an alias is an address of its base interface. */
export function baseDevice(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(0, colon);
}
