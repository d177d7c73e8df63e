// Rename with its preparation: the name under the cursor and every place that names the same
// thing, across the files of the configuration, or a reason why not (a built-in ACL, a name built
// from a variable, a new name the daemon would refuse or that is already taken).
import type { Range as LspRange, TextEdit, WorkspaceEdit } from "vscode-languageserver-types";
import { lspRange } from "./document.js";
import { nameAt, nameIndex, type NameSite } from "./names.js";
import type { Project } from "./project.js";

/** A rename that cannot be done, with the reason to show the user. */
export class RenameError extends Error {}

/** haproxy's characters for names (its invalid_char()); environment variables are C identifiers. */
const HAPROXY_NAME = /^[A-Za-z0-9._:-]+$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** keepalived reads a name as one word: no blank, quote, comment, brace or variable. */
const KEEPALIVED_NAME = /^[^\s"'#!{}$\\]+$/;

function renamable(project: Project, uri: string, offset: number): { site: NameSite; places: NameSite[] } {
  const site = nameAt(project, uri, offset);
  const index = nameIndex(project);
  if (!site) throw new RenameError("there is no name here that lblint can rename");
  if (site.key.startsWith("acl:predefined:")) throw new RenameError(`'${site.name}' is an ACL haproxy defines itself`);
  if (site.name.includes("$")) throw new RenameError(`'${site.name}' comes from a variable; lblint cannot tell what it names`);
  const places = index.withKey(site.key);
  if (!places.some((place) => place.definition)) throw new RenameError(`'${site.name}' is not defined in this configuration, so there is nothing to rename with it`);
  if (places.some((place) => !place.exact)) throw new RenameError(`'${site.name}' is written with escapes somewhere; rename it by hand`);
  return { site, places };
}

/** The range and text of the name under the cursor, or a RenameError saying why it cannot be renamed. */
export function prepareRename(project: Project, uri: string, offset: number): { range: LspRange; placeholder: string } {
  const { site } = renamable(project, uri, offset);
  return { range: lspRange(site.range), placeholder: site.name };
}

export function rename(project: Project, uri: string, offset: number, newName: string): WorkspaceEdit {
  const { site, places } = renamable(project, uri, offset);
  const pattern = site.key.startsWith("env:") || site.key.startsWith("var:") ? IDENTIFIER : project.format === "haproxy" ? HAPROXY_NAME : KEEPALIVED_NAME;
  if (!pattern.test(newName)) throw new RenameError(`'${newName}' is not a name ${project.format} accepts here`);
  if (newName === site.name) return { changes: {} };
  const index = nameIndex(project);
  const takenKey = site.key.slice(0, site.key.length - site.name.length) + newName;
  if (index.definitions(takenKey).length > 0 && site.key.endsWith(site.name)) {
    const other = index.definitions(takenKey)[0]!;
    throw new RenameError(`the name '${newName}' is already taken by ${other.what} '${newName}' (line ${other.range.start.line + 1})`);
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const place of places) (changes[place.uri] ??= []).push({ range: lspRange(place.range), newText: newName });
  return { changes };
}
