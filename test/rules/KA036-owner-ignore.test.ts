// `owner_ignore_adverts` (keepalived 2.3 on) on an instance that is not the address owner: keepalived
// 2.3.3 says "(VI_1) ignoring owner_ignore_adverts since priority is not 255" and `-t` exits 5. Without
// `priority`, an instance that starts as MASTER is the owner (2.3.3 says nothing); one set to `false`
// is not reported either. Skipped where keepalived 2.3.3 is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectKeepalived, lintText } from "./harness.js";

const installed = spawnSync("keepalived23", ["-v"]).error === undefined;
const instance = (name: string, vrid: number, lines: string) => `vrrp_instance ${name} {\n    interface eth0\n    virtual_router_id ${vrid}\n${lines}    virtual_ipaddress {\n        10.0.0.${vrid}/24\n    }\n}\n`;
const FILE = [
  instance("VI_1", 1, "    state BACKUP\n    priority 100\n    «owner_ignore_adverts»\n"),
  instance("VI_2", 2, "    state BACKUP\n    «owner_ignore_adverts»\n"),
  instance("VI_3", 3, "    state MASTER\n    owner_ignore_adverts\n"),
  instance("VI_4", 4, "    priority 255\n    owner_ignore_adverts\n"),
  instance("VI_5", 5, "    priority 100\n    owner_ignore_adverts false\n"),
  instance("VI_6", 6, "    priority 50\n    «owner_ignore_adverts» true\n"),
].join("");

describe("KA036 owner_ignore_adverts below priority 255", () => {
  it("is reported from 2.3, with the priority the instance has", () => {
    for (const version of ["2.3", "2.4"]) {
      const found = expectKeepalived("KA036", FILE, { keepalivedVersion: version });
      expect(found.map((p) => p.message)).toEqual([
        "owner_ignore_adverts applies only to the address owner (priority 255), and this instance has priority 100; keepalived ignores it",
        "owner_ignore_adverts applies only to the address owner (priority 255), and this instance has priority 100 (the default); keepalived ignores it",
        "owner_ignore_adverts applies only to the address owner (priority 255), and this instance has priority 50; keepalived ignores it",
      ]);
      expect(found[0]!.severity).toBe("warning");
    }
  });

  it("is left to KA009 at 2.2, which does not know the keyword", () => {
    expectKeepalived("KA036", FILE.replace(/[«»]/g, ""), { keepalivedVersion: "2.2" });
  });

  it.runIf(installed)("matches keepalived 2.3.3, instance by instance", () => {
    const text = FILE.replace(/[«»]/g, "");
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ka036-")), "keepalived.conf");
    writeFileSync(file, text);
    const out = spawnSync("sh", ["-c", 'keepalived23 -t -f "$1" -l -D 2>&1 | cat', "sh", file], { encoding: "utf8", timeout: 20_000 }).stdout;
    const said = [...out.matchAll(/\((VI_\d)\) ignoring owner_ignore_adverts/g)].map((m) => m[1]).sort();
    const lines = text.split("\n");
    const found = lintText("keepalived", text, { keepalivedVersion: "2.3" })
      .filter((p) => p.ruleId === "KA036")
      .map((p) => /vrrp_instance (VI_\d)/.exec(lines.slice(0, p.range.start.line).reverse().find((line) => line.startsWith("vrrp_instance")) ?? "")?.[1])
      .sort();
    expect(found).toEqual(said);
  });
});

describe("KA036 preempt_delay on an owner without a state line", () => {
  const owner = (state: string) => instance("VI_1", 1, `${state}    priority 255\n    «preempt_delay» 10\n`);

  it("is reported: the owner starts as MASTER and keepalived clears the delay", () => {
    const found = expectKeepalived("KA036", owner(""));
    expect(found[0]!.message).toBe("preempt_delay only works on an instance that starts as BACKUP; without a state line the address owner (priority 255) starts as MASTER and keepalived clears it");
  });

  it("is left alone with state BACKUP, which the owner keeps", () => {
    expectKeepalived("KA036", owner("    state BACKUP\n").replace(/[«»]/g, ""));
  });

  const installed22 = spawnSync("keepalived", ["-v"]).error === undefined;
  it.runIf(installed22)("matches keepalived 2.2.7", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ka036-owner-"));
    for (const state of ["", "    state BACKUP\n", "    state MASTER\n"]) {
      const text = owner(state).replace(/[«»]/g, "");
      writeFileSync(join(dir, "keepalived.conf"), text);
      const out = spawnSync("sh", ["-c", 'keepalived -t -f "$1" -l -D 2>&1 | cat', "sh", join(dir, "keepalived.conf")], { encoding: "utf8", timeout: 20_000 }).stdout;
      const said = /preempt delay will not work with initial state MASTER/.test(out);
      const found = lintText("keepalived", text, { keepalivedVersion: "2.2" }).some((p) => p.ruleId === "KA036");
      expect(`${JSON.stringify(state)}: ${found}`).toBe(`${JSON.stringify(state)}: ${said}`);
    }
  });
});
