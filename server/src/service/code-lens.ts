// Code lenses: "3 references" above each named thing other lines use — a haproxy backend, userlist,
// resolvers, peers, cache, ring, named defaults or ACL; a keepalived vrrp_script, tracker, VRRP
// instance of a sync group, virtual_server_group or `$VAR` — read from the same index as find
// references, so the count is what find references lists.
import type { Location } from "vscode-languageserver-types";
import type { Range } from "../../../grammars/common/text.js";
import { lspRange } from "./document.js";
import { nameIndex } from "./names.js";
import type { Project } from "./project.js";

/** The kinds of things counted: what the name index calls them. Servers and frontends are left out (many, rarely named elsewhere). */
const COUNTED: ReadonlySet<string> = new Set([
  "backend", "listen", "defaults", "userlist", "resolvers", "peers", "cache", "ring", "http-errors", "mailers", "fcgi-app", "acl",
  "vrrp_script", "vrrp_track_process", "vrrp_track_file", "bfd_instance", "vrrp_instance", "virtual_server_group", "variable",
]);

export interface ReferenceLens {
  /** Where the name is defined. */
  readonly range: Range;
  /** The places that use it, in every file of the configuration. */
  readonly references: readonly Location[];
}

/**
 * Above this many lines in all of a configuration's files, no lenses: the editor asks for them after
 * every edit, and counting reads every word of every file (about 400 ms on a 15,000-line haproxy.cfg,
 * against under 30 ms here at this size). Find references still works there, on demand.
 */
export const LENS_LINE_LIMIT = 3000;

/** A lens for each definition in `uri` of something other lines can name. */
export function referenceLenses(project: Project, uri: string): ReferenceLens[] {
  let lines = 0;
  for (const file of project.loaded.files.values()) lines += file.parse.lines.lineCount;
  if (lines > LENS_LINE_LIMIT) return [];
  const index = nameIndex(project);
  const lenses: ReferenceLens[] = [];
  for (const site of index.inFile(uri)) {
    if (!site.definition || !COUNTED.has(site.what)) continue;
    const references = index
      .withKey(site.key)
      .filter((other) => !other.definition)
      .map((other) => ({ uri: other.uri, range: lspRange(other.range) }));
    lenses.push({ range: site.range, references });
  }
  return lenses;
}

/** "1 reference", "3 references", "no references". */
export function lensTitle(count: number): string {
  return count === 0 ? "no references" : count === 1 ? "1 reference" : `${count} references`;
}
