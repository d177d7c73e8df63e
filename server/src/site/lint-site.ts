// Lints a whole site: every host's daemon configurations with the per-file rules, and the site
// rules over all hosts at once. A site finding lands in the file where its fix belongs (keepalived,
// haproxy, sysctl, firewall or network file) and is merged with that file's own findings before
// suppression comments are applied, so `# lblint-disable-next-line S001` works there too.
import type { ResolvedConfig } from "../lint/config.js";
import { lintLoaded, runRules } from "../lint/lint.js";
import { siteRules } from "../lint/registry.js";
import type { FileReport, Problem } from "../lint/report.js";
import { applySuppressions } from "../lint/suppressions.js";
import { uriToPath } from "../workspace/uri.js";
import type { SiteModel } from "./model.js";

/** Kinds of site files whose comments start with `#`, where suppression comments can be read. */
const HASH_COMMENTS = new Set(["sysctl", "iptables", "ip6tables", "nftables", "arptables", "ifcfg", "route", "nm-keyfile", "interfaces", "firewalld-conf", "modules"]);

const byPosition = (a: Problem, b: Problem) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.ruleId.localeCompare(b.ruleId);

/** The site rules' findings, per file URI. */
export function siteProblems(site: SiteModel, config: ResolvedConfig): Map<string, Problem[]> {
  const found = new Map<string, Problem[]>();
  const fallback = site.hosts.find((h) => h.keepalived)?.keepalived!.loaded.root ?? site.files[0]?.uri ?? site.root;
  runRules(siteRules(), site, config, fallback, (uri, problem) => (found.get(uri) ?? found.set(uri, []).get(uri)!).push(problem));
  return found;
}

/** One report per file of the site, every host's daemon files and site files, in host order. */
export function lintSite(site: SiteModel, config: ResolvedConfig): FileReport[] {
  const extra = siteProblems(site, config);
  const reports = new Map<string, FileReport>();
  const add = (uri: string, problems: Problem[]) => {
    if (!reports.has(uri)) reports.set(uri, { uri, path: uriToPath(uri), problems });
  };
  for (const host of site.hosts) {
    for (const loaded of [host.keepalived?.loaded, host.haproxy?.loaded]) {
      if (!loaded) continue;
      for (const [uri, problems] of lintLoaded(loaded, config, extra)) add(uri, problems);
    }
    for (const file of host.files) {
      const problems = extra.get(file.uri) ?? [];
      if (HASH_COMMENTS.has(file.kind)) {
        const result = applySuppressions(problems, file.text, file.lines, "site", file.uri, config.inlineConfig);
        add(file.uri, [...result.problems, ...result.directiveProblems].sort(byPosition));
      } else add(file.uri, [...problems].sort(byPosition));
    }
  }
  // Findings in files no host reads (should not happen) are still shown.
  for (const [uri, problems] of extra) add(uri, [...problems].sort(byPosition));
  return [...reports.values()];
}
