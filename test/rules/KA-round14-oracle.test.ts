// The fourteenth keepalived mutation round's cases, asked of keepalived 2.2.7 (and 2.3.3 where it is
// installed): each message keepalived gives should meet a finding of the rule named, on the line
// keepalived names (anywhere, for a message that names no line). Skipped where keepalived is not installed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";

const installed = spawnSync("keepalived", ["-v"]).error === undefined;
/** The ipvlan case needs an interface keepalived can use; the others only read the file. */
const ETH0 = existsSync("/sys/class/net/eth0");
const DAEMONS = ["keepalived", ...(existsSync("/usr/local/bin/keepalived23") ? ["/usr/local/bin/keepalived23"] : [])];

const instance = (lines: string) => `vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n${lines}    virtual_ipaddress {\n        10.0.0.10/24\n    }\n}\n`;
const server = (head: string, lines: string) => `virtual_server ${head} {\n${lines}    lb_algo rr\n    lb_kind NAT\n    real_server 10.0.0.2 80 {\n    }\n}\n`;

/** Rule, file, keepalived's message, and (optional) the one release that gives it. */
const CASES: readonly (readonly [string, string, RegExp, string?])[] = [
  ["KA058", instance("    use_vmac vrrp.51 x\n"), /(?:Line (\d+)\) )?VMAC interface name already specified/],
  ["KA058", instance("    use_ipvlan vrrp.1 10.0.0.300/24\n"), /(?:Line (\d+)\) )?\(VI_1\) IPVLAN interface already specified/],
  ...(ETH0 ? [["KA058", instance("    use_ipvlan vrrp.1 bridge\n"), /(?:Line (\d+)\) )?\(VI_1\) IPv4 ipvlan requires a source ip address/] as const] : []),
  ["KA061", "vrrp_track_process p {\n    process keepalived\n    quorum 3\n    quorum_max 2\n}\n", /(?:Line (\d+)\) )?quorum_max is less than quorum/],
  ["KA061", "vrrp_track_process p {\n    process keepalived\n    quorum_max 2\n    quorum 3\n}\n", /(?:Line (\d+)\) )?Quorum is greater than quorum_max/],
  ["KA061", "vrrp_track_file f {\n    file /tmp/lblint-ka061\n    init_file 300\n}\n", /(?:Line (\d+)\) )?Track file f init value 300 is outside sensible range/],
  ["KA053", instance("    virtual_routes {\n        10.9.0.0/24 dev eth0 table\n    }\n"), /(?:Line (\d+)\) )?\*\*\* Configuration line starting `10.9.0.0\/24` is missing a parameter after keyword `table`/],
  ["KA053", "static_rules {\n    from 10.9.0.0/24 goto\n}\n", /(?:Line (\d+)\) )?\*\*\* Configuration line starting `from` is missing a parameter after keyword `goto`/],
  ["KA053", instance("    virtual_rules {\n        from 10.9.0.0/24 preference 7\n    }\n"), /(?:Line (\d+)\) )?No action specified for rule/],
  ["KA053", instance("    virtual_rules {\n        from 10.9.0.0/24 throw preference 7\n    }\n"), /(?:Line (\d+)\) )?Invalid rule action throw/],
  ["KA053", instance("    virtual_rules {\n        from 10.9.0.0/24 table 5 fwmark x preference 7\n    }\n"), /(?:Line (\d+)\) )?Invalid rule fwmark x/],
  ["KA053", instance("    virtual_rules {\n        from 10.9.0.0/24 goto 5 preference 11\n    }\n"), /(?:Line (\d+)\) )?Invalid rule - preference 11 >= goto target 5/],
  ["KA044", "static_routes {\n    10.8.0.0/24 via 10.0.0.1\n}\n", /(?:Line (\d+)\) )?Warning - cannot track route 10.8.0.0\/24 with no interface specified/, "keepalived"],
  ["KA053", "static_rules {\n    from 10.9.0.0/24 table 100 fwmark x\n}\n", /(?:Line (\d+)\) )?Invalid rule fwmark x/],
  ["KA003", "virtual_server_group G {\n    10.0.0.1 80\n    fwmark 1\n}\n" + server("group G", "    persistence_granularity /33\n"), /(?:Line (\d+)\) )?Invalid IPv6 persistence_granularity/],
  ["KA003", server("fwmark 1", "    persistence_granularity anything\n"), /(?:Line (\d+)\) )?Invalid IPv6 persistence_granularity/],
  ["KA034", "virtual_server_group G {\n    10.0.0.1 80\n    fwmark 1\n}\n" + server("group G", "    ha_suspend\n"), /(?:Line (\d+)\) )?cannot use ha_suspend with fwmarks/],
];

describe("the fourteenth keepalived mutation round's cases, against keepalived 2.2.7 and 2.3.3", () => {
  it.runIf(installed)("are reported by the rule named, on the line keepalived names", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ka-round14-")), "keepalived.conf");
    const wrong: string[] = [];
    for (const [rule, text, said, only] of CASES) {
      writeFileSync(file, text);
      for (const daemon of only ? [only] : DAEMONS) {
        const out = spawnSync("sh", ["-c", '"$1" -t -f "$2" -l -D 2>&1 | cat', "sh", daemon, file], { encoding: "utf8", timeout: 20_000 }).stdout;
        const match = said.exec(out);
        const line = match?.[1] === undefined ? undefined : Number(match[1]) - 1;
        const found = lintText("keepalived", text, { keepalivedVersion: "2.2" }).filter((p) => p.ruleId === rule && (line === undefined || (p.range.start.line <= line && line <= p.range.end.line)));
        if (!match || found.length === 0) wrong.push(`${rule} ${text.split("\n").find((l) => /^\s+\S/.test(l))?.trim()}: ${daemon} ${match ? `says it${line === undefined ? "" : ` on line ${line + 1}`}` : "is quiet"}, lblint ${found.length} ${rule} there`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
