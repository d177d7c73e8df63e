// The fifteenth keepalived mutation round's cases, asked of keepalived 2.2.7 (and 2.3.3 where it is
// installed): each message keepalived gives should meet a finding of the rule named, on the line
// keepalived names (anywhere, for a message that names no line); and each file keepalived reads without a
// word should get no error from the rule named. Skipped where keepalived is not installed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";

const installed = spawnSync("keepalived", ["-v"]).error === undefined;
const DAEMONS = ["keepalived", ...(existsSync("/usr/local/bin/keepalived23") ? ["/usr/local/bin/keepalived23"] : [])];

const server = (head: string, lines: string, reals: string) => `virtual_server ${head} {\n${lines}    lb_algo rr\n${reals}}\n`;
const real = (address: string, lines = "") => `    real_server ${address} {\n${lines}    }\n`;
const instance = "vrrp_instance VI_1 {\n    interface lo\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        10.0.0.10/24\n    }\n}\n";

/** Rule, file, keepalived's message. */
const CASES: readonly (readonly [string, string, RegExp])[] = [
  ["KA033", server("10.0.0.1 80", "    lb_kind NAT\n    protocol TCP\n", real("10.0.0.5 8080", "        lvs_method TUN\n")), /(?:Line (\d+)\) )?.*real server \[10\.0\.0\.5\]:tcp:8080 ports don't match - resetting/],
  ["KA033", server("fwmark 5", "    lb_kind NAT\n", real("10.0.0.5 8080", "        lvs_method DR\n")), /(?:Line (\d+)\) )?.*real server \[10\.0\.0\.5\]:none:8080 has port specified - clearing/],
  ["KA031", server("fwmark 1", "    ip_family inet\n    lb_kind NAT\n", real("2001:db8::5 80") + real("10.0.0.5 80")), /(?:Line (\d+)\) )?Address family of virtual server and real server 2001:db8::5 don't match/],
  ["KA031", server("10.0.0.9 80", "    ip_family inet6\n    lb_kind NAT\n    protocol TCP\n", real("10.0.0.5 80")), /(?:Line (\d+)\) )?Virtual server specified family inet6 conflicts with server family/],
  ["KA031", server("fwmark 2", "    lb_kind NAT\n", real("10.0.0.5 80")).replace(/}\n$/, "    ip_family inet6\n}\n"), /(?:Line (\d+)\) )?Virtual server specified family inet6 conflicts with server family/],
  ["KA062", "bfd_instance abcdefghijabcdefghijabcdefghij12 {\n    neighbor_ip 10.0.0.3\n}\n", /(?:Line (\d+)\) )?Configuration error: BFD instance \S+ name too long/],
  ["KA062", "bfd_instance B1 {\n    neighbor_ip 10.0.0.4\n    source_ip 2001:db8::1\n}\n", /(?:Line (\d+)\) )?Configuration error: BFD instance B1 source address .* are not of the same family/],
  ["KA062", "bfd_instance B1 {\n    neighbor_ip 10.0.0.4\n}\n" + server("10.0.0.1 80", "    lb_kind NAT\n    protocol TCP\n", real("10.0.0.6 80", "        BFD_CHECK {\n        }\n")), /(?:Line (\d+)\) )?.*No name has been specified for BFD_CHECKER - skipping/],
  ["KA062", "bfd_instance B1 {\n    neighbor_ip 10.0.0.4\n}\nbfd_instance B2 {\n    neighbor_ip 10.0.0.5\n}\n" + server("10.0.0.1 80", "    lb_kind NAT\n    protocol TCP\n", real("10.0.0.6 80", "        BFD_CHECK {\n            name B1\n            name B2\n        }\n")), /(?:Line (\d+)\) )?.*BFD_CHECK - BFD B2 already specified as B1/],
  ["KA003", `global_defs {\n    lvs_sync_daemon lo VI_1 id\n}\n${instance}`, /(?:Line (\d+)\) )?No value specified for lvs_sync_daemon id, defaulting to vrid/],
  ["KA003", `global_defs {\n    lvs_sync_daemon lo VI_1 id 5 port\n}\n${instance}`, /(?:Line (\d+)\) )?No value specified for lvs_sync_daemon port - ignoring/],
  ["KA003", "global_defs {\n    lvs_timeouts udp 10 tcpfin\n}\n", /(?:Line (\d+)\) )?No value specified for lvs_timeout tcpfin - ignoring/],
];

/** Rule and file keepalived reads without a word: the rule may warn, never give an error. */
const QUIET: readonly (readonly [string, string])[] = [
  ["KA008", "virtual_server_group G {\n    10.0.0.1 80 80\n}\n" + server("group G", "    lb_kind NAT\n    protocol TCP\n", real("10.0.0.5 80"))],
  ["KA008", "virtual_server_group G {\n    10.0.0.1-10 80 weight 3\n}\n" + server("group G", "    lb_kind NAT\n    protocol TCP\n", real("10.0.0.5 80"))],
  ["KA033", server("10.0.0.2 80", "    lb_kind DR\n    protocol TCP\n", real("10.0.0.5 8080", "        lvs_method NAT\n"))],
  ["KA031", "virtual_server_group G {\n    10.0.0.1 80\n}\n" + server("group G", "    ip_family inet6\n    lb_kind NAT\n    protocol TCP\n", real("2001:db8::5 80"))],
  ["KA033", "virtual_server_group G {\n    2001:db8::1-ff 80\n}\n" + server("group G", "    lb_kind DR\n    protocol TCP\n", real("10.0.0.5 8080"))],
  ["KA033", "virtual_server_group G {\n    10.0.0.1 80\n    2001:db8::1 80\n}\n" + server("group G", "    lb_kind DR\n    protocol TCP\n", real("10.0.0.5 8080"))],
];

const run = (daemon: string, file: string) => spawnSync("sh", ["-c", '"$1" -t -f "$2" -l -D 2>&1 | cat', "sh", daemon, file], { encoding: "utf8", timeout: 20_000 }).stdout;

describe("the fifteenth keepalived mutation round's cases, against keepalived 2.2.7 and 2.3.3", () => {
  it.runIf(installed)("are reported by the rule named, on the line keepalived names", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ka-round15-")), "keepalived.conf");
    const wrong: string[] = [];
    for (const [rule, text, said] of CASES) {
      writeFileSync(file, text);
      for (const daemon of DAEMONS) {
        const match = said.exec(run(daemon, file));
        const line = match?.[1] === undefined ? undefined : Number(match[1]) - 1;
        const found = lintText("keepalived", text, { keepalivedVersion: "2.2" }).filter((p) => p.ruleId === rule && (line === undefined || (p.range.start.line <= line && line <= p.range.end.line)));
        if (!match || found.length === 0) wrong.push(`${rule} ${said.source.slice(0, 60)}: ${daemon} ${match ? `says it${line === undefined ? "" : ` on line ${line + 1}`}` : "is quiet"}, lblint ${found.length} ${rule} there`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.runIf(installed)("draw no error where keepalived says nothing", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ka-round15-")), "keepalived.conf");
    const wrong: string[] = [];
    for (const [rule, text] of QUIET) {
      writeFileSync(file, text);
      for (const daemon of DAEMONS) {
        const out = run(daemon, file).trim();
        const errors = lintText("keepalived", text, { keepalivedVersion: "2.2" }).filter((p) => p.ruleId === rule && p.severity === "error");
        if (out !== "" || errors.length > 0) wrong.push(`${rule} ${text.split("\n")[1]?.trim()}: ${daemon} says '${out.split("\n")[0]}', lblint ${errors.length} ${rule} errors`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
