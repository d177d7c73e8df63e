// The quick fix of a split-configuration hint (split-hint.ts): the set added to `haproxyConfigs` in
// the lblint.config.json that applies to the file, or in a new one beside the set (as `lblint --init`
// writes it), as one workspace edit the user can undo.
import type { WorkspaceEdit } from "vscode-languageserver-types";
import { CONFIG_FILE_NAMES } from "../lint/config.js";
import type { FileSystem } from "../workspace/fs.js";
import { basenameUri, dirnameUri, relativeUri, resolveUri } from "../workspace/uri.js";
import type { SplitHint } from "./split-hint.js";

export interface SplitAction {
  readonly title: string;
  readonly edit: WorkspaceEdit;
}

/** The end of a text as an editor position. */
function endOf(text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

/** The set as `haproxyConfigs` names it, relative to the config file's directory. */
function entryFor(hint: SplitHint, configDir: string): string[] {
  return hint.parts.map((part) => relativeUri(configDir, part));
}

/**
 * The edit that reads the hint's files as one configuration. `configFile` is the config file that
 * applies now (its text is rewritten with the set added, keeping its keys and indentation), or
 * undefined: then a new lblint.config.json is made, which needs a client that can create files.
 */
export async function splitConfigurationAction(fs: FileSystem, hint: SplitHint, configFile: string | undefined, canCreateFiles: boolean): Promise<SplitAction | undefined> {
  const shown = hint.parts.map((part) => relativeUri(hint.base, part) + (part === hint.parts[hint.parts.length - 1] ? "/" : "")).join(" + ");
  if (configFile) {
    const text = await fs.readFile(configFile).catch(() => undefined);
    let parsed: unknown;
    try {
      parsed = text === undefined ? undefined : text.trim() === "" ? {} : JSON.parse(text);
    } catch {
      return undefined;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
    const raw = parsed as Record<string, unknown>;
    const sets = Array.isArray(raw.haproxyConfigs) ? raw.haproxyConfigs : [];
    const indent = /\n([ \t]+)"/.exec(text!)?.[1] ?? "  ";
    const next = JSON.stringify({ ...raw, haproxyConfigs: [...sets, entryFor(hint, dirnameUri(configFile))] }, null, indent) + "\n";
    const name = basenameUri(configFile);
    return { title: `Read ${shown} as one haproxy configuration (haproxyConfigs in ${name})`, edit: { changes: { [configFile]: [{ range: { start: { line: 0, character: 0 }, end: endOf(text!) }, newText: next }] } } };
  }
  if (!canCreateFiles) return undefined;
  const created = resolveUri(hint.base, CONFIG_FILE_NAMES[0]!);
  if (await fs.stat(created)) return undefined;
  const text = JSON.stringify({ haproxyConfigs: [entryFor(hint, hint.base)] }, null, 2) + "\n";
  return {
    title: `Read ${shown} as one haproxy configuration (a new ${CONFIG_FILE_NAMES[0]} with haproxyConfigs)`,
    edit: {
      documentChanges: [
        { kind: "create", uri: created, options: { ignoreIfExists: false } },
        { textDocument: { uri: created, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
      ],
    },
  };
}
