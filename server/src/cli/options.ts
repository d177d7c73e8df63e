// Command-line options that adjust the configuration found on disk: target versions and per-rule
// severities (`--rule HA001:off`). Validated like the config file, so a typo is exit 2, not ignored.
import { resolveConfig, type ResolvedConfig } from "../lint/config.js";

export interface ConfigOptions {
  readonly "haproxy-version"?: string;
  readonly "keepalived-version"?: string;
  readonly rule?: readonly string[];
  /** --no-inline-config: suppression comments are not applied. */
  readonly "no-inline-config"?: boolean;
}

/** A function that applies the options over a resolved config; throws ConfigError on bad values. */
export function commandLineConfig(options: ConfigOptions): (config: ResolvedConfig) => ResolvedConfig {
  const overlay: Record<string, unknown> = {};
  if (options["haproxy-version"] !== undefined) overlay.haproxyVersion = options["haproxy-version"];
  if (options["keepalived-version"] !== undefined) overlay.keepalivedVersion = options["keepalived-version"];
  if (options.rule?.length) {
    const rules: Record<string, string> = {};
    for (const setting of options.rule) {
      const colon = setting.lastIndexOf(":");
      if (colon <= 0) rules[setting] = "?";
      else rules[setting.slice(0, colon)] = setting.slice(colon + 1);
    }
    overlay.rules = rules;
  }
  if (options["no-inline-config"]) overlay.noInlineConfig = true;
  // Validate now, so that a bad option fails before any file is read.
  resolveConfig(overlay, "command line");
  // The result still comes from the config file found: its ignorePatterns are relative to it.
  return (config) => ({ ...resolveConfig(overlay, "command line", config), source: config.source });
}
