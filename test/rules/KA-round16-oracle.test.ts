// The sixteenth keepalived mutation round's cases, asked of keepalived 2.2.7 (and 2.3.3 where it is
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

const server = (lines: string, reals: string) => `virtual_server 10.0.0.1 80 {\n${lines}    lb_kind NAT\n    protocol TCP\n${reals}}\n`;
const real = (address: string, lines = "") => `    real_server ${address} 80 {\n${lines}    }\n`;
const check = (name: string, lines: string) => `        ${name} {\n${lines}        }\n`;

/** Rule, file, keepalived's message. */
const CASES: readonly (readonly [string, string, RegExp])[] = [
  ["KA063", server("    lb_algo rr\n    sh-port\n", real("10.0.0.5")), /(?:Line (\d+)\) )?sh-port only applies to sh scheduler - ignoring/],
  ["KA063", server("    lvs_sched wrr\n    mh-fallback\n", real("10.0.0.5")), /(?:Line (\d+)\) )?mh-fallback only applies to sh scheduler - ignoring/],
  ["KA063", server("    sh-fallback\n    lb_algo sh\n", real("10.0.0.5")), /(?:Line (\d+)\) )?sh-fallback only applies to sh scheduler - ignoring/],
  ["KA063", server("    mh-port\n", real("10.0.0.5")), /(?:Line (\d+)\) )?mh-port only applies to sh scheduler - ignoring/],
  ["KA031", server("    lb_algo rr\n", real("10.0.0.5", check("TCP_CHECK", "            bindto 2001:db8::1\n"))), /(?:Line (\d+)\) )?bindto address 2001:db8::1 does not match address family of connect_ip - skipping/],
  ["KA031", server("    lb_algo rr\n", real("10.0.0.5", check("TCP_CHECK", "            connect_ip 2001:db8::6\n            bindto 10.0.0.1\n"))), /(?:Line (\d+)\) )?bindto address 10\.0\.0\.1 does not match address family of connect_ip - skipping/],
  ["KA031", server("    lb_algo rr\n", real("10.0.0.5", check("TCP_CHECK", "            bindto 2001:db8::1\n            connect_ip 2001:db8::6\n"))), /(?:Line (\d+)\) )?bindto address 2001:db8::1 does not match address family of connect_ip - skipping/],
  ["KA031", server("    lb_algo rr\n", real("10.0.0.5", check("SMTP_CHECK", "            host {\n                connect_ip 10.0.0.6\n                bindto 2001:db8::1\n            }\n"))), /(?:Line (\d+)\) )?bindto address 2001:db8::1 does not match address family of connect_ip - skipping/],
  ["KA006", server("    lb_algo rr\n", real("10.0.0.5", check("SMTP_CHECK", "            host\n        }\n"))), /(?:Line (\d+)\) )?Missing '\{' at beginning of configuration block/],
  ["KA006", server("    lb_algo rr\n", real("10.0.0.5", check("HTTP_GET", "            url\n                path /\n            }\n"))), /(?:Line (\d+)\) )?Missing '\{' at beginning of configuration block/],
];

/** Rule and file keepalived reads without a word: the rule may warn, never give an error. */
const QUIET: readonly (readonly [string, string])[] = [
  ["KA063", server("    lb_algo sh\n    sh-port\n    mh-fallback\n", real("10.0.0.5"))],
  ["KA063", server("    lvs_sched mh\n    sh-port\n    mh-port\n", real("10.0.0.5"))],
  ["KA063", server("    lb_algo wrr\n    flag-1\n    flag-2\n    flag-3\n", real("10.0.0.5"))],
  ["KA063", server("    lb_algo sh\n    sh-port\n    lb_algo rr\n", real("10.0.0.5"))],
  ["KA031", server("    lb_algo rr\n", real("10.0.0.5", check("TCP_CHECK", "            connect_ip 2001:db8::6\n            bindto 2001:db8::1\n")))],
  ["KA031", server("    lb_algo rr\n", real("10.0.0.5", check("TCP_CHECK", "            connect_ip 2001:db8::6\n")))],
  ["KA031", server("    lb_algo rr\n", real("10.0.0.5", check("SMTP_CHECK", "            bindto 2001:db8::1\n")))],
];

// keepalived 2.3.3 prints its message for the SMTP_CHECK host block with an IPv6 bindto and then never
// ends (measured: still running after minutes): `timeout` ends the daemon itself, which the spawn's own
// timeout (it ends `sh` only) left running.
const run = (daemon: string, file: string) =>
  spawnSync("sh", ["-c", 'timeout -k 1 5 "$1" -t -f "$2" -l -D 2>&1 | cat', "sh", daemon, file], { encoding: "utf8", timeout: 20_000 }).stdout;

describe("the sixteenth keepalived mutation round's cases, against keepalived 2.2.7 and 2.3.3", () => {
  it.runIf(installed)("are reported by the rule named, on the line keepalived names", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ka-round16-")), "keepalived.conf");
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
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ka-round16-")), "keepalived.conf");
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
