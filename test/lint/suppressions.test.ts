import { describe, expect, it } from "vitest";
import { lintText } from "../rules/harness.js";

const backend = "backend api\n    server a 10.0.0.1:80\n";
// Only the rules these cases are about: other rules may have their own opinion of the snippets
// (HA053 sees `use_backend old` shadowing the lines after it).
const rules = (text: string) =>
  lintText("haproxy", text)
    .filter((p) => p.ruleId === "HA010" || p.ruleId === "unused-suppression")
    .map((p) => `${p.range.start.line + 1}:${p.ruleId}`);

describe("suppression comments", () => {
  it("disable-next-line silences the named rule on the next line only", () => {
    const text = `frontend www
    bind :80
    # lblint-disable-next-line undefined-backend -- migrating
    use_backend old
    use_backend older
${backend}`;
    expect(rules(text)).toEqual(["5:HA010"]);
  });

  it("disable-line takes ids or aliases, comma separated", () => {
    const text = `frontend www\n    bind :80\n    use_backend old  # lblint-disable-line HA011, HA010\n${backend}`;
    expect(rules(text)).toEqual(["3:unused-suppression"]);
  });

  it("disable … enable covers a region; disable-file covers everything", () => {
    const region = `frontend www
    bind :80
# lblint-disable HA010
    use_backend a
    use_backend b
# lblint-enable HA010
    use_backend c
${backend}`;
    expect(rules(region)).toEqual(["7:HA010"]);
    expect(rules(`# lblint-disable-file\n${region}`)).toEqual([]);
  });

  it("reports a directive that suppresses nothing and one that names an unknown rule", () => {
    const text = `# lblint-disable-next-line HA010\nfrontend www\n    bind :80\n    # lblint-disable-line no-such-rule\n${backend}`;
    const found = lintText("haproxy", text).filter((p) => p.ruleId === "unused-suppression");
    expect(found.map((p) => [p.range.start.line + 1, p.severity, p.message])).toEqual([
      [1, "warning", "no 'HA010' problem here for this lblint-disable-next-line directive to suppress; remove it"],
      [4, "warning", "'no-such-rule' is not a haproxy rule lblint knows; this directive cannot suppress it"],
    ]);
  });

  it("does not read a directive inside a word or an argument", () => {
    const text = `frontend www\n    bind :80\n    http-request set-header X-Note lblint-disable-file\n    use_backend old\n${backend}`;
    expect(rules(text)).toEqual(["4:HA010"]);
  });

  it("lets a keepalived comment start with '!' and can silence syntax problems", () => {
    const text = 'vrrp_instance VI_1 {\n  ! lblint-disable-next-line syntax\n  notify "/bin/x\n  virtual_router_id 1\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\nglobal_defs {\n  enable_script_security\n  script_user root\n}\n';
    expect(lintText("keepalived", text).map((p) => p.ruleId)).toEqual([]);
  });
});

describe("without inline configuration", () => {
  const text = `frontend www\n    bind :80\n    # lblint-disable-next-line HA010\n    use_backend old\n    # lblint-disable-next-line HA011\n    default_backend api\n${backend}`;

  it("noInlineConfig reports what the comments hide, and does not judge the comments", () => {
    const found = (config?: object) => lintText("haproxy", text, config).filter((p) => p.ruleId === "HA010" || p.ruleId === "unused-suppression").map((p) => `${p.range.start.line + 1}:${p.ruleId}`);
    expect(found()).toEqual(["5:unused-suppression"]);
    expect(found({ noInlineConfig: true })).toEqual(["4:HA010"]);
    expect(() => lintText("haproxy", text, { noInlineConfig: "yes" } as object)).toThrow("'noInlineConfig' must be true or false");
  });

  it("--no-inline-config does the same on the command line, and --print-config says so", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { spawnSync } = await import("node:child_process");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "lblint-inline-"));
    writeFileSync(join(dir, "haproxy.cfg"), text);
    const cli = join(import.meta.dirname, "..", "..", "dist", "cli.js");
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: "utf8" });
    const rulesOf = (stdout: string) => (JSON.parse(stdout)[0].messages as { ruleId: string }[]).map((m) => m.ruleId).filter((id) => id === "HA010" || id === "unused-suppression");
    expect(rulesOf(run("--format", "json", "haproxy.cfg").stdout)).toEqual(["unused-suppression"]);
    expect(rulesOf(run("--format", "json", "--no-inline-config", "haproxy.cfg").stdout)).toEqual(["HA010"]);
    expect(JSON.parse(run("--print-config", "haproxy.cfg", "--no-inline-config").stdout).inlineConfig).toBe(false);
  });
});
