// The lblint library: `import { parseHaproxy, parseKeepalived, print } from "lblint"`.
// Grammars, the edit API and the workspace loader; never the language server.
export * from "../../grammars/index.js";
export { formatFromContent, formatFromPath, detectFormat, type Format } from "./workspace/detect.js";
export { MemoryFileSystem, NodeFileSystem, OverlayFileSystem, type FileStat, type FileSystem } from "./workspace/fs.js";
export { loadConfig, parseText, type FileSource, type IncludeLink, type LoadedConfig, type LoadedFile, type LoadOptions, type ParseResult, type SourceFile } from "./workspace/loader.js";
export { pathToUri, uriToPath } from "./workspace/uri.js";
export { lint, lintLoaded } from "./lint/lint.js";
export {
  ConfigError,
  DEFAULT_TARGETS,
  defaultConfig,
  findConfigFile,
  loadConfigFile,
  resolveConfig,
  type ConfigFile,
  type ConfigPosition,
  type ResolvedConfig,
  type RuleSetting,
} from "./lint/config.js";
export { configForFile, type ConfigOverride } from "./lint/config-overrides.js";
export { RULES, findRules } from "./lint/registry.js";
export { configSchema, type JsonSchema } from "./lint/config-schema.js";
export { siteSchema } from "./site/site-config.js";
export type { Problem, FileReport } from "./lint/report.js";
export type { Category, Fix, HaproxyRule, KeepalivedRule, Product, RelatedLocation, Report, Rule, RuleContext, RuleMeta, SiteRule, Targets } from "./lint/rule.js";
export * from "./site/index.js";
export type { HaproxyModel } from "./rules/haproxy/model.js";
export type { KeepalivedModel } from "./rules/keepalived/model.js";
export type { HaproxyVersion, KeepalivedVersion } from "./facts/types.js";
