// Loads every target through the workspace loader, finds its lblint.config.json, runs the rules and
// gathers one report per file. A keepalived file that another target includes is reported as part
// of that configuration, not twice.
import { ConfigError, defaultConfig, findConfigFile, loadConfigFile, type ResolvedConfig } from "../lint/config.js";
import { lintLoaded } from "../lint/lint.js";
import type { FileReport } from "../lint/report.js";
import type { FileSystem } from "../workspace/fs.js";
import { loadConfig, type LoadedConfig } from "../workspace/loader.js";
import { pathToUri, uriToPath } from "../workspace/uri.js";
import type { Target } from "./collect.js";

export interface LintRun {
  readonly reports: FileReport[];
  /** Files that could not be read at all. */
  readonly errors: string[];
}

export interface LintSettings {
  /** An explicit config file (`--config`): used for every file instead of looking one up. */
  readonly configFile?: string;
  /** Applied over whatever config file is found (command-line options). */
  readonly adjust?: (config: ResolvedConfig) => ResolvedConfig;
}

/** Resolves each file's configuration once per config file. Config errors propagate as ConfigError. */
class ConfigResolver {
  private readonly cache = new Map<string, Promise<ResolvedConfig>>();

  constructor(
    private readonly fs: FileSystem,
    private readonly settings: LintSettings,
  ) {}

  async forFile(uri: string): Promise<ResolvedConfig> {
    const source = this.settings.configFile ? pathToUri(this.settings.configFile) : await findConfigFile(this.fs, uri);
    const key = source ?? "";
    let config = this.cache.get(key);
    if (!config) {
      config = (source ? loadConfigFile(this.fs, source) : Promise.resolve(undefined)).then((found) => {
        const base = found ?? defaultConfig();
        return this.settings.adjust ? this.settings.adjust(base) : base;
      });
      this.cache.set(key, config);
    }
    return config;
  }
}

export async function lintTargets(fs: FileSystem, targets: readonly Target[], settings: LintSettings = {}): Promise<LintRun> {
  const errors: string[] = [];
  const resolver = new ConfigResolver(fs, settings);
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
    const problems = lintLoaded(config, await resolver.forFile(config.root));
    for (const uri of config.files.keys()) {
      if (reports.has(uri)) continue;
      reports.set(uri, { uri, path: uriToPath(uri), problems: problems.get(uri) ?? [] });
    }
  }
  return { reports: [...reports.values()], errors };
}

export { ConfigError };
