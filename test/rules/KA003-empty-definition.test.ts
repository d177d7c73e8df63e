// A value written as a name defined empty (`$VAL=`, then `priority $VAL`): keepalived 2.2.7 and 2.3.3
// replace the word by nothing and find no value ("*** Configuration line starting `priority` is
// missing a parameter after keyword `priority` at word position 2", and stop reading). A name given a
// value anywhere, or a command's words, are left alone. Skipped where keepalived is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectKeepalived, lintText } from "./harness.js";

const installed = spawnSync("keepalived", ["-v"]).error === undefined;
const file = (definition: string, priority = "$VAL") => `${definition}\nvrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priority ${priority}\n    virtual_ipaddress {\n        10.0.0.1/24\n    }\n}\n`;

describe("KA003 a value defined empty", () => {
  it("reports the line, naming the definition", () => {
    const found = expectKeepalived("KA003", file("$VAL=").replace("    priority", "    «priority»"));
    expect(found[0]!.message).toBe("'priority' needs a value ('$VAL' is defined empty, line 1, and keepalived reads the line without it); keepalived reports a missing parameter and exits without reading further");
    expectKeepalived("KA003", file("$VAL=", "${VAL}").replace("    priority", "    «priority»"));
  });

  it("leaves a name with a value, and a word that holds more than the name, alone", () => {
    expectKeepalived("KA003", file("$VAL=100"));
    expectKeepalived("KA003", file("$VAL=\n$VAL=100"));
    expectKeepalived("KA003", file("$VAL=", "1$VAL"));
  });

  it.runIf(installed)("matches keepalived 2.2.7", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ka003-empty-"));
    for (const [definition, priority] of [["$VAL=", "$VAL"], ["$VAL=", "${VAL}"], ["$VAL=100", "$VAL"]] as const) {
      const text = file(definition, priority);
      writeFileSync(join(dir, "keepalived.conf"), text);
      const out = spawnSync("sh", ["-c", 'keepalived -t -f "$1" -l -D 2>&1 | cat', "sh", join(dir, "keepalived.conf")], { encoding: "utf8", timeout: 20_000 }).stdout;
      const said = /Line 6\) \*\*\* Configuration line starting `priority` is missing a parameter/.test(out);
      const found = lintText("keepalived", text, { keepalivedVersion: "2.2" }).some((p) => p.ruleId === "KA003" && p.range.start.line === 5 && p.severity === "error");
      expect(`${definition} ${priority}: ${found}`).toBe(`${definition} ${priority}: ${said}`);
    }
  });
});
