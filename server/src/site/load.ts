// Reads a site through a FileSystem: finds its hosts (directories that mirror a machine's root, or
// the hosts a site file lists), reads and parses every file each host has, and builds the hosts.
// With no host information at all, keepalived files given together become one host each, so that
// they are still compared as peers. Nothing here throws for a problem inside a file: each file gets
// a parse status instead.
import { jsonSyntaxError } from "../workspace/json-position.js";
import { checkSiteConfig, SiteConfigError, type SiteConfigFile } from "./site-config.js";
import { describeFsError } from "../workspace/read-file.js";
import { parseAddress } from "../rules/keepalived/ip.js";
import { HaproxyModel } from "../rules/haproxy/model.js";
import type { Targets } from "../lint/rule.js";
import { DEFAULT_TARGETS } from "../lint/config.js";
import type { FileSystem } from "../workspace/fs.js";
import { formatFromContent } from "../workspace/detect.js";
import { loadConfig } from "../workspace/loader.js";
import { basenameUri, resolveUri } from "../workspace/uri.js";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import { effectiveKeepalived } from "./effective.js";
import { siteFile, type FileKind, type Located, type SiteFile } from "./files.js";
import { firewalldFirewall, iptablesFirewall, nftablesFirewall, type HostFirewall } from "./firewall/host-firewall.js";
import { Host } from "./host.js";
import { HOST_DIRECTORIES, HOST_FILES, HOST_MARKERS, kindFromPath, SYSCTL_CONF } from "./layout.js";
import { SiteModel, type Segment } from "./model.js";
import { parseArptables } from "./parsers/arptables.js";
import { parseZone, readDirect, type DirectRule, type Zone } from "./parsers/firewalld.js";
import { readIfcfg, readRouteFile, readSysconfigNetwork, shellAssignments } from "./parsers/ifcfg.js";
import { readInterfaces } from "./parsers/interfaces.js";
import { parseIptablesSave, type Tables } from "./parsers/iptables.js";
import { readKeyfile } from "./parsers/keyfile.js";
import { parseNftables } from "./parsers/nftables.js";
import { readModules } from "./parsers/modules.js";
import { parseSysctl } from "./parsers/sysctl.js";

/** The name of the optional site file at the top of a site directory. */
export const SITE_FILE = "lblint.site.json";

/** lblint.site.json: hosts for layouts that do not mirror a root, and segments. */
export { SiteConfigError, type SiteConfigFile } from "./site-config.js";

/** Options of `loadSite`: the daemon versions to check against. */
export interface SiteOptions {
  readonly targets?: Targets;
}

async function isDirectory(fs: FileSystem, uri: string): Promise<boolean> {
  return (await fs.stat(uri))?.type === "directory";
}

async function list(fs: FileSystem, uri: string): Promise<string[]> {
  return (await fs.readDirectory(uri).catch(() => [] as string[])).sort();
}

const child = (dir: string, name: string) => resolveUri(dir.endsWith("/") ? dir : dir + "/", name);

/** Whether a directory mirrors a machine's root (has an `etc/` with a file lblint reads). */
export async function isHostRoot(fs: FileSystem, uri: string): Promise<boolean> {
  const etc = child(uri, "etc");
  if (!(await isDirectory(fs, etc))) return false;
  const names = new Set(await list(fs, etc));
  return HOST_MARKERS.some((marker) => names.has(marker));
}

/** Whether a directory is a site: it has a site file, or at least one subdirectory is a host root. */
export async function isSite(fs: FileSystem, uri: string): Promise<boolean> {
  if ((await fs.stat(child(uri, SITE_FILE)))?.type === "file") return true;
  if (!(await isDirectory(fs, uri))) return false;
  for (const name of await list(fs, uri)) if (await isHostRoot(fs, child(uri, name))) return true;
  return false;
}

/** The files a host root holds, in the order they are read (sysctl order matters). */
async function hostRootFiles(fs: FileSystem, root: string): Promise<{ uri: string; kind: FileKind }[]> {
  const found: { uri: string; kind: FileKind }[] = [];
  const sysctl = new Map<string, string>();
  for (const dir of HOST_DIRECTORIES) {
    for (const name of await list(fs, child(root, dir.path))) {
      if (!dir.name.test(name)) continue;
      const uri = child(child(root, dir.path), name);
      // A sysctl.d file in /etc hides one of the same name in /run or /usr/lib.
      if (dir.kind === "sysctl") sysctl.set(name, uri);
      else found.push({ uri, kind: dir.kind });
    }
  }
  for (const name of [...sysctl.keys()].sort()) found.push({ uri: sysctl.get(name)!, kind: "sysctl" });
  const conf = child(root, SYSCTL_CONF);
  if ((await fs.stat(conf))?.type === "file") found.push({ uri: conf, kind: "sysctl" });
  for (const file of HOST_FILES) {
    const uri = child(root, file.path);
    if ((await fs.stat(uri))?.type === "file") found.push({ uri, kind: file.kind });
  }
  return found;
}

/** A listed file whose name does not tell (`files/lb1.conf`): keepalived or haproxy by what it holds. */
async function kindFromContent(fs: FileSystem, uri: string): Promise<FileKind | undefined> {
  const text = await fs.readFile(uri).catch(() => undefined);
  return text === undefined ? undefined : formatFromContent(text);
}

/** Reads one host's files into the host. */
async function fillHost(fs: FileSystem, host: Host, files: readonly { uri: string; kind: FileKind }[], targets: Targets, siteFiles: SiteFile[]): Promise<void> {
  const zones = new Map<string, Zone>();
  const direct: DirectRule[] = [];
  let directRoot: Located<string> | undefined;
  let defaultZone: Located<string> | undefined;
  let firewalld = false;
  const tables: { v4?: Tables; v6?: Tables } = {};
  let nft: HostFirewall | undefined;
  for (const { uri, kind } of files) {
    if (kind === "keepalived" || kind === "haproxy") {
      const loaded = await loadConfig(fs, uri, kind).catch(() => undefined);
      if (!loaded) continue;
      if (kind === "keepalived") host.keepalived = { loaded, effective: effectiveKeepalived(loaded, host.configId, targets.keepalived) };
      else {
        const inputs = [...loaded.files.values()].map((file) => ({ uri: file.uri, parse: file.parse as HaproxyParseResult }));
        host.haproxy = { loaded, model: new HaproxyModel(inputs, targets.haproxy) };
      }
      continue;
    }
    let text: string;
    try {
      text = await fs.readFile(uri);
    } catch {
      continue;
    }
    const file = siteFile(uri, kind, text);
    host.files.push(file);
    siteFiles.push(file);
    switch (kind) {
      case "sysctl":
        host.applySysctl(parseSysctl(file));
        break;
      case "ifcfg":
        host.hasNetworkFiles = true;
        readIfcfg(file, host.network);
        break;
      case "route":
        if (basenameUri(uri) === "network") readSysconfigNetwork(file, host.network);
        else readRouteFile(file, host.network);
        break;
      case "nm-keyfile":
        host.hasNetworkFiles = true;
        readKeyfile(file, host.network);
        break;
      case "interfaces":
        host.hasNetworkFiles = true;
        readInterfaces(file, host.network);
        break;
      case "firewalld-zone": {
        firewalld = true;
        const zone = parseZone(file);
        if (zone) zones.set(zone.name, zone);
        break;
      }
      case "firewalld-direct":
        firewalld = true;
        {
          const read = readDirect(file);
          direct.push(...read.rules);
          directRoot ??= read.root;
        }
        break;
      case "firewalld-conf":
        firewalld = true;
        defaultZone = shellAssignments(file).get("DefaultZone");
        break;
      case "iptables":
        tables.v4 = parseIptablesSave(file);
        break;
      case "ip6tables":
        tables.v6 = parseIptablesSave(file);
        break;
      case "nftables":
        nft ??= nftablesFirewall(parseNftables(file));
        break;
      case "arptables":
        host.arpDrops.push(...parseArptables(file));
        break;
      case "modules":
        host.hasModuleFiles = true;
        host.modules.push(...readModules(file));
        break;
    }
  }
  // firewalld, when configured, is the firewall that runs; iptables-services next, then nftables.
  const interfaceZones = new Map(host.network.zones.map((z) => [z.device, z.zone]));
  if (firewalld) host.firewalls.push(firewalldFirewall({ zones, direct, directRoot, defaultZone, interfaceZones }));
  if (tables.v4 || tables.v6) host.firewalls.push(iptablesFirewall(tables.v4, tables.v6));
  if (nft) host.firewalls.push(nft);
  host.firewall = host.firewalls[0];
}

function configIdOf(name: string): string {
  // keepalived's default config id is the host name up to the first dot.
  return name.split(".")[0]!;
}

async function readSiteConfig(fs: FileSystem, root: string): Promise<SiteConfigFile> {
  const uri = child(root, SITE_FILE);
  if ((await fs.stat(uri))?.type !== "file") return {};
  let text: string;
  try {
    text = await fs.readFile(uri);
  } catch (error) {
    throw new SiteConfigError(`${uri}: cannot read the site file: ${describeFsError(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const { detail, at } = jsonSyntaxError(text, error as Error);
    throw new SiteConfigError(`${uri}${at ? `:${at.line}:${at.column}` : ""}: not valid JSON: ${detail}`);
  }
  return checkSiteConfig(parsed, text, uri);
}

/** Reads a site directory: every host under it, and the site file's hosts and segments. */
export async function loadSite(fs: FileSystem, root: string, options: SiteOptions = {}): Promise<SiteModel> {
  const targets = options.targets ?? DEFAULT_TARGETS;
  const config = await readSiteConfig(fs, root);
  const hosts: Host[] = [];
  const files: SiteFile[] = [];
  const declared = config.hosts ?? {};
  for (const name of await list(fs, root)) {
    const dir = child(root, name);
    if (declared[name]?.files || !(await isHostRoot(fs, dir))) continue;
    const host = new Host(name, dir, declared[name]?.configId ?? configIdOf(name));
    await fillHost(fs, host, await hostRootFiles(fs, dir), targets, files);
    hosts.push(host);
  }
  for (const [name, entry] of Object.entries(declared)) {
    let host = hosts.find((h) => h.name === name);
    if (!host) {
      const dir = entry.root !== undefined ? child(root, entry.root) : undefined;
      host = new Host(name, dir, entry.configId ?? configIdOf(name));
      const listed = await Promise.all((entry.files ?? []).map(async (path) => ({ uri: child(root, path), kind: kindFromPath(path) ?? (await kindFromContent(fs, child(root, path))) })));
      const unknown = listed.find((f) => f.kind === undefined);
      if (unknown) throw new SiteConfigError(`${child(root, SITE_FILE)}: cannot tell what kind of file '${unknown.uri}' is`);
      const fromRoot = dir ? await hostRootFiles(fs, dir) : [];
      await fillHost(fs, host, [...fromRoot, ...(listed as { uri: string; kind: FileKind }[])], targets, files);
      hosts.push(host);
    }
    for (const text of entry.addresses ?? []) {
      const address = parseAddress(text);
      if (address) host.declaredAddresses.push(address);
    }
  }
  const segments: Segment[] = (config.segments ?? []).map((s) => ({ name: s.name, hosts: new Set(s.hosts ?? []), networks: (s.networks ?? []).flatMap((n) => parseAddress(n) ?? []) }));
  return new SiteModel(root, hosts, files, segments, targets);
}

/** Keepalived (and haproxy) files with no host information: one host per keepalived file. */
export async function loadLooseSite(fs: FileSystem, uris: readonly string[], options: SiteOptions = {}): Promise<SiteModel> {
  const targets = options.targets ?? DEFAULT_TARGETS;
  const hosts: Host[] = [];
  const files: SiteFile[] = [];
  for (const uri of uris) {
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1));
    const host = new Host(name, undefined, configIdOf(name));
    await fillHost(fs, host, [{ uri, kind: "keepalived" }], targets, files);
    if (host.keepalived) hosts.push(host);
  }
  return new SiteModel(uris[0] ?? "", hosts, files, [], targets);
}
