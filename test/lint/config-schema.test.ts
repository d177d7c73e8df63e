// The JSON Schema of lblint.config.json says what resolveConfig accepts: every sample below is valid
// for both or for neither, every rule can be named by id and alias, and rule options are checked.
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { configSchema } from "../../server/src/lint/config-schema.js";
import { resolveConfig } from "../../server/src/lint/config.js";
import { RULES } from "../../server/src/lint/registry.js";

const schema = configSchema(RULES);
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
const accepted = (config: unknown): boolean => {
  try {
    resolveConfig(config, "x");
    return true;
  } catch {
    return false;
  }
};

const VALID: unknown[] = [
  {},
  { $schema: "./node_modules/lblint/dist/lblint.config.schema.json", root: true },
  { haproxyVersion: "2.6", keepalivedVersion: "2.2" },
  { haproxyVersion: "2.6.12", keepalivedVersion: 2.4 },
  { haproxyVersion: 3.2 },
  { rules: { HA012: "off", "unused-acl": "off", "undefined-backend": "warning", HA021: ["warning", {}], KA001: ["info"] } },
  { rules: { "undefined-env": ["warning", { known: ["BIND_ADDR", "BACKEND_HOST"] }] } },
  { rules: { HA043: ["warning", { chroot: false }], "process-security": ["info", { user: false, chroot: true }] } },
  { rules: { "unknown-keyword": "warning" } },
  { ignorePatterns: ["generated/**"], haproxyConfigs: ["haproxy.cfg", ["a.cfg", "conf.d"]] },
  { overrides: [] },
  { overrides: [{ files: "legacy/**", haproxyVersion: "2.6", rules: { HA012: "off" } }, { files: ["*.j2", "*.tmpl"], excludedFiles: "vendor/**", keepalivedVersion: "2.2" }] },
];

const INVALID: unknown[] = [
  [],
  { haproxyVersion: "1.8" },
  { haproxyVersion: 2.7 },
  { keepalivedVersion: "2.2x" },
  { rule: {} },
  { rules: { "no-such-rule": "error" } },
  { rules: { HA010: "fatal" } },
  { rules: { HA010: [] } },
  { rules: { HA010: ["error", {}, "extra"] } },
  { rules: { HA010: ["error", { known: [] }] } },
  { rules: { HA037: ["warning", { know: ["A"] }] } },
  { rules: { HA037: ["warning", { known: "A" }] } },
  { rules: { HA043: ["warning", { chroot: "no" }] } },
  { rules: { HA043: ["warning", []] } },
  { ignorePatterns: "generated/**" },
  { haproxyConfigs: [[]] },
  { overrides: {} },
  { overrides: [{ rules: {} }] },
  { overrides: [{ files: [] }] },
  { overrides: [{ files: "a", ignorePatterns: [] }] },
  { overrides: [{ files: "a", rules: { "no-such-rule": "off" } }] },
  { overrides: [{ files: "a", haproxyVersion: "1.8" }] },
];

describe("the lblint.config.json schema", () => {
  it("accepts what resolveConfig accepts", () => {
    for (const config of VALID) {
      expect(accepted(config), JSON.stringify(config)).toBe(true);
      expect(validate(config), `${JSON.stringify(config)}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it("refuses what resolveConfig refuses", () => {
    for (const config of INVALID) {
      expect(accepted(config), JSON.stringify(config)).toBe(false);
      expect(validate(config), JSON.stringify(config)).toBe(false);
    }
  });

  it("names every rule by id and alias, with its description", () => {
    const properties = (schema.properties as { rules: { properties: Record<string, { description: string }> } }).rules.properties;
    for (const rule of RULES) {
      expect(properties[rule.meta.id]?.description).toContain(rule.meta.description);
      expect(properties[rule.meta.alias]?.description).toContain(rule.meta.id);
    }
  });

  it("is what the build writes to dist/", () => {
    const built = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "dist", "lblint.config.schema.json"), "utf8"));
    expect(built).toEqual(schema);
  });
});

describe("rule options in lblint.config.json", () => {
  it("refuses an option the rule does not take, or a value of the wrong type, with a clear message", () => {
    const bad: [unknown, string][] = [
      [{ rules: { HA037: ["warning", { know: ["A"] }] } }, "x: rule 'HA037': unknown option 'know' (did you mean 'known'?)"],
      [{ rules: { HA010: ["error", { known: [] }] } }, "x: rule 'HA010': unknown option 'known' (it takes no options)"],
      [{ rules: { HA043: ["warning", { group: false }] } }, "x: rule 'HA043': unknown option 'group' (it takes 'chroot', 'user')"],
      [{ rules: { HA037: ["warning", { known: "A" }] } }, "x: rule 'HA037': option 'known' must be a list of strings (got \"A\")"],
      [{ rules: { HA043: ["warning", { chroot: "no" }] } }, "x: rule 'HA043': option 'chroot' must be true or false (got \"no\")"],
      [{ rules: { HA010: [] } }, "x: rule 'HA010': a list must be [severity] or [severity, options]"],
    ];
    for (const [config, message] of bad) expect(() => resolveConfig(config, "x")).toThrow(message);
  });
});
