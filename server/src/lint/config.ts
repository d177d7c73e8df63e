// lblint.config.json: rule severities and options, target versions and ignore patterns. The CLI, the
// library and the language server find and read it through this module, so they never disagree.
// A configuration error is reported with the file and the offending key, never silently ignored.
import type { Severity } from "../../../grammars/common/diagnostics.js";
import { HAPROXY_VERSIONS, KEEPALIVED_VERSIONS, type HaproxyVersion, type KeepalivedVersion } from "../facts/types.js";
import { dirname, resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import type { FileSystem } from "../workspace/fs.js";
import { describeFsError } from "../workspace/read-file.js";
import { dirnameUri, resolveUri } from "../workspace/uri.js";
import { jsonSyntaxError, keyPosition } from "../workspace/json-position.js";
import { findRules, RULES } from "./registry.js";
import { suggest } from "./suggest.js";
import type { Rule, Targets } from "./rule.js";
import { parseOverrides, type ConfigOverride } from "./config-overrides.js";

export const CONFIG_FILE_NAMES = ["lblint.config.json", ".lblintrc.json"] as const;

/** The newest LTS release of each product. */
export const DEFAULT_TARGETS: Targets = { haproxy: "3.4", keepalived: "2.4" };

/** How a rule is set in lblint.config.json: a severity or "off", optionally with the rule's options. */
export type RuleSetting = Severity | "off" | readonly [Severity | "off", Readonly<Record<string, unknown>>?];

/** The file as users write it. */
export interface ConfigFile {
  /** Stop looking further up the directory tree. */
  readonly root?: boolean;
  readonly haproxyVersion?: string;
  readonly keepalivedVersion?: string;
  /** Rule id or alias → severity, `"off"`, or `[severity, options]`. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Paths (gitignore syntax) the CLI skips, relative to the config file. */
  readonly ignorePatterns?: readonly string[];
  /**
   * haproxy configurations made of several files, as `haproxy -f a.cfg -f conf.d/` loads them: each
   * entry is one configuration, a path or a list of paths (files, or directories whose `.cfg` files
   * are read in lexical order), relative to the config file.
   */
  readonly haproxyConfigs?: readonly (string | readonly string[])[];
  /** Settings for some files under the config file (see config-overrides.ts). */
  readonly overrides?: readonly Readonly<Record<string, unknown>>[];
  /** `true`: suppression comments (`# lblint-disable …`) are not applied (an audit of what they hide). */
  readonly noInlineConfig?: boolean;
  /** Formatting's indentation step: 1 to 16 spaces, or `"tab"` (default: the file's own, else 4). */
  readonly indent?: number | "tab";
}

/** What lint() uses: every rule's effective severity and options, and the target versions. */
export interface ResolvedConfig {
  readonly targets: Targets;
  /** Rule id → setting; rules not listed run with their default severity and no options. */
  readonly rules: ReadonlyMap<string, { readonly severity: Severity | "off"; readonly options: Readonly<Record<string, unknown>> }>;
  readonly ignorePatterns: readonly string[];
  /** Multi-file haproxy configurations: each a list of absolute paths, in haproxy's reading order. */
  readonly haproxyConfigs: readonly (readonly string[])[];
  /** Settings for some files, applied by `configForFile` (config-overrides.ts). */
  readonly overrides: readonly ConfigOverride[];
  /** Whether suppression comments apply (false with `noInlineConfig` or `--no-inline-config`). */
  readonly inlineConfig: boolean;
  /** Formatting's indentation step (`indent`); undefined: each file keeps its own (CLI) or the editor's. */
  readonly indent: number | "tab" | undefined;
  /** The config file this came from, if any. */
  readonly source: string | undefined;
}

/** Where in a configuration file a problem is: 1-based line and column, as editors and compilers count. */
export interface ConfigPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * A problem in an lblint configuration file, naming the file and, when it is known, the line and
 * column (`source:line:column: detail`). `key` is the JSON key the problem is about; loadConfigFile
 * finds its position in the text.
 */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly detail: string,
    readonly at?: ConfigPosition,
    readonly key?: string,
  ) {
    super(`${source}${at ? `:${at.line}:${at.column}` : ""}: ${detail}`);
  }
}

const SEVERITIES: readonly string[] = ["error", "warning", "info", "off"];

/** The configuration used when there is no lblint.config.json: default targets, every rule at its own severity. */
export function defaultConfig(): ResolvedConfig {
  return { targets: DEFAULT_TARGETS, rules: new Map(), ignorePatterns: [], haproxyConfigs: [], overrides: [], inlineConfig: true, indent: undefined, source: undefined };
}

export function parseVersion<V extends string>(value: unknown, known: readonly V[], what: string, source: string): V {
  const text = typeof value === "number" ? value.toFixed(1) : String(value);
  // "2.6.12" targets 2.6: keyword sets change between minor releases only.
  const minor = /^(\d+\.\d+)(?:\.\d+)?$/.exec(text)?.[1];
  if (minor === undefined || !known.includes(minor as V)) {
    throw new ConfigError(source, `${what} '${text}' is not one lblint knows (${known.join(", ")})`, undefined, what);
  }
  return minor as V;
}

/** Validates a parsed config file and merges it over `base`. */
export function resolveConfig(file: unknown, source: string, base: ResolvedConfig = defaultConfig()): ResolvedConfig {
  if (typeof file !== "object" || file === null || Array.isArray(file)) throw new ConfigError(source, "the configuration must be a JSON object");
  const raw = file as Record<string, unknown>;
  const known = new Set(["$schema", "root", "haproxyVersion", "keepalivedVersion", "rules", "ignorePatterns", "haproxyConfigs", "overrides", "noInlineConfig", "indent"]);
  for (const key of Object.keys(raw)) {
    if (known.has(key)) continue;
    const close = suggest(key, known, 1)[0];
    throw new ConfigError(source, `unknown key '${key}'${close ? ` (did you mean '${close}'?)` : ` (expected one of ${[...known].join(", ")})`}`, undefined, key);
  }

  const targets: Targets = {
    haproxy: raw.haproxyVersion === undefined ? base.targets.haproxy : parseVersion<HaproxyVersion>(raw.haproxyVersion, HAPROXY_VERSIONS, "haproxyVersion", source),
    keepalived:
      raw.keepalivedVersion === undefined ? base.targets.keepalived : parseVersion<KeepalivedVersion>(raw.keepalivedVersion, KEEPALIVED_VERSIONS, "keepalivedVersion", source),
  };
  const rules = new Map(base.rules);
  if (raw.rules !== undefined) {
    if (typeof raw.rules !== "object" || raw.rules === null || Array.isArray(raw.rules)) throw new ConfigError(source, "'rules' must be an object of rule id → severity");
    for (const [key, setting] of Object.entries(raw.rules)) {
      const found = findRules(key);
      if (found.length === 0) {
        const close = suggest(key, RULES.flatMap((rule) => [rule.meta.id, rule.meta.alias]), 1)[0];
        throw new ConfigError(source, `unknown rule '${key}' in 'rules'${close ? ` (did you mean '${close}'?)` : ""} (see lblint --list-rules)`, undefined, key);
      }
      const parsed = parseRuleSetting(setting, key, source, found);
      for (const rule of found) rules.set(rule.meta.id, parsed);
    }
  }
  let ignorePatterns = base.ignorePatterns;
  if (raw.ignorePatterns !== undefined) {
    if (!Array.isArray(raw.ignorePatterns) || raw.ignorePatterns.some((p) => typeof p !== "string")) {
      throw new ConfigError(source, "'ignorePatterns' must be an array of strings");
    }
    ignorePatterns = [...ignorePatterns, ...(raw.ignorePatterns as string[])];
  }
  let haproxyConfigs = base.haproxyConfigs;
  if (raw.haproxyConfigs !== undefined) {
    const sets = raw.haproxyConfigs;
    const valid = Array.isArray(sets) && sets.every((set) => typeof set === "string" || (Array.isArray(set) && set.length > 0 && set.every((p) => typeof p === "string")));
    if (!valid) throw new ConfigError(source, "'haproxyConfigs' must be an array whose entries are a path or a list of paths");
    const base = source.startsWith("file:") ? dirname(fileURLToPath(source)) : process.cwd();
    haproxyConfigs = (sets as (string | string[])[]).map((set) => (typeof set === "string" ? [set] : set).map((path) => resolvePath(base, path)));
  }
  const overrides = raw.overrides === undefined ? base.overrides : [...base.overrides, ...parseOverrides(raw.overrides, source)];
  if (raw.noInlineConfig !== undefined && typeof raw.noInlineConfig !== "boolean") throw new ConfigError(source, "'noInlineConfig' must be true or false", undefined, "noInlineConfig");
  const inlineConfig = raw.noInlineConfig === undefined ? base.inlineConfig : !raw.noInlineConfig;
  const indent = raw.indent === undefined ? base.indent : parseIndent(raw.indent, source);
  return { targets, rules, ignorePatterns, haproxyConfigs, overrides, inlineConfig, indent, source };
}

function parseIndent(value: unknown, source: string): number | "tab" {
  if (value === "tab" || (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 16)) return value;
  throw new ConfigError(source, `'indent' must be a number of spaces from 1 to 16, or "tab" (got ${JSON.stringify(value)})`, undefined, "indent");
}

function parseRuleSetting(setting: unknown, key: string, source: string, rules: readonly Rule[]): { severity: Severity | "off"; options: Record<string, unknown> } {
  if (Array.isArray(setting) && (setting.length === 0 || setting.length > 2)) {
    throw new ConfigError(source, `rule '${key}': a list must be [severity] or [severity, options]`, undefined, key);
  }
  const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
  if (typeof severity !== "string" || !SEVERITIES.includes(severity)) {
    throw new ConfigError(source, `rule '${key}': severity must be one of ${SEVERITIES.join(", ")} (got ${JSON.stringify(severity)})`, undefined, key);
  }
  if (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options))) {
    throw new ConfigError(source, `rule '${key}': options must be an object`, undefined, key);
  }
  for (const [name, value] of Object.entries((options ?? {}) as Record<string, unknown>)) checkRuleOption(rules, key, name, value, source);
  return { severity: severity as Severity | "off", options: (options ?? {}) as Record<string, unknown> };
}

/** Refuses an option no rule of `key` takes, or a value of the wrong type. */
function checkRuleOption(rules: readonly Rule[], key: string, name: string, value: unknown, source: string): void {
  const known = rules.flatMap((rule) => Object.entries(rule.meta.options ?? {}));
  const spec = known.find(([option]) => option === name)?.[1];
  if (!spec) {
    const names = [...new Set(known.map(([option]) => option))];
    const close = suggest(name, names, 1)[0];
    const expected = close ? ` (did you mean '${close}'?)` : names.length > 0 ? ` (it takes ${names.map((n) => `'${n}'`).join(", ")})` : " (it takes no options)";
    throw new ConfigError(source, `rule '${key}': unknown option '${name}'${expected}`, undefined, name);
  }
  const valid = spec.type === "boolean" ? typeof value === "boolean" : Array.isArray(value) && value.every((entry) => typeof entry === "string");
  if (!valid) throw new ConfigError(source, `rule '${key}': option '${name}' must be ${spec.type === "boolean" ? "true or false" : "a list of strings"} (got ${JSON.stringify(value)})`, undefined, name);
}

/** Finds the nearest config file at or above the directory of `fileUri`; undefined when there is none. */
export async function findConfigFile(fs: FileSystem, fileUri: string): Promise<string | undefined> {
  let dir = dirnameUri(fileUri);
  for (let depth = 0; depth < 64; depth++) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = resolveUri(dir, name);
      if ((await fs.stat(candidate))?.type === "file") return candidate;
    }
    const parent = dirnameUri(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** Reads and resolves a config file (an empty one sets nothing); a missing, unreadable or invalid file throws a ConfigError. */
export async function loadConfigFile(fs: FileSystem, uri: string, base?: ResolvedConfig): Promise<ResolvedConfig> {
  let text: string;
  try {
    text = await fs.readFile(uri);
  } catch (error) {
    throw new ConfigError(uri, `cannot read the configuration: ${describeFsError(error)}`);
  }
  let parsed: unknown;
  try {
    // An empty file configures nothing: an editor creating one (the split-configuration quick fix)
    // writes it empty first and its text on save.
    parsed = text.trim() === "" ? {} : JSON.parse(text);
  } catch (error) {
    const { detail, at } = jsonSyntaxError(text, error as Error);
    throw new ConfigError(uri, `not valid JSON: ${detail}`, at);
  }
  try {
    return resolveConfig(parsed, uri, base);
  } catch (error) {
    // resolveConfig reads the parsed value; the text says where the key it names was written.
    if (error instanceof ConfigError && error.key !== undefined && error.at === undefined) {
      throw new ConfigError(error.source, error.detail, keyPosition(text, error.key), error.key);
    }
    throw error;
  }
}
