// What keepalived 2.2.7 does with a block after a keyword it does not know: it ignores the '{', reads
// the lines inside in the enclosing block, and the '}' closes the enclosing block, so the lines
// after it are read one level up, and a '}' read at the top level is itself an unknown keyword.
// lblint reads each line where keepalived does (the model's walk), so KA001, KA002 and KA006 name
// the lines keepalived names. One file holds every case: keepalived is asked once. Skipped where
// keepalived is not installed.
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
vrrp_instance VI_2 {
    virtual_router_id 80 {VRID}
    priority 100
    authentication {
        auth_type PASS
    }
}
group G {
  real_server 10.0.0.9 80 {
    weight 1
  }
}
vrrp_instance VI_3 {
    virtual_router_id 3
    zap {
        priority 5
    }
    advert_int 1
}
vrrp_instance VI_4 {
    virtual_router_id 4
    virtual_ipaddress {
        10.0.0.4/24
    track_script {
        chk
    }
    priority 100
}
vrrp_instance VI_5 {
    virtual_router_id 5
}
`;

/** The lines keepalived names as unknown keywords or ignored braces. */
function daemonLines(said: string): number[] {
  const lines = new Set<number>();
  for (const match of said.matchAll(/Line (\d+)\) (?:Unknown keyword|Unexpected '\{')/g)) lines.add(Number(match[1]));
  return [...lines].sort((a, b) => a - b);
}

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
    // A priority inside an unknown block of an instance is the instance's: keepalived says nothing of it.
    expect(said).not.toMatch(/Line 28\)/);
    // In a value block, 'track_script {' is read as entries, its '}' closes virtual_ipaddress, and
    // the lines after it are the instance's again: VI_5 is a top-level instance.
    expect(said).toMatch(/Line 36\) VRRP parsed invalid IP track_script/);
    expect(said).not.toMatch(/Line (39|4[0-3])\)/);
    const problems = lintText("keepalived", TEXT, { keepalivedVersion: "2.2" });
    const messages = problems.filter((p) => p.ruleId === "KA001").map((p) => p.message);
    expect(messages.slice(0, 3)).toEqual([
      "'virtual_ipaddres' is not a keepalived keyword in vrrp_instance; keepalived ignores its '{', reads the lines inside as lines of vrrp_instance, and its '}' closes vrrp_instance: the lines after it are read outside; did you mean 'virtual_ipaddress'?",
      "'10.0.0.1/24' is not a keepalived keyword in vrrp_instance",
      "'bogus_block' is not a keepalived keyword in the top level; keepalived ignores its '{' and reads the lines inside at the top level",
    ]);
    const ours = [...new Set(problems.filter((p) => ["KA001", "KA002", "KA006"].includes(p.ruleId)).map((p) => p.range.start.line + 1))].sort((a, b) => a - b);
    expect(ours).toEqual(daemonLines(said));
    // keepalived 2.3.3, where installed, names the same lines.
    if (spawnSync("keepalived23", ["-v"]).error === undefined) {
      const later = spawnSync("sh", ["-c", 'keepalived23 -t -f "$1" -l -D 2>&1 | cat', "sh", file], { encoding: "utf8", timeout: 20_000 }).stdout;
      expect(daemonLines(later)).toEqual(ours);
    }
  });
});
