// Loads a configuration through a FileSystem: parses the root file and, for keepalived, every file
// its `include` statements pull in (glob patterns relative to the including file's directory, as
// keepalived resolves them). Missing files, unreadable files and include cycles become diagnostics
// on the include statement; nothing here throws for a problem in the files.
import { diagnostic, type SyntaxDiagnostic } from "../../../grammars/common/diagnostics.js";
import { excerpt } from "../../../grammars/common/excerpt.js";
import type { LineIndex } from "../../../grammars/common/text.js";
import type { Statement as KeepalivedStatement } from "../../../grammars/keepalived/ast.js";
import { parseHaproxy, type HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import { parseKeepalived, type KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { keepalivedStatements } from "../../../grammars/keepalived/walk.js";
import type { Format } from "./detect.js";
import type { FileSystem } from "./fs.js";
import { expandGlob, hasWildcard } from "./glob.js";
import { dirnameUri, resolveUri } from "./uri.js";

/** A parse of either format: `format` tells which. */
export type ParseResult = HaproxyParseResult | KeepalivedParseResult;

/** One file of a loaded configuration: its text, its parse and the include that pulled it in. */
export interface LoadedFile {
  readonly uri: string;
  readonly text: string;
  readonly parse: ParseResult;
  /** The include statement that pulled this file in (undefined for the root). */
  readonly includedBy: { readonly uri: string; readonly statement: KeepalivedStatement } | undefined;
}

/** One keepalived `include` statement and the files it matched. */
export interface IncludeLink {
  readonly from: string;
  readonly statement: KeepalivedStatement;
  /** The files the pattern matched, in the order keepalived reads them. */
  readonly targets: readonly string[];
}

/** A configuration and every file it includes, with the diagnostics of each. */
export interface LoadedConfig {
  readonly format: Format;
  readonly root: string;
  /** Every file read, root first, then in the order keepalived would read them. */
  readonly files: Map<string, LoadedFile>;
  readonly includes: IncludeLink[];
  /** Syntax diagnostics and include problems, per file URI. */
  readonly diagnostics: Map<string, SyntaxDiagnostic[]>;
}

/** Options of `loadConfig`. */
export interface LoadOptions {
  /** Text to use for the root instead of reading it (an unsaved buffer, standard input). */
  readonly text?: string;
  /** How deep includes may nest before lblint stops following them. */
  readonly maxIncludeDepth?: number;
}

/** Parses text as the given format: `parseHaproxy` or `parseKeepalived`. */
export function parseText(format: Format, text: string): ParseResult {
  return format === "haproxy" ? parseHaproxy(text) : parseKeepalived(text);
}

/**
 * Reads and parses a configuration through `fs`, following keepalived includes relative to the
 * including file. Problems in the files become diagnostics; only an unreadable root file rejects.
 */
export async function loadConfig(fs: FileSystem, root: string, format: Format, options: LoadOptions = {}): Promise<LoadedConfig> {
  const config: LoadedConfig = { format, root, files: new Map(), includes: [], diagnostics: new Map() };
  const rootText = options.text ?? (await fs.readFile(root));
  await visit(config, fs, root, rootText, undefined, [root], options.maxIncludeDepth ?? 32);
  return config;
}

function addDiagnostics(config: LoadedConfig, uri: string, found: readonly SyntaxDiagnostic[]): void {
  // concat, not push(...found): a file can have more diagnostics than a call can take arguments.
  config.diagnostics.set(uri, (config.diagnostics.get(uri) ?? []).concat(found));
}

async function visit(
  config: LoadedConfig,
  fs: FileSystem,
  uri: string,
  text: string,
  includedBy: LoadedFile["includedBy"],
  chain: readonly string[],
  depthLeft: number,
): Promise<void> {
  const parse = parseText(config.format, text);
  config.files.set(uri, { uri, text, parse, includedBy });
  if (looksBinary(text)) {
    // One clear line instead of hundreds of syntax errors about bytes that were never text.
    addDiagnostics(config, uri, [diagnostic("binary-file", "error", "this is a binary file, not a configuration", parse.lines.range(0, 0))]);
    return;
  }
  addDiagnostics(config, uri, parse.diagnostics);
  if (parse.format !== "keepalived") return;

  for (const statement of keepalivedStatements(parse.ast)) {
    // Read from the parse's table: making every statement's words here would make them for the rules too.
    if (!statement.wordIs(0, "include")) continue;
    const problems: SyntaxDiagnostic[] = [];
    const targets = await resolveInclude(fs, uri, statement, parse.lines, problems);
    config.includes.push({ from: uri, statement, targets });
    for (const target of targets) {
      if (chain.includes(target)) {
        problems.push(
          diagnostic("include-cycle", "error", `include cycle: ${[...chain.slice(chain.indexOf(target)), target].map(shortName).join(" → ")}`, statement.range),
        );
        continue;
      }
      if (depthLeft <= 0) {
        problems.push(diagnostic("include-depth", "error", "includes nest too deeply; lblint stops following them here", statement.range));
        break;
      }
      if (config.files.has(target)) continue;
      let included: string;
      try {
        included = await fs.readFile(target);
      } catch (error) {
        problems.push(diagnostic("include-unreadable", "error", `cannot read included file ${shortName(target)}: ${reason(error)}`, statement.range));
        continue;
      }
      await visit(config, fs, target, included, { uri, statement }, [...chain, target], depthLeft - 1);
    }
    addDiagnostics(config, uri, problems);
  }
}

async function resolveInclude(
  fs: FileSystem,
  uri: string,
  statement: KeepalivedStatement,
  lines: LineIndex,
  problems: SyntaxDiagnostic[],
): Promise<string[]> {
  const words = statement.args;
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) {
    problems.push(diagnostic("include-arguments", "error", "'include' needs a file name or pattern", statement.range));
    return [];
  }
  const range = lines.range(first.range.localStart, last.range.localEnd);
  // keepalived 2.2.7 takes the rest of the line as one name, spaces included.
  const pattern = words.map((word) => word.value).join(" ");
  if (words.length > 1) {
    problems.push(
      diagnostic("include-arguments", "warning", `keepalived reads '${excerpt(pattern)}' as one file name, spaces included; use one include per file or a glob`, range),
    );
  }
  if (words.some((word) => word.variables.length > 0) || /\{\{|\{%/.test(pattern)) {
    problems.push(diagnostic("include-unresolved", "info", `lblint does not follow includes whose path is computed ('${excerpt(pattern)}')`, range));
    return [];
  }
  const target = resolveUri(dirnameUri(uri), pattern);
  let targets: string[];
  try {
    targets = hasWildcard(pattern) ? await expandGlob(fs, target) : (await fs.stat(target))?.type === "file" ? [target] : [];
  } catch (error) {
    problems.push(diagnostic("include-unreadable", "error", `cannot read '${excerpt(pattern)}': ${reason(error)}`, range));
    return [];
  }
  if (targets.length === 0) {
    problems.push(diagnostic("include-missing", "warning", `'${excerpt(pattern)}' matches no file; keepalived skips it without failing`, range));
  }
  return targets;
}

/**
 * True when the start of a file holds more than a few control characters (NUL and the other C0
 * codes but tab, line breaks, vertical tab and form feed). A configuration with a stray NUL stays
 * text, and gets its own diagnostic.
 */
export function looksBinary(text: string): boolean {
  const sample = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13) || c === 127) control++;
  }
  return control > 8 && control * 200 > sample;
}

function shortName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1));
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
