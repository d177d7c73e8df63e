// The site report (`lblint --site-report SITE`): every host with its files and their parse
// status, every VRRP group with its election, the status of each peer entry and what each member's
// firewall does with VRRP, every LVS service with its routers' and real servers' judgements, and
// every finding with the rule that reports it and the file and line of both sides; as text for
// people and as JSON for tools. Each judgement names the line it rests on.
import type { FileReport } from "../lint/report.js";
import { countBySeverity } from "../lint/report.js";
import { uriToPath } from "../workspace/uri.js";
import { explainElection, nodeName, rank } from "./election.js";
import type { ParseStatus } from "./files.js";
import type { Host } from "./host.js";
import { cite, describe, judgeRealServer, type Judgement, type LvsService } from "./lvs.js";
import type { SiteModel } from "./model.js";
import { bindChecks, routerChecks, vrrpFirewallChecks } from "./router-evidence.js";

export interface FileStatusRow {
  readonly path: string;
  readonly kind: string;
  readonly status: ParseStatus;
  /** Lines lblint skipped, with why. */
  readonly skipped: readonly { line: number; reason: string }[];
}

/** A judgement as the report shows it; `rule` names the rule that reports it when it is a fault. */
export interface CheckRow {
  readonly name: string;
  readonly rule?: string;
  readonly status: string;
  readonly detail: string;
}

export interface SiteReport {
  readonly root: string;
  readonly hosts: readonly {
    name: string;
    configId: string;
    firewall: string;
    addresses: readonly string[];
    files: readonly FileStatusRow[];
    /** haproxy binds on a VIP of the host, and what lets each bind while the VIP is elsewhere (X001). */
    binds: readonly CheckRow[];
  }[];
  readonly groups: readonly {
    vrid: number | undefined;
    members: readonly { host: string; instance: string; state: string; priority: number; source: string | undefined; segment: string | undefined }[];
    election: string;
    sessions: readonly { from: string; peer: string | undefined; status: string; to: string | undefined }[];
    /** Whether each member's firewall lets its peers' adverts in (S020), with the deciding rule. */
    firewall: readonly CheckRow[];
  }[];
  /** Every LVS service (the same on several routers counted once), with what is known of each real server. */
  readonly lvs: readonly {
    service: string;
    protocol: string;
    method: string;
    routers: readonly string[];
    /** Each router's side: forwarding (S030), firewall marks (S021), the service's ports in its firewall (S022). */
    routerChecks: readonly { router: string; checks: readonly CheckRow[] }[];
    realServers: readonly { address: string; method: string; host: string | undefined; checks: readonly CheckRow[] }[];
  }[];
  readonly findings: { errors: number; warnings: number; infos: number };
  /** Every finding, with the file and line of its fix and of the other side (related locations). */
  readonly problems: readonly { rule: string; severity: string; at: string; message: string; related: readonly string[] }[];
}

/** The rule that reports a fault of each real server judgement. */
const REAL_SERVER_RULES: Readonly<Record<string, string>> = { segment: "S033", arp: "S032", tunnel: "S034", rp_filter: "S035", gateway: "S031", listening: "X005" };

const row = (name: string, rule: string | undefined, judgement: Judgement): CheckRow => ({ name, ...(rule ? { rule } : {}), status: judgement.status, detail: judgement.detail });

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
        realServers.push({ address, method: rs.method, host: judged.host, checks: judged.checks.map(({ name, judgement }) => row(name, REAL_SERVER_RULES[name], judgement)) });
      }
    }
    const routerRows = services.map((s) => ({ router: s.host.name, checks: routerChecks(site, s).map((c) => row(c.name, c.rule, c.judgement)) }));
    rows.push({ service: describe(first), protocol: first.protocol.toUpperCase(), method: first.method, routers: services.map((s) => s.host.name), routerChecks: routerRows, realServers });
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
      addresses: [
        ...host.network.addresses.map((a) => `${a.address.address}/${a.address.prefix} ${a.device}`),
        ...host.declaredAddresses.map((a) => `${a.address}${a.prefix === undefined ? "" : `/${a.prefix}`} (site file)`),
      ],
      files: [
        ...daemonRows(host),
        ...host.files.map((file) => ({ path: uriToPath(file.uri), kind: file.kind, status: file.status, skipped: file.skipped.map((s) => ({ line: s.range.start.line + 1, reason: s.reason })) })),
      ],
      binds: bindChecks(site, host).map(({ bind, judgement }) => row(bind, "X001", judgement)),
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
      firewall: vrrpFirewallChecks(site, cluster).map(({ member, judgement }) => row(`${member.host.name}/${member.instance.name ?? "?"}`, "S020", judgement)),
    })),
    lvs: lvsRows(site),
    findings: countBySeverity(reports),
    problems: reports.flatMap((report) =>
      report.problems.map((p) => ({
        rule: p.ruleId,
        severity: p.severity,
        at: cite({ uri: report.uri, range: p.range }, site),
        message: p.message,
        related: (p.related ?? []).map((r) => `${cite(r, site)} ${r.message}`),
      })),
    ),
  };
}

/** `fault (S032)`, `ok`, `not enough information`. */
const statusText = (check: CheckRow) => (check.status === "not-enough-information" ? "not enough information" : check.status === "fault" && check.rule ? `fault (${check.rule})` : check.status);
const checkLine = (indent: string, check: CheckRow) => `${indent}${check.name}: ${statusText(check)} — ${check.detail}`;

export function formatSiteReport(report: SiteReport, format: "stylish" | "json"): string {
  if (format === "json") return JSON.stringify(report, null, 2) + "\n";
  const out: string[] = [`Site ${report.root}: ${report.hosts.length} host${report.hosts.length === 1 ? "" : "s"}`, ""];
  for (const host of report.hosts) {
    out.push(`${host.name} (config id ${host.configId}; firewall: ${host.firewall}; addresses: ${host.addresses.join(", ") || "unknown"})`);
    for (const file of host.files) {
      out.push(`  ${file.status.padEnd(7)}  ${file.kind.padEnd(16)}  ${file.path}`);
      for (const skipped of file.skipped) out.push(`           line ${skipped.line}: ${skipped.reason}`);
    }
    for (const bind of host.binds) out.push(checkLine("  haproxy bind ", bind));
  }
  out.push("", "VRRP groups");
  for (const group of report.groups) {
    out.push(`  ${group.election}`);
    for (const m of group.members) out.push(`    ${`${m.host}/${m.instance}`.padEnd(24)} ${m.state.padEnd(6)} priority ${String(m.priority).padEnd(3)} from ${m.source ?? "unknown"} on ${m.segment ?? "unknown segment"}`);
    for (const s of group.sessions) out.push(`    peer ${s.from} → ${s.peer ?? "(multicast)"}: ${s.status}${s.to ? ` (${s.to})` : ""}`);
    for (const check of group.firewall) out.push(checkLine("    vrrp firewall ", check));
  }
  if (report.lvs.length > 0) {
    out.push("", "LVS services");
    for (const service of report.lvs) {
      out.push(`  ${service.service} (${service.protocol}, ${service.method}) on ${service.routers.join(", ")}`);
      for (const router of service.routerChecks) {
        if (router.checks.length === 0) continue;
        out.push(`    router ${router.router}`);
        for (const check of router.checks) out.push(checkLine("      ", check));
      }
      for (const rs of service.realServers) {
        out.push(`    real server ${rs.address}${rs.method !== service.method ? ` (${rs.method})` : ""}${rs.host ? ` on ${rs.host}` : ""}`);
        for (const check of rs.checks) out.push(checkLine("      ", check));
      }
    }
  }
  const { errors, warnings, infos } = report.findings;
  out.push("", `Findings: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}, ${infos} info`);
  for (const problem of report.problems) {
    out.push(`  ${problem.rule} ${problem.severity} ${problem.at} ${problem.message}`);
    for (const related of problem.related) out.push(`    related: ${related}`);
  }
  return out.join("\n") + "\n";
}
