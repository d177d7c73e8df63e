// `${}` names nothing: keepalived 2.2.7 and 2.3.3 substitute nothing and read `$` as the value and the
// braces as braces ("invalid number '$'", "Unexpected '{' - ignoring", and the `}` closes the block
// around it). The grammar kept `${}` as one word, so lblint said nothing. Skipped where keepalived is
// not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectKeepalived, lintText } from "./harness.js";

const installed = spawnSync("keepalived", ["-v"]).error === undefined;
const text = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 5\n    advert_int $«{»}\n    virtual_ipaddress {\n        10.0.0.1/24\n    «}»\n«}»\n";

describe("KA006 ${} with no name", () => {
  it("reads its braces as braces", () => {
    expectKeepalived("KA006", text);
    expect(lintText("keepalived", text.replace(/[«»]/g, ""), { keepalivedVersion: "2.2" }).some((p) => p.ruleId === "KA003" && p.message === "'$' is not a number for 'advert_int'")).toBe(true);
  });

  it.runIf(installed)("as keepalived 2.2.7 does", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ka006-empty-")), "keepalived.conf");
    writeFileSync(file, text.replace(/[«»]/g, ""));
    const out = spawnSync("sh", ["-c", 'keepalived -t -f "$1" -l -D 2>&1 | cat', "sh", file], { encoding: "utf8", timeout: 20_000 }).stdout;
    expect(out).toMatch(/Line 4\) invalid number '\$'/);
    expect(out).toMatch(/Line 4\) Unexpected '\{' - ignoring/);
    // The '}' after '$' closes the instance: the lines after it are read at the top level.
    expect(out).toMatch(/Line 6\) Unknown keyword '10\.0\.0\.1\/24'/);
    expect(out).toMatch(/Line 7\) Unknown keyword '\}'/);
    expect(out).toMatch(/Line 8\) Unknown keyword '\}'/);
  });
});
