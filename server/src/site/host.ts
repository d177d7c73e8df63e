// One machine of a site: its daemon configurations as they will be read there (the effective
// keepalived configuration for its config id), its addresses and gateways, its sysctl settings
// (the last file sysctl reads wins), its firewall and its ARP rules. Every value keeps the file and
// line it comes from, so that findings and evidence point at them.
import { parseAddress, type Address } from "../rules/keepalived/ip.js";
import type { HaproxyModel } from "../rules/haproxy/model.js";
import type { LoadedConfig } from "../workspace/loader.js";
import type { EffectiveKeepalived } from "./effective.js";
import type { Located, SiteFile } from "./files.js";
import type { HostFirewall } from "./firewall/host-firewall.js";
import { emptyFacts, type InterfaceAddress, type NetworkFacts } from "./parsers/network.js";
import type { SysctlEntry } from "./parsers/sysctl.js";

/** A host's keepalived configuration as loaded, and as the daemon there reads it. */
export interface HostKeepalived {
  readonly loaded: LoadedConfig;
  readonly effective: EffectiveKeepalived;
}

/** A host's haproxy configuration and the model its rules read. */
export interface HostHaproxy {
  readonly loaded: LoadedConfig;
  readonly model: HaproxyModel;
}

/** A sysctl value as the kernel ends up with it, and the line that set it (none: the kernel's default). */
export interface SysctlValue {
  readonly value: number | undefined;
  readonly text: string;
  readonly where: SysctlEntry | undefined;
}

/** The kernel's defaults for the keys the checks read. */
const KERNEL_DEFAULTS: Readonly<Record<string, string>> = {
  "net.ipv4.ip_forward": "0",
  "net.ipv4.ip_nonlocal_bind": "0",
  "net.ipv6.ip_nonlocal_bind": "0",
};

/** One machine of a site: its daemons, addresses, sysctl settings, firewall and ARP rules. */
export class Host {
  keepalived: HostKeepalived | undefined;
  haproxy: HostHaproxy | undefined;
  readonly files: SiteFile[] = [];
  readonly network: NetworkFacts = emptyFacts();
  /** Whether any network file was found: without one, "not an address of this host" cannot be said. */
  hasNetworkFiles = false;
  hasSysctlFiles = false;
  readonly sysctl = new Map<string, SysctlEntry>();
  /** The firewall that runs: firewalld when configured, else iptables, else nftables. */
  firewall: HostFirewall | undefined;
  /** Every firewall configuration found, the running one first (marks may be set by any of them). */
  readonly firewalls: HostFirewall[] = [];
  /** Addresses whose ARP requests arptables drops. */
  readonly arpDrops: Located<string>[] = [];
  /** Kernel modules loaded at boot (modules-load.d, /etc/modules, sysconfig/modules). */
  readonly modules: Located<string>[] = [];
  hasModuleFiles = false;
  /** Addresses given for the host in the site file (`addresses`), used like network files. */
  readonly declaredAddresses: Address[] = [];

  constructor(
    readonly name: string,
    /** The directory that mirrors the host's root, when the site has that layout. */
    readonly root: string | undefined,
    readonly configId: string,
  ) {}

  /** Applies sysctl files in the order sysctl reads them: a later line wins. */
  applySysctl(entries: readonly SysctlEntry[]): void {
    this.hasSysctlFiles = true;
    for (const entry of entries) this.sysctl.set(entry.key, entry);
  }

  sysctlValue(key: string): SysctlValue {
    const entry = this.sysctl.get(key);
    const text = entry?.value.value ?? KERNEL_DEFAULTS[key] ?? "0";
    const value = /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
    return { value, text, where: entry };
  }

  /**
   * `arp_ignore`/`arp_announce` for an interface: the kernel uses the larger of `all` and the
   * interface's own value. Returns the value and the line that set it.
   */
  arpSetting(device: string, name: "arp_ignore" | "arp_announce"): SysctlValue {
    const all = this.sysctlValue(`net.ipv4.conf.all.${name}`);
    const own = this.sysctlValue(`net.ipv4.conf.${device}.${name}`);
    return (own.value ?? 0) > (all.value ?? 0) ? own : all;
  }

  /** Whether the host's addresses are known at all (network files or declared addresses). */
  get knowsAddresses(): boolean {
    return this.hasNetworkFiles || this.declaredAddresses.length > 0;
  }

  /** The interface address equal to `address`, if the host has it. */
  owns(address: string): InterfaceAddress | undefined {
    const parsed = parseAddress(address);
    if (!parsed) return undefined;
    return this.network.addresses.find((a) => a.address.address === parsed.address);
  }

  ownsAddress(address: string): boolean {
    const parsed = parseAddress(address);
    if (!parsed) return false;
    return this.owns(address) !== undefined || this.declaredAddresses.some((a) => a.address === parsed.address);
  }

  /** The addresses on a device (`lo`, `eth0`). */
  addressesOn(device: string): InterfaceAddress[] {
    return this.network.addresses.filter((a) => a.device === device);
  }

  /** The device an address is on, if the host has it. */
  deviceOf(address: string): string | undefined {
    return this.owns(address)?.device;
  }
}
