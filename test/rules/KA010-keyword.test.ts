// A line that starts with a `$NAME` nothing defines: keepalived 2.2.7 and 2.3.3 read it as the keyword
// `$NAME` ("Unknown keyword '$VAL'") and drop the line, even in a file without any definition. That
// is how a definition written with a blank before its '=' ends (`$VAL = 100`, `$VAL =100`, `$VAL 100`):
// only `$VAL=100` and `$VAL= 100` define it. In a value block the first word is an entry, not a
// keyword (`virtual_ipaddress { $vip }` is "invalid IP"), and is left alone. Skipped where keepalived
// is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectKeepalived, lintText } from "./harness.js";

const installed = spawnSync("keepalived", ["-v"]).error === undefined;
const file = (definition: string) => `${definition}\nglobal_defs {\n    router_id lb1\n}\n`;

describe("KA010 a $NAME read as a keyword", () => {
  it("reports a definition written with a blank before its '=', with the form keepalived reads", () => {
    for (const definition of ["$VAL = 100", "$VAL =100", "$VAL 100"]) {
      const found = expectKeepalived("KA010", file(definition.replace("$VAL", "«$VAL»")));
      expect(found[0]!.message).toBe("'$VAL' is not defined; keepalived leaves it as written and reports '$VAL' as an unknown keyword, dropping the line; a definition is written '$VAL=100', with nothing between the name and the '='");
    }
  });

  it("reports a line of one undefined $NAME, without definitions in the file", () => {
    const found = expectKeepalived("KA010", "vrrp_instance VI_1 {\n    «$USE_VMAC»\n}\n");
    expect(found[0]!.message).toBe("'$USE_VMAC' is not defined; keepalived leaves it as written and reports '$USE_VMAC' as an unknown keyword, dropping the line");
  });

  it("leaves definitions, defined names and value blocks alone", () => {
    expectKeepalived("KA010", file("$VAL=100"));
    expectKeepalived("KA010", file("$VAL= 100"));
    expectKeepalived("KA010", "$EXTRA=nopreempt\nvrrp_instance VI_1 {\n    $EXTRA\n}\n");
    expectKeepalived("KA010", "vrrp_instance VI_1 {\n    virtual_ipaddress {\n        $vip\n    }\n    track_interface {\n        $ifc\n    }\n}\n");
  });

  it.runIf(installed)("reports the lines keepalived 2.2.7 calls unknown keywords", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ka010-keyword-"));
    const wrong: string[] = [];
    for (const definition of ["$VAL = 100", "$VAL =100", "$VAL 100", "$VAL", "$VAL=100", "$VAL= 100"]) {
      const text = file(definition);
      writeFileSync(join(dir, "keepalived.conf"), text);
      const out = spawnSync("sh", ["-c", 'keepalived -t -f "$1" -l -D 2>&1 | cat', "sh", join(dir, "keepalived.conf")], { encoding: "utf8", timeout: 20_000 }).stdout;
      const said = /Line 1\) Unknown keyword '\$VAL'/.test(out);
      const found = lintText("keepalived", text, { keepalivedVersion: "2.2" }).some((p) => p.ruleId === "KA010" && p.range.start.line === 0);
      if (said !== found) wrong.push(`${definition}: keepalived ${said ? "reports" : "takes"} it, lblint ${found ? "reports" : "does not"}`);
    }
    expect(wrong).toEqual([]);
  });
});
