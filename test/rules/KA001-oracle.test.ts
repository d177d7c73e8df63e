// What keepalived 2.2.7 does with a block after a keyword it does not know: it ignores the '{', reads
// the lines inside in the enclosing block, and the '}' closes the enclosing block, so the lines
// after it are read one level up. KA001 says so; this asks keepalived. Skipped where keepalived is
// not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";

const installed = spawnSync("keepalived", ["-v"]).error === undefined;

const TEXT = `vrrp_instance VI_1 {
    state MASTER
    virtual_router_id 51
    virtual_ipaddres {
        10.0.0.1/24
    }
    priority 150
}
bogus_block {
    global_defs {
    }
}
`;

describe("KA001 a block after an unknown keyword, against keepalived 2.2.7", () => {
  it.runIf(installed)("is read in the enclosing block, and its '}' closes that block", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ka001-")), "keepalived.conf");
    writeFileSync(file, TEXT);
    const said = spawnSync("sh", ["-c", 'keepalived -t -f "$1" -l -D 2>&1 | cat', "sh", file], { encoding: "utf8", timeout: 20_000 }).stdout;
    // The address is read as a line of vrrp_instance, the line after the block outside it, and
    // the blocks inside an unknown top-level one at the top level (global_defs is taken).
    expect(said).toMatch(/Line 5\) Unknown keyword '10\.0\.0\.1\/24'/);
    expect(said).toMatch(/Line 7\) Unknown keyword 'priority'/);
    expect(said).toMatch(/Line 8\) Unknown keyword '\}'/);
    expect(said).not.toMatch(/Unknown keyword 'global_defs'/);
    const messages = lintText("keepalived", TEXT, { keepalivedVersion: "2.2" }).filter((p) => p.ruleId === "KA001").map((p) => p.message);
    expect(messages).toEqual([
      "'virtual_ipaddres' is not a keepalived keyword in vrrp_instance; keepalived ignores its '{', reads the lines inside as lines of vrrp_instance, and its '}' closes vrrp_instance: the lines after it are read outside; did you mean 'virtual_ipaddress'?",
      "'bogus_block' is not a keepalived keyword in the top level; keepalived ignores its '{' and reads the lines inside at the top level",
    ]);
  });
});
