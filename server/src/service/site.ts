// The whole-site checks in the editor: when a workspace folder is a site (hosts with their
// keepalived, haproxy, sysctl, firewall and network files; see docs/site.md), the site rules run
// over it and their findings join those of each file. A site is read again from the editor's
// buffers after changes, in the background: per-file findings never wait for it.
import type { ResolvedConfig } from "../lint/config.js";
import type { Problem } from "../lint/report.js";
import { siteProblems } from "../site/lint-site.js";
import { isSite, loadSite } from "../site/load.js";
import type { FileSystem } from "../workspace/fs.js";

/** The site folders among the workspace folders. */
export async function findSites(fs: FileSystem, folders: readonly string[]): Promise<string[]> {
  const sites: string[] = [];
  for (const folder of folders) {
    const uri = folder.endsWith("/") ? folder.slice(0, -1) : folder;
    if (await isSite(fs, uri).catch(() => false)) sites.push(uri);
  }
  return sites;
}

/** The site rules' findings of the sites, per file, and which files are daemon configurations. */
export async function siteFindings(
  fs: FileSystem,
  sites: readonly string[],
  configOf: (site: string) => Promise<ResolvedConfig>,
): Promise<{ findings: Map<string, Problem[]>; daemonFiles: Set<string> }> {
  const findings = new Map<string, Problem[]>();
  const daemonFiles = new Set<string>();
  for (const root of sites) {
    const config = await configOf(root);
    const site = await loadSite(fs, root, { targets: config.targets });
    for (const host of site.hosts) for (const loaded of [host.keepalived?.loaded, host.haproxy?.loaded]) for (const uri of loaded?.files.keys() ?? []) daemonFiles.add(uri);
    for (const [uri, problems] of siteProblems(site, config)) findings.set(uri, [...(findings.get(uri) ?? []), ...problems]);
  }
  return { findings, daemonFiles };
}
