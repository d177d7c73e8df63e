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

/** A lens before its references are counted: an editor resolves only the lenses it shows. */
export interface UnresolvedLens {
  readonly range: Range;
  /** The name index's key of the thing defined here. */
  readonly key: string;
}

/**
 * Above this many lines in all of a configuration's files, no lenses: the editor asks for them after
 * every edit, and the name index they read costs about 20 ms after an edit of a 15,000-line
 * haproxy.cfg (the sections the edit did not touch keep their names), 140 ms when it is first made.
 */
export const LENS_LINE_LIMIT = 20_000;

/** Where the lenses of `uri` go: each definition in it of something other lines can name. */
export function lensSites(project: Project, uri: string): UnresolvedLens[] {
  let lines = 0;
  for (const file of project.loaded.files.values()) lines += file.parse.lines.lineCount;
  if (lines > LENS_LINE_LIMIT) return [];
  const lenses: UnresolvedLens[] = [];
  for (const site of nameIndex(project).inFile(uri)) if (site.definition && COUNTED.has(site.what)) lenses.push({ range: site.range, key: site.key });
  return lenses;
}

/** The places that use the thing of a lens's key. */
export function lensReferences(project: Project, key: string): Location[] {
  return nameIndex(project)
    .withKey(key)
    .filter((other) => !other.definition)
    .map((other) => ({ uri: other.uri, range: lspRange(other.range) }));
}

/** A lens for each definition in `uri` of something other lines can name, its references counted. */
export function referenceLenses(project: Project, uri: string): ReferenceLens[] {
  return lensSites(project, uri).map(({ range, key }) => ({ range, references: lensReferences(project, key) }));
}

/** "1 reference", "3 references", "no references". */
export function lensTitle(count: number): string {
  return count === 0 ? "no references" : count === 1 ? "1 reference" : `${count} references`;
}
