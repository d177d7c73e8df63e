import { describe, expect, it } from "vitest";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { ConfigError, defaultConfig, findConfigFile, loadConfigFile, resolveConfig } from "../../server/src/lint/config.js";
import { lint } from "../../server/src/lint/lint.js";
import { MemoryFileSystem } from "../../server/src/workspace/fs.js";

const text = "frontend www\n    bind :80\n    timeout client 30s\n    use_backend old\n    acl unused path /\n";

describe("lblint.config.json", () => {
  it("sets severities by id or alias and turns rules off", () => {
    const parsed = parseHaproxy(text);
    expect(lint(parsed).map((p) => `${p.ruleId}:${p.severity}`)).toEqual(["HA010:error", "HA012:info"]);
    expect(lint(parsed, { rules: { "undefined-backend": "warning", HA012: "off" } }).map((p) => `${p.ruleId}:${p.severity}`)).toEqual(["HA010:warning"]);
    expect(lint(parsed, { rules: { HA010: ["info", {}] } })[0]!.severity).toBe("info");
  });

  it("reads target versions, and refuses versions, rules, severities and keys it does not know", () => {
    expect(resolveConfig({ haproxyVersion: "2.6.12", keepalivedVersion: 2.2 }, "x").targets).toEqual({ haproxy: "2.6", keepalived: "2.2" });
    const bad: [unknown, string][] = [
      [{ haproxyVersion: "1.8" }, "x: haproxyVersion '1.8' is not one lblint knows (2.6, 2.8, 3.0, 3.2, 3.4)"],
      [{ rules: { "no-such-rule": "error" } }, "x: unknown rule 'no-such-rule' in 'rules' (see lblint --list-rules)"],
      [{ rules: { HA010: "fatal" } }, 'x: rule \'HA010\': severity must be one of error, warning, info, off (got "fatal")'],
      [{ rule: {} }, "x: unknown key 'rule' (did you mean 'rules'?)"],
      [{ ignore: [] }, "x: unknown key 'ignore' (expected one of $schema, root, haproxyVersion, keepalivedVersion, rules, ignorePatterns, haproxyConfigs, overrides, noInlineConfig, indent)"],
      [{ rules: { "unknown-keywrd": "error" } }, "x: unknown rule 'unknown-keywrd' in 'rules' (did you mean 'unknown-keyword'?) (see lblint --list-rules)"],
      [[], "x: the configuration must be a JSON object"],
    ];
    for (const [input, message] of bad) {
      expect(() => resolveConfig(input, "x")).toThrow(ConfigError);
      expect(() => resolveConfig(input, "x")).toThrow(message);
    }
  });

  it("reads the formatting indent, a number of spaces or \"tab\", and refuses anything else", () => {
    expect(resolveConfig({ indent: 2 }, "t").indent).toBe(2);
    expect(resolveConfig({ indent: "tab" }, "t").indent).toBe("tab");
    expect(resolveConfig({}, "t").indent).toBeUndefined();
    for (const wrong of [0, 17, 2.5, "2", "tabs"]) {
      expect(() => resolveConfig({ indent: wrong }, "t"), String(wrong)).toThrow(/'indent' must be a number of spaces from 1 to 16, or "tab"/);
    }
  });

  it("is found by walking up from the file, nearest first", async () => {
    const fs = new MemoryFileSystem({
      "file:///srv/lblint.config.json": "{}",
      "file:///srv/lb/.lblintrc.json": '{"haproxyVersion": "2.8"}',
      "file:///srv/lb/haproxy/haproxy.cfg": text,
      "file:///srv/other/haproxy.cfg": text,
    });
    expect(await findConfigFile(fs, "file:///srv/lb/haproxy/haproxy.cfg")).toBe("file:///srv/lb/.lblintrc.json");
    expect(await findConfigFile(fs, "file:///srv/other/haproxy.cfg")).toBe("file:///srv/lblint.config.json");
    expect(await findConfigFile(fs, "file:///elsewhere/haproxy.cfg")).toBeUndefined();
    expect((await loadConfigFile(fs, "file:///srv/lb/.lblintrc.json")).targets.haproxy).toBe("2.8");
  });

  it("takes an empty file as one that sets nothing, as an editor creating it writes it first", async () => {
    const fs = new MemoryFileSystem({ "file:///a/lblint.config.json": " \n" });
    const config = await loadConfigFile(fs, "file:///a/lblint.config.json");
    expect(config.targets).toEqual(defaultConfig().targets);
    expect(config.source).toBe("file:///a/lblint.config.json");
  });

  it("reports a file that is not JSON with its name", async () => {
    const fs = new MemoryFileSystem({ "file:///a/lblint.config.json": "{ rules: }" });
    await expect(loadConfigFile(fs, "file:///a/lblint.config.json")).rejects.toThrow(/^file:\/\/\/a\/lblint.config.json:1:3: not valid JSON/);
  });

  it("says on which line and column a problem stands", async () => {
    const uri = "file:///a/lblint.config.json";
    const cases: [string, string][] = [
      ['{\n  "rules": {\n    "HA010": "warning",\n    "HA999": "error"\n  }\n}\n', `${uri}:4:5: unknown rule 'HA999' in 'rules' (see lblint --list-rules)`],
      ['{\n  "haproxyVersion": "2.6",\n  "keepalivedVersion": "9.9"\n}', `${uri}:3:3: keepalivedVersion '9.9' is not one lblint knows (2.2, 2.3, 2.4)`],
      ['{\r\n  "rules": { "HA010": "loud" }\r\n}', `${uri}:2:14: rule 'HA010': severity must be one of error, warning, info, off (got "loud")`],
      ['{\n  "rules": {\n', `${uri}:3:1: not valid JSON: `],
      ['{\n  "rules": { "HA010": "warning", }\n}', `${uri}:2:34: not valid JSON: `],
    ];
    for (const [text, message] of cases) {
      const fs = new MemoryFileSystem({ [uri]: text });
      // Node's own wording of a JSON syntax error changes between versions: only the place is ours.
      await expect(loadConfigFile(fs, uri), text).rejects.toThrow(message);
      await expect(loadConfigFile(fs, uri), text).rejects.not.toThrow(/at position|\(line \d/);
    }
  });
});

describe("rule messages", () => {
  it("quote at most a short excerpt of what the user wrote", () => {
    const long = "b".repeat(5000);
    const [problem] = lint(parseHaproxy(`frontend www\n    bind :80\n    timeout client 30s\n    use_backend ${long}\n`)).filter((p) => p.ruleId === "HA010");
    expect(problem!.message.length).toBeLessThan(120);
    expect(problem!.message).toContain(`'${"b".repeat(59)}…'`);
  });
});
