// Where things lie on a host that mirrors a machine's root, and how a file's kind is told from its
// path when a site file lists files for a host (an ansible role, `lb1.conf` and `lb2.conf`).
import { formatFromPath } from "../workspace/detect.js";
import type { FileKind } from "./files.js";

/** Single files, relative to a host's root. */
export const HOST_FILES: readonly { path: string; kind: FileKind }[] = [
  { path: "etc/keepalived/keepalived.conf", kind: "keepalived" },
  { path: "etc/haproxy/haproxy.cfg", kind: "haproxy" },
  { path: "etc/firewalld/direct.xml", kind: "firewalld-direct" },
  { path: "etc/firewalld/firewalld.conf", kind: "firewalld-conf" },
  { path: "etc/sysconfig/iptables", kind: "iptables" },
  { path: "etc/sysconfig/ip6tables", kind: "ip6tables" },
  { path: "etc/iptables/rules.v4", kind: "iptables" },
  { path: "etc/iptables/rules.v6", kind: "ip6tables" },
  { path: "etc/nftables.conf", kind: "nftables" },
  { path: "etc/sysconfig/nftables.conf", kind: "nftables" },
  { path: "etc/sysconfig/arptables", kind: "arptables" },
  { path: "etc/sysconfig/network", kind: "route" },
  { path: "etc/network/interfaces", kind: "interfaces" },
  { path: "etc/modules", kind: "modules" },
];

/** Directories whose files are read, each file of a kind (a name test picks which). */
export const HOST_DIRECTORIES: readonly { path: string; kind: FileKind; name: RegExp }[] = [
  { path: "usr/lib/sysctl.d", kind: "sysctl", name: /\.conf$/ },
  { path: "run/sysctl.d", kind: "sysctl", name: /\.conf$/ },
  { path: "etc/sysctl.d", kind: "sysctl", name: /\.conf$/ },
  { path: "etc/firewalld/zones", kind: "firewalld-zone", name: /\.xml$/ },
  { path: "etc/sysconfig/network-scripts", kind: "ifcfg", name: /^ifcfg-/ },
  { path: "etc/sysconfig/network-scripts", kind: "route", name: /^(route6?|rule6?)-/ },
  { path: "etc/NetworkManager/system-connections", kind: "nm-keyfile", name: /\.nmconnection$/ },
  { path: "etc/network/interfaces.d", kind: "interfaces", name: /^[A-Za-z0-9_-]+$/ },
  { path: "usr/lib/modules-load.d", kind: "modules", name: /\.conf$/ },
  { path: "run/modules-load.d", kind: "modules", name: /\.conf$/ },
  { path: "etc/modules-load.d", kind: "modules", name: /\.conf$/ },
  { path: "etc/sysconfig/modules", kind: "modules", name: /\.modules$/ },
];

/** Read after every sysctl.d file, as sysctl --system does. */
export const SYSCTL_CONF = "etc/sysctl.conf";

/** Paths under `etc/` whose presence makes a directory a host root. */
export const HOST_MARKERS: readonly string[] = ["keepalived", "haproxy", "sysctl.conf", "sysctl.d", "firewalld", "sysconfig", "nftables.conf", "network", "NetworkManager", "iptables"];

/** The kind of a file named in a site file, from its path; undefined when the path says nothing. */
export function kindFromPath(path: string): FileKind | undefined {
  const lower = path.toLowerCase();
  const name = lower.slice(lower.lastIndexOf("/") + 1);
  if (name.startsWith("ifcfg-")) return "ifcfg";
  if (/^(route6?|rule6?)-/.test(name)) return "route";
  if (name.endsWith(".nmconnection")) return "nm-keyfile";
  if (lower.includes("sysctl")) return "sysctl";
  if (name === "direct.xml") return "firewalld-direct";
  if (lower.includes("firewalld") && name.endsWith(".xml")) return "firewalld-zone";
  if (name === "arptables" || name.startsWith("arptables")) return "arptables";
  if (name === "ip6tables" || name === "rules.v6") return "ip6tables";
  if (name === "iptables" || name === "rules.v4" || name.endsWith(".iptables")) return "iptables";
  if (name.includes("nftables") || name.endsWith(".nft")) return "nftables";
  if (name === "interfaces") return "interfaces";
  if (lower.includes("modules-load.d/") || name.endsWith(".modules") || name === "modules") return "modules";
  return formatFromPath(path);
}
