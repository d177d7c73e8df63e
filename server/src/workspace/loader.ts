// Loads a configuration through a FileSystem: parses the root file and, for keepalived, every file
// its `include` statements pull in (glob patterns relative to the including file's directory, as
// keepalived resolves them). Missing files, unreadable files and include cycles become diagnostics
// on the include statement; nothing here throws for a problem in the files.
import { diagnostic, type SyntaxDiagnostic } from "../../../grammars/common/diagnostics.js";
import { excerpt } from "../../../grammars/common/excerpt.js";
import type { Statement as KeepalivedStatement } from "../../../grammars/keepalived/ast.js";
import { parseHaproxy, type HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import { parseKeepalived, type KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { keepalivedStatements } from "../../../grammars/keepalived/walk.js";
import type { Format } from "./detect.js";
import type { FileSystem } from "./fs.js";
import { expandGlob, hasWildcard, type GlobMatches } from "./glob.js";
import { describeFsError } from "./read-file.js";
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

/** A file's text and its parse, as a `FileSource` gives it. */
export interface SourceFile {
  readonly text: string;
  readonly parse: ParseResult;
}

/** Reads and parses a file of the configuration (rejects like `FileSystem.readFile` when it cannot). */
export type FileSource = (uri: string, format: Format) => Promise<SourceFile>;

/** Options of `loadConfig`. */
export interface LoadOptions {
  /** Text to use for the root instead of reading it (an unsaved buffer, standard input). */
  readonly text?: string;
  /** The root's parse when the caller has it (an editor's document): the root is not parsed again. */
  readonly parse?: ParseResult;
  /**
   * Where the files are read and parsed; by default `fs.readFile` and a fresh parse each time. The
   * language server passes its cache, so an unchanged included file is not read or parsed again.
   */
  readonly source?: FileSource;
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
  const source = options.source ?? readAndParse(fs);
  const rootFile: SourceFile = options.parse
    ? { text: options.parse.lines.text, parse: options.parse }
    : options.text !== undefined
      ? { text: options.text, parse: parseText(format, options.text) }
      : await source(root, format);
  await visit(config, fs, source, root, rootFile, undefined, [root], options.maxIncludeDepth ?? 32);
  if (format === "keepalived" && (await fs.stat(root))?.executable) {
    // keepalived -t exits 0 on such a file, and keepalived starts with no configuration at all. A
    // warning, not an error: a checkout or a mounted file system may show execute bits the
    // deployed file does not have.
    const message = "keepalived reads no configuration file with an execute bit set: it would skip this one and run with none (chmod a-x)";
    addDiagnostics(config, root, [diagnostic("executable-file", "warning", message, rootFile.parse.lines.range(0, 0))]);
  }
  return config;
}

/** The default source: read through `fs` and parse, every time. */
function readAndParse(fs: FileSystem): FileSource {
  return async (uri, format) => {
    const text = await fs.readFile(uri);
    return { text, parse: parseText(format, text) };
  };
}

function addDiagnostics(config: LoadedConfig, uri: string, found: readonly SyntaxDiagnostic[]): void {
  // concat, not push(...found): a file can have more diagnostics than a call can take arguments.
  config.diagnostics.set(uri, (config.diagnostics.get(uri) ?? []).concat(found));
}

async function visit(
  config: LoadedConfig,
  fs: FileSystem,
  source: FileSource,
  uri: string,
  { text, parse }: SourceFile,
  includedBy: LoadedFile["includedBy"],
  chain: readonly string[],
  depthLeft: number,
): Promise<void> {
  config.files.set(uri, { uri, text, parse, includedBy });
  if (looksBinary(text)) {
    // One clear line instead of hundreds of syntax errors about bytes that were never text.
    addDiagnostics(config, uri, [diagnostic("binary-file", "error", BINARY_FILE_MESSAGE, parse.lines.range(0, 0))]);
    return;
  }
  addDiagnostics(config, uri, parse.diagnostics);
  // A statement whose keyword is `include` has the word in the text: without it, no statement need
  // be looked at (walking a large tree here costs more than the parse of its text).
  if (parse.format !== "keepalived" || !text.includes("include")) return;

  for (const statement of keepalivedStatements(parse.ast)) {
    // Read from the parse's table: making every statement's words here would make them for the rules too.
    // `"include"` in quotes is no include: keepalived 2.2.7 reports it as an unknown keyword (measured).
    if (!statement.wordIs(0, "include") || statement.keyword.text !== "include") continue;
    const problems: SyntaxDiagnostic[] = [];
    const targets = await resolveInclude(fs, uri, statement, problems);
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
      let included: SourceFile;
      try {
        included = await source(target, config.format);
      } catch (error) {
        problems.push(diagnostic("include-unreadable", "error", `cannot read included file ${shortName(target)}: ${describeFsError(error)}`, statement.range));
        continue;
      }
      await visit(config, fs, source, target, included, { uri, statement }, [...chain, target], depthLeft - 1);
    }
    addDiagnostics(config, uri, problems);
  }
}

async function resolveInclude(
  fs: FileSystem,
  uri: string,
  statement: KeepalivedStatement,
  problems: SyntaxDiagnostic[],
): Promise<string[]> {
  const words = statement.args;
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) {
    problems.push(diagnostic("include-arguments", "error", "'include' needs a file name or pattern", statement.range));
    return [];
  }
  // The words' own index: in an editor's incremental parse each block has its own, with local offsets.
  const range = first.range.lines.range(first.range.localStart, last.range.localEnd);
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
  let matches: GlobMatches;
  try {
    if (hasWildcard(pattern)) matches = await expandGlob(fs, target);
    else {
      const info = await fs.stat(target);
      matches = { files: info?.type === "file" && !info.executable ? [target] : [], executables: info?.executable ? [target] : [], others: [] };
      if (info?.type === "other") matches.others.push({ uri: target, problem: info.problem ?? "not a regular file", special: info.special === true });
    }
  } catch (error) {
    problems.push(diagnostic("include-unreadable", "error", `cannot read '${excerpt(pattern)}': ${describeFsError(error)}`, range));
    return [];
  }
  const named = (found: string) => (hasWildcard(pattern) ? `'${excerpt(shortName(found))}' (matched by '${excerpt(pattern)}')` : `'${excerpt(pattern)}'`);
  for (const other of matches.others) {
    // keepalived opens only regular files: it skips a FIFO or a device with a message and goes on
    // (keepalived -t exits 0). What cannot be looked at at all is lblint's own problem to report.
    if (other.special) problems.push(diagnostic("include-skipped", "warning", `keepalived skips ${named(other.uri)}: it is ${other.problem}`, range));
    else problems.push(diagnostic("include-unreadable", "error", `cannot read ${named(other.uri)}: ${other.problem}`, range));
  }
  for (const file of matches.executables) {
    problems.push(diagnostic("include-skipped", "warning", `keepalived skips ${named(file)}: it reads no file with an execute bit set (chmod a-x)`, range));
  }
  if (matches.files.length + matches.executables.length + matches.others.length === 0) {
    problems.push(diagnostic("include-missing", "warning", `'${excerpt(pattern)}' matches no file; keepalived skips it without failing`, range));
  }
  return matches.files;
}

/** What a file that looks binary gets, once, instead of a syntax error per stray byte. */
export const BINARY_FILE_MESSAGE = "this looks like a binary file (it holds NUL or other control bytes), not a configuration";

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
