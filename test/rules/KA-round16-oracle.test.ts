// The sixteenth keepalived mutation round's cases, asked of keepalived 2.2.7 and 2.3.3 (see keepalived-round-cases.ts).
import { describe } from "vitest";
import { keepalivedRoundTests, type MessageCase, type QuietCase } from "./keepalived-round-cases.js";

const server = (lines: string, reals: string) => `virtual_server 10.0.0.1 80 {\n${lines}    lb_kind NAT\n    protocol TCP\n${reals}}\n`;
const real = (address: string, lines = "") => `    real_server ${address} 80 {\n${lines}    }\n`;
const check = (name: string, lines: string) => `        ${name} {\n${lines}        }\n`;

/** Rule, file, keepalived's message. */
const CASES: readonly MessageCase[] = [
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
const QUIET: readonly QuietCase[] = [
  ["KA063", server("    lb_algo sh\n    sh-port\n    mh-fallback\n", real("10.0.0.5"))],
  ["KA063", server("    lvs_sched mh\n    sh-port\n    mh-port\n", real("10.0.0.5"))],
  ["KA063", server("    lb_algo wrr\n    flag-1\n    flag-2\n    flag-3\n", real("10.0.0.5"))],
  ["KA063", server("    lb_algo sh\n    sh-port\n    lb_algo rr\n", real("10.0.0.5"))],
  ["KA031", server("    lb_algo rr\n", real("10.0.0.5", check("TCP_CHECK", "            connect_ip 2001:db8::6\n            bindto 2001:db8::1\n")))],
  ["KA031", server("    lb_algo rr\n", real("10.0.0.5", check("TCP_CHECK", "            connect_ip 2001:db8::6\n")))],
  ["KA031", server("    lb_algo rr\n", real("10.0.0.5", check("SMTP_CHECK", "            bindto 2001:db8::1\n")))],
];


describe("the sixteenth keepalived mutation round's cases, against keepalived 2.2.7 and 2.3.3", () => {
  keepalivedRoundTests("round16", CASES, QUIET);
});
