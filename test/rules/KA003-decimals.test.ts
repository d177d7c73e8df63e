// A number with more decimal places than keepalived keeps: "number '1.0000001' has too many decimal
// places" (keepalived 2.2.7 and 2.3.3 alike; `-t` exits 5), and the value is read rounded at the last
// place kept, by the next digit alone. Six places for the delays and intervals, three for BFD's
// `min_rx`/`min_tx` and, from 2.3, a vrrp_script's `interval`/`timeout` (scripts/oracle/keepalived-decimals.mjs).
// The range is checked on the rounded value. Skipped where the daemons are not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectKeepalived, lintText } from "./harness.js";

const instance = (advert: string) => `vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 5\n    advert_int ${advert}\n    virtual_ipaddress {\n        10.0.0.1/24\n    }\n}\n`;
const server = (lines: string) => `virtual_server 10.0.0.1 80 {\n    protocol TCP\n${lines}    real_server 10.0.0.2 80 {\n        TCP_CHECK {\n            connect_timeout 3\n        }\n    }\n}\n`;
const script = (lines: string) => `vrrp_script chk {\n    script "/bin/true"\n${lines}}\n`;
const only = (text: string, version = "2.2") => lintText("keepalived", text, { keepalivedVersion: version }).filter((p) => p.ruleId === "KA003");

describe("KA003 decimal places", () => {
  it("reports a seventh decimal place with the value keepalived reads, as a warning with that value as the fix", () => {
    const found = expectKeepalived("KA003", instance("«1.0000009»"));
    expect(found[0]!.message).toBe(`'1.0000009' has more decimal places than keepalived keeps for 'advert_int' (6); it reports "too many decimal places" and reads 1.000001`);
    expect(found[0]!.severity).toBe("warning");
    expect(found[0]!.fix?.edits[0]?.newText).toBe("1.000001");
    expect(expectKeepalived("KA003", instance("«0.9999999»"))[0]!.fix?.edits[0]?.newText).toBe("1.000000");
    expect(expectKeepalived("KA003", instance("«2.00000049»"))[0]!.fix?.edits[0]?.newText).toBe("2.000000");
    expectKeepalived("KA003", server("    delay_loop «6.1234567»\n"));
  });

  it("takes six places, and whole numbers", () => {
    expectKeepalived("KA003", instance("1.000001"));
    expectKeepalived("KA003", server("    delay_loop 6.000000\n    delay_before_retry 3.5\n"));
  });

  it("keeps three places of a vrrp_script's interval and timeout from 2.3, and checks the range of the rounded value", () => {
    expect(only(script("    interval 1.0001\n    timeout 0.0005\n"), "2.3").map((p) => `${p.severity} ${p.message}`)).toEqual([
      `warning '1.0001' has more decimal places than keepalived keeps for 'interval' (3); it reports "too many decimal places" and reads 1.000`,
      `warning '0.0005' has more decimal places than keepalived keeps for 'timeout' (3); it reports "too many decimal places" and reads 0.001`,
    ]);
    // Below the range once rounded: both messages, as keepalived gives both.
    expect(only(instance("0.0000001")).map((p) => p.severity)).toEqual(["warning", "error"]);
  });

  const installed = spawnSync("keepalived", ["-v"]).error === undefined && spawnSync("keepalived23", ["-v"]).error === undefined;
  it.runIf(installed)("warns where keepalived 2.2.7 and 2.3.3 say 'too many decimal places', and only there", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ka003-decimals-"));
    const cases: readonly (readonly [string, string])[] = [
      [instance("1.0000009"), "2.2"],
      [instance("1.000001"), "2.2"],
      [server("    delay_loop 6.1234567\n    connect_timeout 2.5\n"), "2.2"],
      [script("    interval 1.0001\n    timeout 0.5\n"), "2.3"],
      [script("    interval 1.001\n    timeout 0.0005\n"), "2.3"],
    ];
    const wrong: string[] = [];
    for (const [text, version] of cases) {
      const file = join(dir, "keepalived.conf");
      writeFileSync(file, text);
      const command = version === "2.2" ? "keepalived" : "keepalived23";
      const out = spawnSync("sh", ["-c", `${command} -t -f "$1" -l -D 2>&1 | cat`, "sh", file], { encoding: "utf8", timeout: 20_000 }).stdout;
      const said = [...out.matchAll(/Line (\d+)\) number '[^']*' has too many decimal places/g)].map((m) => Number(m[1]));
      const found = only(text, version).filter((p) => p.message.includes("decimal places")).map((p) => p.range.start.line + 1);
      if (said.join() !== found.join()) wrong.push(`${text.split("\n")[0]} at ${version}: ${command} on lines ${said.join() || "none"}, lblint ${found.join() || "none"}`);
    }
    expect(wrong).toEqual([]);
  });
});
