// Loads every target through the workspace loader and gathers one report per file. A keepalived
// file that another target includes is reported as part of that configuration, not twice.
import { syntaxProblem, type FileReport } from "../lint/report.js";
import type { FileSystem } from "../workspace/fs.js";
import { loadConfig, type LoadedConfig } from "../workspace/loader.js";
import { pathToUri, uriToPath } from "../workspace/uri.js";
import type { Target } from "./collect.js";

export interface LintRun {
  readonly reports: FileReport[];
  /** Files that could not be read at all. */
  readonly errors: string[];
}

export async function lintTargets(fs: FileSystem, targets: readonly Target[]): Promise<LintRun> {
  const errors: string[] = [];
  const loaded: { target: Target; config: LoadedConfig }[] = [];
  for (const target of targets) {
    try {
      loaded.push({ target, config: await loadConfig(fs, pathToUri(target.path), target.format) });
    } catch (error) {
      errors.push(`${target.path}: cannot read file (${(error as { code?: string }).code ?? String(error)})`);
    }
  }
  const includedElsewhere = new Set<string>();
  for (const { config } of loaded) for (const uri of config.files.keys()) if (uri !== config.root) includedElsewhere.add(uri);
  // Configurations that nothing includes go first, so that an included file is reported as part of
  // the file that includes it; a file already reported is not reported again (include cycles too).
  const ordered = [...loaded].sort((a, b) => Number(includedElsewhere.has(a.config.root)) - Number(includedElsewhere.has(b.config.root)));

  const reports = new Map<string, FileReport>();
  for (const { config } of ordered) {
    if (reports.has(config.root)) continue;
    for (const uri of config.files.keys()) {
      if (reports.has(uri)) continue;
      const problems = (config.diagnostics.get(uri) ?? []).map(syntaxProblem);
      problems.sort((a, b) => a.range.start.offset - b.range.start.offset);
      reports.set(uri, { uri, path: uriToPath(uri), problems });
    }
  }
  return { reports: [...reports.values()], errors };
}
