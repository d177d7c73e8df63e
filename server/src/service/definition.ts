// Go to definition, find references and document highlights: the places of the named thing under
// the cursor, across the files of its configuration, and the file an `include` names.
import { DocumentHighlightKind, type DocumentHighlight, type Location } from "vscode-languageserver-types";
import { lspRange } from "./document.js";
import { keepalivedCursor } from "./locate.js";
import { nameAt, nameIndex, type NameSite } from "./names.js";
import type { Project } from "./project.js";

function location(site: NameSite): Location {
  return { uri: site.uri, range: lspRange(site.range) };
}

/** Where the thing under the cursor is defined; for a keepalived `include`, the files it reads. */
export function definition(project: Project, uri: string, offset: number): Location[] {
  const site = nameAt(project, uri, offset);
  if (site) return nameIndex(project).definitions(site.key).map(location);
  return includeTargets(project, uri, offset);
}

/** The files an `include` statement under the cursor reads, each at its start. */
export function includeTargets(project: Project, uri: string, offset: number): Location[] {
  const file = project.loaded.files.get(uri);
  if (!file || file.parse.format !== "keepalived") return [];
  const cursor = keepalivedCursor(file.parse, offset);
  const statement = cursor.statement;
  if (!statement || statement.keyword.value !== "include" || cursor.index === 0) return [];
  const link = project.loaded.includes.find((candidate) => candidate.from === uri && candidate.statement.range.startOffset === statement.range.startOffset);
  const start = { line: 0, character: 0 };
  return (link?.targets ?? []).map((target) => ({ uri: target, range: { start, end: start } }));
}

/** Every place of the thing under the cursor: its definitions (when asked) and its references. */
export function references(project: Project, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  const site = nameAt(project, uri, offset);
  const index = nameIndex(project);
  if (!site) return [];
  return index
    .withKey(site.key)
    .filter((candidate) => includeDeclaration || !candidate.definition)
    .map(location);
}

/** The places of the thing under the cursor in this file: definitions written, references read. */
export function highlights(project: Project, uri: string, offset: number): DocumentHighlight[] {
  const site = nameAt(project, uri, offset);
  const index = nameIndex(project);
  if (!site) return [];
  return index
    .withKey(site.key)
    .filter((candidate) => candidate.uri === uri)
    .map((candidate) => ({ range: lspRange(candidate.range), kind: candidate.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}
