// Site tests write a site as a map of paths (relative to the site directory) to file texts, in
// memory. «…» marks where a finding must be, in any file: `expectSite(id, files)` asserts that the
// rule reports exactly the marked ranges, in those files, and returns its problems.
import { expect } from "vitest";
import { resolveConfig, type ConfigFile } from "../../server/src/lint/config.js";
import type { Problem } from "../../server/src/lint/report.js";
import { lintSite } from "../../server/src/site/lint-site.js";
import { loadLooseSite, loadSite } from "../../server/src/site/load.js";
import type { SiteModel } from "../../server/src/site/model.js";
import { MemoryFileSystem } from "../../server/src/workspace/fs.js";
import { unmark } from "../rules/harness.js";

export const SITE_ROOT = "file:///site";

export function memorySite(files: Readonly<Record<string, string>>): MemoryFileSystem {
  return new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([path, text]) => [`${SITE_ROOT}/${path}`, text])));
}

export async function siteOf(files: Readonly<Record<string, string>>, config?: ConfigFile): Promise<SiteModel> {
  const resolved = resolveConfig(config ?? {}, "test");
  return loadSite(memorySite(files), SITE_ROOT, { targets: resolved.targets });
}

export interface SiteProblem extends Problem {
  /** The file, relative to the site. */
  readonly file: string;
}

export async function lintSiteFiles(files: Readonly<Record<string, string>>, config?: ConfigFile): Promise<SiteProblem[]> {
  const resolved = resolveConfig(config ?? {}, "test");
  const site = await loadSite(memorySite(files), SITE_ROOT, { targets: resolved.targets });
  return lintSite(site, resolved).flatMap((report) => report.problems.map((problem) => ({ ...problem, file: report.uri.slice(SITE_ROOT.length + 1) })));
}

/** Loose keepalived files (no host information), compared as peers. */
export async function lintLooseFiles(files: Readonly<Record<string, string>>): Promise<SiteProblem[]> {
  const fs = memorySite(files);
  const resolved = resolveConfig({}, "test");
  const site = await loadLooseSite(fs, Object.keys(files).map((path) => `${SITE_ROOT}/${path}`), { targets: resolved.targets });
  return lintSite(site, resolved).flatMap((report) => report.problems.map((problem) => ({ ...problem, file: report.uri.slice(SITE_ROOT.length + 1) })));
}

/** Asserts that `ruleId` reports exactly the «marked» ranges of the site's files. */
export async function expectSite(ruleId: string, marked: Readonly<Record<string, string>>, config?: ConfigFile): Promise<SiteProblem[]> {
  const files: Record<string, string> = {};
  const want: string[] = [];
  for (const [path, source] of Object.entries(marked)) {
    const { text, ranges } = unmark(source);
    files[path] = text;
    for (const r of ranges) want.push(`${path}:${r.start}-${r.end} '${text.slice(r.start, r.end)}'`);
  }
  const found = (await lintSiteFiles(files, config)).filter((p) => p.ruleId === ruleId);
  const got = found.map((p) => `${p.file}:${p.range.start.offset}-${p.range.end.offset} '${files[p.file]?.slice(p.range.start.offset, p.range.end.offset)}'`);
  expect(got.sort(), found.map((p) => p.message).join("\n")).toEqual(want.sort());
  return found;
}

/** A minimal keepalived.conf for one router of a pair. */
export function router(options: {
  state?: "MASTER" | "BACKUP";
  priority?: number;
  vrid?: number;
  vips?: string[];
  iface?: string;
  extra?: string;
  name?: string;
  unicast?: { src: string; peers: string[] };
}): string {
  const vips = (options.vips ?? ["192.168.1.100/24"]).map((v) => `        ${v}\n`).join("");
  const unicast = options.unicast
    ? `    unicast_src_ip ${options.unicast.src}\n    unicast_peer {\n${options.unicast.peers.map((p) => `        ${p}\n`).join("")}    }\n`
    : "";
  return `vrrp_instance ${options.name ?? "VI_1"} {
    state ${options.state ?? "BACKUP"}
    interface ${options.iface ?? "eth0"}
    virtual_router_id ${options.vrid ?? 51}
    priority ${options.priority ?? 100}
    advert_int 1
${unicast}${options.extra ?? ""}    virtual_ipaddress {
${vips}    }
}
`;
}

/** An ifcfg file giving `device` one address. */
export function ifcfg(device: string, address: string, prefix = 24, extra = ""): string {
  return `DEVICE=${device}\nBOOTPROTO=none\nONBOOT=yes\nIPADDR=${address}\nPREFIX=${prefix}\n${extra}`;
}
