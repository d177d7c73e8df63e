// `lblint SITE` and `lblint --site-report SITE`: when the only path given is a site directory (hosts
// that mirror machine roots, or a lblint.site.json), every host and every relation between them
// is checked, and the findings go through the usual output formats. `--site-report` prints the
// site report instead; given keepalived files without host information, it compares them as peers.
import { resolve } from "node:path";
import { defaultConfig, findConfigFile, loadConfigFile, type ResolvedConfig } from "../lint/config.js";
import { countBySeverity } from "../lint/report.js";
import { lintSite } from "../site/lint-site.js";
import { isSite, loadLooseSite, loadSite, SITE_FILE } from "../site/load.js";
import { formatSiteReport, siteReport } from "../site/report.js";
import { NodeFileSystem } from "../workspace/fs.js";
import { pathToUri, resolveUri } from "../workspace/uri.js";
import type { LintRun } from "./lint-files.js";

export interface SiteCommand {
  /** `--site-report`: print the report in this format instead of the findings. */
  readonly report: "stylish" | "json" | undefined;
  readonly configFile: string | undefined;
  readonly adjust: (config: ResolvedConfig) => ResolvedConfig;
}

/** Undefined when the paths are not a site (the usual per-file run applies). */
export async function siteRun(
  paths: readonly string[],
  command: SiteCommand,
): Promise<{ run: LintRun; sources: Map<string, string>; output?: string; exitCode: number } | undefined> {
  const fs = new NodeFileSystem();
  const uris = paths.map((path) => pathToUri(resolve(path)));
  const isDirectorySite = uris.length === 1 && (await isSite(fs, uris[0]!));
  if (!isDirectorySite && command.report === undefined) return undefined;
  const configUri = command.configFile ? pathToUri(resolve(command.configFile)) : await findConfigFile(fs, isDirectorySite ? resolveUri(uris[0]!, SITE_FILE) : uris[0]!);
  const config = command.adjust(configUri ? await loadConfigFile(fs, configUri) : defaultConfig());
  const site = isDirectorySite ? await loadSite(fs, uris[0]!, { targets: config.targets }) : await loadLooseSite(fs, uris, { targets: config.targets });
  const reports = lintSite(site, config);
  const exitCode = countBySeverity(reports).errors > 0 ? 1 : 0;
  // No units: --fix does not apply to a site run.
  const run: LintRun = { reports, units: [], errors: [] };
  // The texts, for the json format's fixes of several edits (merged into one replacement).
  const sources = new Map<string, string>();
  for (const host of site.hosts) {
    for (const daemon of [host.keepalived, host.haproxy]) for (const [uri, file] of daemon?.loaded.files ?? []) sources.set(uri, file.text);
  }
  if (command.report === undefined) return { run, sources, exitCode };
  return { run, sources, output: formatSiteReport(siteReport(site, reports), command.report), exitCode };
}
