// `overrides` in lblint.config.json: settings for some of the files under the config file, as
// ESLint's overrides: `{ "files": ["legacy/**"], "haproxyVersion": "2.6", "rules": { … } }`.
// Patterns are relative to the config file's directory (gitignore-like globs; one without a `/`
// matches a file name at any depth); every entry that matches applies, in order, over the file's
// top-level settings, and the command line applies over them all.
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import picomatch from "picomatch";
import { ConfigError, resolveConfig, type ResolvedConfig } from "./config.js";

/** One entry of `overrides`, checked when the file is read. */
export interface ConfigOverride {
  /** Whether the entry applies to a file (an absolute path). */
  matches(path: string): boolean;
  /** The entry's settings over `config`. */
  apply(config: ResolvedConfig): ResolvedConfig;
}

/** The keys an entry may set besides `files` and `excludedFiles`. */
const SETTINGS: ReadonlySet<string> = new Set(["haproxyVersion", "keepalivedVersion", "rules", "indent"]);

function patterns(value: unknown, key: string, source: string, at: number): string[] {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((pattern) => typeof pattern !== "string" || pattern === "")) {
    throw new ConfigError(source, `overrides[${at}]: '${key}' must be a pattern or a non-empty list of patterns`, undefined, key);
  }
  return list as string[];
}

/** A pattern without a `/` stands for a file name at any depth, as in .gitignore. */
function matcher(list: readonly string[]): (path: string) => boolean {
  return picomatch(list.map((pattern) => (pattern.includes("/") ? pattern.replace(/^\//, "") : `**/${pattern}`)), { dot: true });
}

/** Reads and checks `overrides` (an array of entries); a problem names the entry and the key. */
export function parseOverrides(value: unknown, source: string): ConfigOverride[] {
  if (!Array.isArray(value)) throw new ConfigError(source, "'overrides' must be an array of { files, … } entries", undefined, "overrides");
  const base = source.startsWith("file:") ? dirname(fileURLToPath(source)) : process.cwd();
  return value.map((entry: unknown, at) => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw new ConfigError(source, `overrides[${at}] must be an object with 'files'`, undefined, "overrides");
    const raw = entry as Record<string, unknown>;
    if (raw.files === undefined) throw new ConfigError(source, `overrides[${at}] has no 'files'`, undefined, "overrides");
    for (const key of Object.keys(raw)) {
      if (key !== "files" && key !== "excludedFiles" && !SETTINGS.has(key)) {
        throw new ConfigError(source, `overrides[${at}]: '${key}' cannot be set per file (only ${[...SETTINGS].join(", ")})`, undefined, key);
      }
    }
    const settings = Object.fromEntries(Object.entries(raw).filter(([key]) => SETTINGS.has(key)));
    // Checked now, so that a mistake is reported when the file is read, not when some file matches.
    resolveConfig(settings, `${source} overrides[${at}]`);
    const included = matcher(patterns(raw.files, "files", source, at));
    const excluded = raw.excludedFiles === undefined ? () => false : matcher(patterns(raw.excludedFiles, "excludedFiles", source, at));
    return {
      matches(path: string) {
        const relativePath = relative(base, path).split("\\").join("/");
        // Files outside the config file's directory are not its to configure.
        if (relativePath.startsWith("../") || relativePath === "..") return false;
        return included(relativePath) && !excluded(relativePath);
      },
      apply(config: ResolvedConfig) {
        return { ...resolveConfig(settings, source, config), source: config.source };
      },
    };
  });
}

/** The settings for one file: `config` with every override that matches the file applied, in order. */
export function configForFile(config: ResolvedConfig, fileUri: string): ResolvedConfig {
  if (config.overrides.length === 0 || !fileUri.startsWith("file:")) return config;
  const path = fileURLToPath(fileUri);
  let result = config;
  for (const override of config.overrides) if (override.matches(path)) result = override.apply(result);
  return result;
}
