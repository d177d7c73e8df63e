// The fifteenth keepalived mutation round's cases, asked of keepalived 2.2.7 and 2.3.3 (see keepalived-round-cases.ts).
import { describe } from "vitest";
import { keepalivedRoundTests, type MessageCase, type QuietCase } from "./keepalived-round-cases.js";

const server = (head: string, lines: string, reals: string) => `virtual_server ${head} {\n${lines}    lb_algo rr\n${reals}}\n`;
const real = (address: string, lines = "") => `    real_server ${address} {\n${lines}    }\n`;
const instance = "vrrp_instance VI_1 {\n    interface lo\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        10.0.0.10/24\n    }\n}\n";

/** Rule, file, keepalived's message. */
const CASES: readonly MessageCase[] = [
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
const QUIET: readonly QuietCase[] = [
  ["KA008", "virtual_server_group G {\n    10.0.0.1 80 80\n}\n" + server("group G", "    lb_kind NAT\n    protocol TCP\n", real("10.0.0.5 80"))],
  ["KA008", "virtual_server_group G {\n    10.0.0.1-10 80 weight 3\n}\n" + server("group G", "    lb_kind NAT\n    protocol TCP\n", real("10.0.0.5 80"))],
  ["KA033", server("10.0.0.2 80", "    lb_kind DR\n    protocol TCP\n", real("10.0.0.5 8080", "        lvs_method NAT\n"))],
  ["KA031", "virtual_server_group G {\n    10.0.0.1 80\n}\n" + server("group G", "    ip_family inet6\n    lb_kind NAT\n    protocol TCP\n", real("2001:db8::5 80"))],
  ["KA033", "virtual_server_group G {\n    2001:db8::1-ff 80\n}\n" + server("group G", "    lb_kind DR\n    protocol TCP\n", real("10.0.0.5 8080"))],
  ["KA033", "virtual_server_group G {\n    10.0.0.1 80\n    2001:db8::1 80\n}\n" + server("group G", "    lb_kind DR\n    protocol TCP\n", real("10.0.0.5 8080"))],
];


describe("the fifteenth keepalived mutation round's cases, against keepalived 2.2.7 and 2.3.3", () => {
  keepalivedRoundTests("round15", CASES, QUIET);
});
