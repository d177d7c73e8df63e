// The thirteenth mutation round's HA004 and HA007 lines: a server's `source` pairs, `addr` and
// `agent-addr`, error pages, the Prometheus exporter, log file descriptors, peer ports (round13-cases.ts).
import { round13Cases } from "./round13-cases.js";

round13Cases("the thirteenth mutation round's HA004 and HA007 lines", [
  // A server's `source` reads its address, then `usesrc VALUE` and `interface NAME` pairs, and stops at any other word.
  { line: "server s 127.0.0.1:80 source 10.0.0.9 usesrc clientip" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 usesrc client interface eth0 check" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 interface eth0 usesrc hdr_ip(x-forwarded-for,-1)" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 usesrc client usesrc clientip" },
  { line: "default-server source 10.0.0.9 usesrc clientip\n    server s 127.0.0.1:80" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 foo", refused: "HA007" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 interface", refused: "HA004" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 usesrc client interface", refused: "HA004" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 usesrc", refused: "HA004" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 usesrc 10.0.0.300", refused: "HA004" },
  { line: "server s 127.0.0.1:80 check usesrc client", refused: "HA004" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 check usesrc clientip", refused: "HA004" },
  // `addr` is read as `source` is: the port after the last ':', no range, no offset, no prefix.
  { line: "server s 127.0.0.1:80 addr [::1]:80" },
  { line: "server s 127.0.0.1:80 addr 10.0.0.1:" },
  { line: "server s 127.0.0.1:80 addr ipv4@10.0.0.1" },
  { line: "server s 127.0.0.1:80 addr localhost" },
  { line: "server s 127.0.0.1:80 addr ::1", refused: "HA004" },
  { line: "server s 127.0.0.1:80 addr ::1::2", refused: "HA004" },
  { line: "server s 127.0.0.1:80 addr 10.0.0.1/24", refused: "HA004" },
  { line: "server s 127.0.0.1:80 addr 10.0.0.300", refused: "HA004" },
  { line: "server s 127.0.0.1:80 addr 10.0.0.1:99999", refused: "HA004" },
  { line: "server s 127.0.0.1:80 addr 10.0.0.1:80-90", refused: "HA004" },
  { line: "server s 127.0.0.1:80 addr 10.0.0.1:+1", refused: "HA004" },
  // `agent-addr` is an address or a name, without a port or an address family.
  { line: "server s 127.0.0.1:80 agent-addr ::1" },
  { line: "server s 127.0.0.1:80 agent-addr [::1]" },
  { line: "server s 127.0.0.1:80 agent-addr localhost" },
  { line: "server s 127.0.0.1:80 agent-addr 10.0.0.1:99", refused: "HA004" },
  { line: "server s 127.0.0.1:80 agent-addr 10.0.0.1:", refused: "HA004" },
  { line: "server s 127.0.0.1:80 agent-addr localhost:99", refused: "HA004" },
  { line: "server s 127.0.0.1:80 agent-addr 10.0.0.300", refused: "HA004" },
  { line: "server s 127.0.0.1:80 agent-addr 10.0.0.1/24", refused: "HA004" },
  { line: "server s 127.0.0.1:80 agent-addr ::1::2", refused: "HA004" },
  { line: "server s 127.0.0.1:80 agent-addr ipv4@10.0.0.1", refused: "HA004" },
  // An empty file or URL of an error page is a missing one; words after it are not read.
  { line: 'errorfile 503 ""', refused: "HA004" },
  { line: "errorfile 503 ''", refused: "HA004" },
  { line: 'errorloc 503 ""', refused: "HA004" },
  { line: "errorloc302 503 ''", refused: "HA004" },
  { line: 'errorloc 503 http://example.com/ ""' },
  // The Prometheus exporter answers HTTP requests only.
  { line: "http-request use-service prometheus-exporter" },
  { line: "tcp-request content use-service prometheus-exporter", refused: "HA004" },
  { line: "tcp-request content use-service prometheus-exporter", template: "tcp", refused: "HA004" },
  // A log target's file descriptor is a whole number.
  { line: "log fd@1 local0", template: "global" },
  { line: "log fd@+1 local0", template: "global" },
  { line: "log fd@x local0", template: "global", refused: "HA004" },
  { line: "log fd@1x local0", template: "global", refused: "HA004" },
  { line: "log fd@-1 local0", template: "global", refused: "HA004" },
  { line: "log fd@ local0", template: "global", refused: "HA004" },
  // A peer's address needs a port other than 0: 3.0 and 3.2 refuse it on any peer (2.6.12 on the local one only).
  { line: "peer a 127.0.0.1:10000\n    peer b 127.0.0.2:10000", template: "peers" },
  { line: "peer a 127.0.0.1:0", template: "peers", refused: "HA004", from: "3.0" },
  { line: "peer a 127.0.0.1", template: "peers", refused: "HA004", from: "3.0" },
  { line: "peer a 127.0.0.1:10000\n    server b 127.0.0.2", template: "peers", refused: "HA004", from: "3.0" },
  // A source port range whose ends are not all digits: 2.6.12 reads their leading digits, 3.0 and 3.2 refuse it.
  { line: "server s 127.0.0.1:80 source 10.0.0.9:1024-65535" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9:0-x", refused: "HA004", from: "3.0" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9:1024-2000x", refused: "HA004", from: "3.0" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9:1024-x", refused: "HA004" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9:1024-", refused: "HA004" },
]);
