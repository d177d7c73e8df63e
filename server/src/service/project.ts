// A configuration as the language service sees it: a root file and what it includes, read through the
// editor's buffers over the disk, with the lblint.config.json that applies to it. Open documents
// contribute their incremental parse, so nothing the editor holds is parsed twice per version.
import { diagnostic } from "../../../grammars/common/diagnostics.js";
import type { ResolvedConfig } from "../lint/config.js";
import type { Format } from "../workspace/detect.js";
import type { FileSystem } from "../workspace/fs.js";
import { BINARY_FILE_MESSAGE, loadConfig, looksBinary, type FileSource, type LoadedConfig, type ParseResult } from "../workspace/loader.js";

/** What the service knows about one file of a configuration. */
export interface ProjectFile {
  readonly uri: string;
  readonly text: string;
  readonly parse: ParseResult;
}

/**
 * Loads the configuration rooted at `root`. `parsed` is the root's parse when an editor holds it;
 * the other files (a keepalived root's includes, or the root itself when closed) come from `source`,
 * which keeps them parsed while they are unchanged.
 */
export function loadProject(fs: FileSystem, root: string, format: Format, parsed: ParseResult | undefined, source: FileSource): Promise<LoadedConfig> {
  // A buffer that looks binary is said once, as the CLI says it, instead of a screen of syntax errors.
  if (parsed && looksBinary(parsed.lines.text)) {
    const text = parsed.lines.text;
    return Promise.resolve({
      format,
      root,
      files: new Map([[root, { uri: root, text, parse: parsed, includedBy: undefined }]]),
      includes: [],
      diagnostics: new Map([[root, [diagnostic("binary-file", "error", BINARY_FILE_MESSAGE, parsed.lines.range(0, 0))]]]),
    });
  }
  return loadConfig(fs, root, format, parsed ? { parse: parsed, source } : { source });
}

/** A configuration with its settings: what every feature of the service reads. */
export interface Project {
  readonly root: string;
  readonly format: Format;
  readonly loaded: LoadedConfig;
  readonly config: ResolvedConfig;
}
