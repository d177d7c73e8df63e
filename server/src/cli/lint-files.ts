// Loads every target through the workspace loader, finds its lblint.config.json, runs the rules and
// gathers one report per file. A keepalived file that another target includes is reported as part
// of that configuration, not twice. Each configuration linted is kept as a unit that --fix can load
// again with fixed texts over the disk.
import { ConfigError, defaultConfig, findConfigFile, loadConfigFile, type ResolvedConfig } from "../lint/config.js";
import { configForFile } from "../lint/config-overrides.js";
import { lintLoaded } from "../lint/lint.js";
import { tierUpLaterFor } from "./tier-up.js";
import type { FileReport, Problem } from "../lint/report.js";
import { OverlayFileSystem, type FileSystem } from "../workspace/fs.js";
import { loadConfig, type LoadedConfig } from "../workspace/loader.js";
import { describeFsError } from "../workspace/read-file.js";
import { pathToUri, uriToPath } from "../workspace/uri.js";
import type { Target } from "./collect.js";
import { loadHaproxySet } from "./haproxy-set.js";

/** One configuration as the daemon loads it: a root file with its includes, or a haproxy file set. */
export interface Unit {
  readonly loaded: LoadedConfig;
  readonly config: ResolvedConfig;
  readonly problems: ReadonlyMap<string, Problem[]>;
  /** Loads the configuration again with `texts` (by URI) over what was read first. */
  readonly reload: (texts: ReadonlyMap<string, string>) => Promise<LoadedConfig>;
}

export interface LintRun {
  readonly reports: FileReport[];
  readonly units: Unit[];
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
export class ConfigResolver {
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
      config = source ? loadConfigFile(this.fs, source) : Promise.resolve(defaultConfig());
      this.cache.set(key, config);
    }
    // The file's overrides, then the command line over everything.
    const forThisFile = configForFile(await config, uri);
    return this.settings.adjust ? this.settings.adjust(forThisFile) : forThisFile;
  }
}

function loader(fs: FileSystem, target: Target): (texts: ReadonlyMap<string, string>) => Promise<LoadedConfig> {
  const uris = target.set ? target.set.map(pathToUri) : [target.uri ?? pathToUri(target.path)];
  return (texts) => {
    const over = texts.size > 0 ? new OverlayFileSystem(texts, fs) : fs;
    if (target.set) return loadHaproxySet(over, uris);
    const text = texts.get(uris[0]!) ?? target.text;
    return loadConfig(over, uris[0]!, target.format, text === undefined ? {} : { text });
  };
}

export async function lintTargets(fs: FileSystem, targets: readonly Target[], settings: LintSettings = {}): Promise<LintRun> {
  const errors: string[] = [];
  const resolver = new ConfigResolver(fs, settings);
  const loaded: { config: LoadedConfig; reload: Unit["reload"] }[] = [];
  for (const target of targets) {
    const reload = loader(fs, target);
    try {
      loaded.push({ config: await reload(new Map()), reload });
    } catch (error) {
      const path = (error as { path?: string }).path ?? target.path;
      errors.push(`${path}: cannot read it: ${describeFsError(error)}`);
    }
  }
  const includedElsewhere = new Set<string>();
  for (const { config } of loaded) for (const uri of config.files.keys()) if (uri !== config.root) includedElsewhere.add(uri);
  // Configurations that nothing includes go first, so that an included file is reported as part of
  // the file that includes it; a file already reported is not reported again (include cycles too).
  const ordered = [...loaded].sort((a, b) => Number(includedElsewhere.has(a.config.root)) - Number(includedElsewhere.has(b.config.root)));

  let characters = 0;
  for (const { config } of loaded) for (const file of config.files.values()) characters += file.text.length;
  tierUpLaterFor(characters);

  const reports = new Map<string, FileReport>();
  const units: Unit[] = [];
  const display = new Map(targets.filter((t) => t.uri && t.display).map((t) => [t.uri!, t.display!]));
  for (const { config: loadedConfig, reload } of ordered) {
    if (reports.has(loadedConfig.root)) continue;
    const config = await resolver.forFile(loadedConfig.root);
    const problems = lintLoaded(loadedConfig, config);
    units.push({ loaded: loadedConfig, config, problems, reload });
    for (const uri of loadedConfig.files.keys()) {
      if (reports.has(uri)) continue;
      reports.set(uri, { uri, path: display.get(uri) ?? uriToPath(uri), problems: problems.get(uri) ?? [] });
    }
  }
  return { reports: [...reports.values()], units, errors };
}

export { ConfigError };
