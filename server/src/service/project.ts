// A configuration as the language service sees it: a root file and what it includes, read through the
// editor's buffers over the disk, with the lblint.config.json that applies to it. Open documents
// contribute their incremental parse, so nothing the editor holds is parsed twice per version.
import { diagnostic } from "../../../grammars/common/diagnostics.js";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import type { Statement as KeepalivedStatement } from "../../../grammars/keepalived/ast.js";
import { keepalivedStatements } from "../../../grammars/keepalived/walk.js";
import type { ResolvedConfig } from "../lint/config.js";
import type { Format } from "../workspace/detect.js";
import type { FileSystem } from "../workspace/fs.js";
import { BINARY_FILE_MESSAGE, loadConfig, looksBinary, type IncludeLink, type LoadedConfig, type ParseResult } from "../workspace/loader.js";

/** What the service knows about one file of a configuration. */
export interface ProjectFile {
  readonly uri: string;
  readonly text: string;
  readonly parse: ParseResult;
}

/**
 * Loads the configuration rooted at `root`. `parsed` is the root's parse when an editor holds it.
 * A keepalived root with `include` statements is followed through `fs` like the CLI does; the
 * included files come from `fs` (the overlay gives open buffers precedence).
 */
export async function loadProject(fs: FileSystem, root: string, format: Format, parsed: ParseResult | undefined): Promise<LoadedConfig> {
  if (!parsed) return loadConfig(fs, root, format);
  const text = parsed.lines.text;
  const single: LoadedConfig = {
    format,
    root,
    files: new Map([[root, { uri: root, text, parse: parsed, includedBy: undefined }]]),
    includes: [],
    diagnostics: new Map([[root, [...parsed.diagnostics]]]),
  };
  if (looksBinary(text)) {
    single.diagnostics.set(root, [diagnostic("binary-file", "error", BINARY_FILE_MESSAGE, parsed.lines.range(0, 0))]);
    return single;
  }
  if (parsed.format !== "keepalived") return single;
  const includes = [...keepalivedStatements(parsed.ast)].filter((statement) => statement.keyword.value === "include");
  if (includes.length === 0) return single;
  return withIncludes(fs, single, parsed, includes);
}

/**
 * Follows the root's includes with the workspace loader, without parsing the root again: the loader
 * is given a stand-in text where everything but the include lines is blanked (offsets unchanged),
 * and its findings are mapped back onto the statements of the editor's parse by offset.
 */
async function withIncludes(fs: FileSystem, single: LoadedConfig, parsed: KeepalivedParseResult, includes: KeepalivedStatement[]): Promise<LoadedConfig> {
  const text = parsed.lines.text;
  const root = single.root;
  let standIn = text.replace(/[^\r\n]/g, " ");
  for (const statement of includes) {
    const { startOffset, endOffset } = statement.range;
    standIn = standIn.slice(0, startOffset) + text.slice(startOffset, endOffset) + standIn.slice(endOffset);
  }
  const loaded = await loadConfig(fs, root, "keepalived", { text: standIn });
  const byOffset = new Map(includes.map((statement) => [statement.range.startOffset, statement]));
  const remap = (statement: KeepalivedStatement) => byOffset.get(statement.range.startOffset) ?? statement;
  const links: IncludeLink[] = loaded.includes.map((link) => (link.from === root ? { ...link, statement: remap(link.statement) } : link));
  const files = new Map(loaded.files);
  files.set(root, single.files.get(root)!);
  for (const [uri, file] of files) {
    if (file.includedBy?.uri === root) files.set(uri, { ...file, includedBy: { uri: root, statement: remap(file.includedBy.statement) } });
  }
  const diagnostics = new Map(loaded.diagnostics);
  // The stand-in's own parse found nothing worth keeping; the include problems are the loader's.
  const includeProblems = (loaded.diagnostics.get(root) ?? []).filter((d) => d.code.startsWith("include"));
  diagnostics.set(root, [...single.diagnostics.get(root)!, ...includeProblems]);
  return { format: "keepalived", root, files, includes: links, diagnostics };
}

/** A configuration with its settings: what every feature of the service reads. */
export interface Project {
  readonly root: string;
  readonly format: Format;
  readonly loaded: LoadedConfig;
  readonly config: ResolvedConfig;
}
