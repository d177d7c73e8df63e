// The site report (`lblint --site-report SITE`): every host with its files and their parse
// status, every VRRP group with its election and the status of each peer entry, and the count of
// findings; as text for people and as JSON for tools.
import type { FileReport } from "../lint/report.js";
import { countBySeverity } from "../lint/report.js";
import { uriToPath } from "../workspace/uri.js";
import { explainElection, nodeName, rank } from "./election.js";
import type { ParseStatus } from "./files.js";
import type { Host } from "./host.js";
import type { SiteModel } from "./model.js";

export interface FileStatusRow {
  readonly path: string;
  readonly kind: string;
  readonly status: ParseStatus;
  /** Lines lblint skipped, with why. */
  readonly skipped: readonly { line: number; reason: string }[];
}

export interface SiteReport {
  readonly root: string;
  readonly hosts: readonly { name: string; configId: string; firewall: string; addresses: readonly string[]; files: readonly FileStatusRow[] }[];
  readonly groups: readonly {
    vrid: number | undefined;
    members: readonly { host: string; instance: string; state: string; priority: number; source: string | undefined; segment: string | undefined }[];
    election: string;
    sessions: readonly { from: string; peer: string | undefined; status: string; to: string | undefined }[];
  }[];
  readonly findings: { errors: number; warnings: number; infos: number };
}

function daemonRows(host: Host): FileStatusRow[] {
  const rows: FileStatusRow[] = [];
  for (const loaded of [host.keepalived?.loaded, host.haproxy?.loaded]) {
    if (!loaded) continue;
    for (const uri of loaded.files.keys()) {
      const diagnostics = loaded.diagnostics.get(uri) ?? [];
      const errors = diagnostics.filter((d) => d.severity === "error");
      const status: ParseStatus = errors.some((d) => d.code === "binary-file") ? "failed" : errors.length > 0 ? "partial" : "clean";
      rows.push({ path: uriToPath(uri), kind: loaded.format, status, skipped: errors.slice(0, 5).map((d) => ({ line: d.range.start.line + 1, reason: d.message })) });
    }
  }
  return rows;
}

export function siteReport(site: SiteModel, reports: readonly FileReport[]): SiteReport {
  return {
    root: uriToPath(site.root),
    hosts: site.hosts.map((host) => ({
      name: host.name,
      configId: host.configId,
      firewall: host.firewall?.kind ?? "none found",
      addresses: host.network.addresses.map((a) => `${a.address.address}/${a.address.prefix} ${a.device}`),
      files: [
        ...daemonRows(host),
        ...host.files.map((file) => ({ path: uriToPath(file.uri), kind: file.kind, status: file.status, skipped: file.skipped.map((s) => ({ line: s.range.start.line + 1, reason: s.reason })) })),
      ],
    })),
    groups: site.clusters.map((cluster) => ({
      vrid: rank(cluster)[0]?.member.instance.vrid,
      members: rank(cluster).map(({ member, priority }) => ({
        host: member.host.name,
        instance: member.instance.name ?? "?",
        state: member.instance.state.value,
        priority,
        source: member.source,
        segment: member.segment,
      })),
      election: explainElection(cluster),
      sessions: cluster.sessions.map((s) => ({ from: nodeName(s.from), peer: s.entry?.word.value, status: s.status, to: s.to ? nodeName(s.to) : undefined })),
    })),
    findings: countBySeverity(reports),
  };
}

export function formatSiteReport(report: SiteReport, format: "stylish" | "json"): string {
  if (format === "json") return JSON.stringify(report, null, 2) + "\n";
  const out: string[] = [`Site ${report.root}: ${report.hosts.length} host${report.hosts.length === 1 ? "" : "s"}`, ""];
  for (const host of report.hosts) {
    out.push(`${host.name} (config id ${host.configId}; firewall: ${host.firewall}; addresses: ${host.addresses.join(", ") || "unknown"})`);
    for (const file of host.files) {
      out.push(`  ${file.status.padEnd(7)}  ${file.kind.padEnd(16)}  ${file.path}`);
      for (const skipped of file.skipped) out.push(`           line ${skipped.line}: ${skipped.reason}`);
    }
  }
  out.push("", "VRRP groups");
  for (const group of report.groups) {
    out.push(`  ${group.election}`);
    for (const m of group.members) out.push(`    ${`${m.host}/${m.instance}`.padEnd(24)} ${m.state.padEnd(6)} priority ${String(m.priority).padEnd(3)} from ${m.source ?? "unknown"} on ${m.segment ?? "unknown segment"}`);
    for (const s of group.sessions) out.push(`    peer ${s.from} → ${s.peer ?? "(multicast)"}: ${s.status}${s.to ? ` (${s.to})` : ""}`);
  }
  const { errors, warnings, infos } = report.findings;
  out.push("", `Findings: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}, ${infos} info (run lblint without --site-report to list them)`);
  return out.join("\n") + "\n";
}
