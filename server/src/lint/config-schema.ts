// The JSON Schema of lblint.config.json, made from the rule registry and the known versions, so that
// editors check the file and complete its keys, rule names, severities and options as it is typed.
// The build writes it to dist/lblint.config.schema.json; the VS Code extension applies it to every
// lblint.config.json and .lblintrc.json. resolveConfig stays the authority: the schema says the same
// in the form editors read.
import { HAPROXY_VERSIONS, KEEPALIVED_VERSIONS } from "../facts/types.js";
import type { Rule, RuleOption } from "./rule.js";

/** A JSON Schema (draft-07), as a plain object. */
export type JsonSchema = Record<string, unknown>;
type Schema = JsonSchema;

const SEVERITY: Schema = { $ref: "#/definitions/severity" };
const DEFINITIONS: Schema = {
  severity: { enum: ["error", "warning", "info", "off"], description: "error, warning or info, or off to turn the rule off" },
  // A rule without options: a severity, or [severity] or [severity, {}] as for rules with options.
  setting: { anyOf: [SEVERITY, { type: "array", items: [SEVERITY, { type: "object", maxProperties: 0 }], additionalItems: false, minItems: 1 }] },
};

function optionSchema(option: RuleOption): Schema {
  return option.type === "boolean" ? { type: "boolean", description: option.description } : { type: "array", items: { type: "string" }, description: option.description };
}

/** The setting of the rules a name stands for: a severity, or [severity, options] when they take options. */
function settingSchema(rules: readonly Rule[]): Schema {
  const options = Object.fromEntries(rules.flatMap((rule) => Object.entries(rule.meta.options ?? {})).map(([name, option]) => [name, optionSchema(option)]));
  const title = rules.map((rule) => `${rule.meta.id} (${rule.meta.product}): ${rule.meta.description}`).join("\n");
  if (Object.keys(options).length === 0) return { description: title, $ref: "#/definitions/setting" };
  const withOptions: Schema = {
    type: "array",
    items: [SEVERITY, { type: "object", properties: options, additionalProperties: false }],
    additionalItems: false,
    minItems: 1,
  };
  return { description: title, anyOf: [SEVERITY, withOptions] };
}

/** The JSON Schema of lblint.config.json for these rules (the library's RULES for lblint's own). */
export function configSchema(rules: readonly Rule[]): JsonSchema {
  const byName = new Map<string, Rule[]>();
  for (const rule of rules) {
    for (const name of [rule.meta.id, rule.meta.alias]) byName.set(name, [...(byName.get(name) ?? []), rule]);
  }
  const ruleProperties = Object.fromEntries([...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, named]) => [name, settingSchema(named)]));
  const haproxyVersion = versionSchema("The haproxy release the files are written for (a patch release such as 2.6.12 means its minor release).", HAPROXY_VERSIONS);
  const keepalivedVersion = versionSchema("The keepalived release the files are written for.", KEEPALIVED_VERSIONS);
  const rulesSchema: Schema = { type: "object", description: "Rule id or alias → severity, or [severity, options].", properties: ruleProperties, additionalProperties: false };
  const patterns: Schema = { anyOf: [{ type: "string", minLength: 1 }, { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 }] };
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "lblint configuration (lblint.config.json, .lblintrc.json)",
    description: "Target versions, rule severities and options, ignored paths. See docs/configuration.md.",
    type: "object",
    additionalProperties: false,
    definitions: DEFINITIONS,
    properties: {
      $schema: { type: "string" },
      root: { type: "boolean", description: "Accepted for compatibility: the nearest configuration file always applies." },
      haproxyVersion,
      keepalivedVersion,
      rules: rulesSchema,
      ignorePatterns: { type: "array", items: { type: "string" }, description: "Paths the command line skips (gitignore syntax), relative to this file." },
      haproxyConfigs: {
        type: "array",
        description: "haproxy configurations made of several files, as `haproxy -f a.cfg -f conf.d/` loads them: each a path or a list of paths, relative to this file.",
        items: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" }, minItems: 1 }] },
      },
      noInlineConfig: { type: "boolean", description: "true: '# lblint-disable' comments are not applied, so every finding they would hide is reported (an audit)." },
      indent: INDENT,
      overrides: {
        type: "array",
        description: "Settings for some files: each entry applies to the files its patterns match (relative to this file; a pattern without '/' matches a file name at any depth), in order, over the settings above.",
        items: {
          type: "object",
          required: ["files"],
          additionalProperties: false,
          properties: {
            files: { ...patterns, description: "The files the entry applies to." },
            excludedFiles: { ...patterns, description: "Files the entry leaves alone, among those `files` matches." },
            haproxyVersion,
            keepalivedVersion,
            rules: rulesSchema,
            indent: INDENT,
          },
        },
      },
    },
  };
}

/** Formatting's indentation step. */
const INDENT: Schema = {
  description: "The indentation step of formatting (lblint --fmt, the editor's Format Document): a number of spaces, or \"tab\". Without it, the command line keeps each file's own step and editors use theirs.",
  anyOf: [{ type: "integer", minimum: 1, maximum: 16 }, { const: "tab" }],
};

/** `"2.6"` or `"2.6.12"` for each known minor release, or the number 2.6. */
function versionSchema(description: string, versions: readonly string[]): Schema {
  const pattern = `^(?:${versions.map((version) => version.replace(".", "\\.")).join("|")})(?:\\.\\d+)?$`;
  return { description, anyOf: [{ type: "string", pattern, examples: [...versions] }, { enum: versions.map(Number) }] };
}
