// The site report (`lblint --site-report SITE`): every host with its files and their parse
// status, every VRRP group with its election and the status of each peer entry, and the count of
// findings; as text for people and as JSON for tools.
import type { FileReport } from "../lint/report.js";
import { countBySeverity } from "../lint/report.js";
import { uriToPath } from "../workspace/uri.js";
import { explainElection, nodeName, rank } from "./election.js";
import type { ParseStatus } from "./files.js";
import type { Host } from "./host.js";
import { describe, judgeRealServer, type LvsService } from "./lvs.js";
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
  /** Every LVS service (the same on several routers counted once), with what is known of each real server. */
  readonly lvs: readonly {
    service: string;
    protocol: string;
    method: string;
    routers: readonly string[];
    realServers: readonly { address: string; method: string; host: string | undefined; checks: readonly { name: string; status: string; detail: string }[] }[];
  }[];
  readonly findings: { errors: number; warnings: number; infos: number };
}

function lvsRows(site: SiteModel): SiteReport["lvs"] {
  const rows: SiteReport["lvs"][number][] = [];
  const byKey = new Map<string, LvsService[]>();
  for (const service of site.services) (byKey.get(service.key) ?? byKey.set(service.key, []).get(service.key)!).push(service);
  for (const services of byKey.values()) {
    const first = services[0]!;
    const realServers: SiteReport["lvs"][number]["realServers"][number][] = [];
    const seen = new Set<string>();
    for (const service of services) {
      for (const rs of service.realServers) {
        const port = rs.port ?? service.port;
        const address = `${rs.address ?? rs.addressWord?.value ?? "?"}${port !== undefined ? `:${port}` : ""}`;
        if (seen.has(address)) continue;
        seen.add(address);
        const judged = judgeRealServer(site, service, rs);
        realServers.push({ address, method: rs.method, host: judged.host, checks: judged.checks.map(({ name, judgement }) => ({ name, status: judgement.status, detail: judgement.detail })) });
      }
    }
    rows.push({ service: describe(first), protocol: first.protocol.toUpperCase(), method: first.method, routers: services.map((s) => s.host.name), realServers });
  }
  return rows;
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
    lvs: lvsRows(site),
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
  if (report.lvs.length > 0) {
    out.push("", "LVS services");
    for (const service of report.lvs) {
      out.push(`  ${service.service} (${service.protocol}, ${service.method}) on ${service.routers.join(", ")}`);
      for (const rs of service.realServers) {
        out.push(`    real server ${rs.address}${rs.method !== service.method ? ` (${rs.method})` : ""}${rs.host ? ` on ${rs.host}` : ""}`);
        for (const check of rs.checks) out.push(`      ${check.name}: ${check.status === "not-enough-information" ? "not enough information" : check.status} — ${check.detail}`);
      }
    }
  }
  const { errors, warnings, infos } = report.findings;
  out.push("", `Findings: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}, ${infos} info (run lblint without --site-report to list them)`);
  return out.join("\n") + "\n";
}
