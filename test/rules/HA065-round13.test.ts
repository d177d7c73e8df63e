// The thirteenth mutation round's HA065 lines: a server's `check-proto` and its backend's check type, and the `proto` of a check's connect step (round13-cases.ts).
import { round13Cases } from "./round13-cases.js";

round13Cases("the thirteenth mutation round's HA065 lines", [
  { line: "server s 127.0.0.1:80 check-proto h2" },
  { line: "server s 127.0.0.1:80 check check-proto none" },
  { line: "server s 127.0.0.1:80 check check-proto h2", refused: "HA065" },
  { line: "server s 127.0.0.1:80 check check-proto h1", template: "tcp", refused: "HA065" },
  { line: "server s 127.0.0.1:80 check check-proto fcgi", refused: "HA065" },
  { line: "server s 127.0.0.1:80 check check-proto h3", refused: "HA065" },
  { line: "server s 127.0.0.1:80 check-proto h3", refused: "HA065" },
  { line: "option httpchk\n    server s 127.0.0.1:80 check check-proto h2" },
  { line: "option httpchk\n    server s 127.0.0.1:80 check check-proto fcgi" },
  { line: "option httpchk\n    server s 127.0.0.1:80 check check-proto none", refused: "HA065" },
  { line: "option ldap-check\n    server s 127.0.0.1:80 check check-proto h2", refused: "HA065" },
  { line: "option redis-check\n    server s 127.0.0.1:80 check check-proto none" },
  { line: "option tcp-check\n    server s 127.0.0.1:80 check check-proto h2", refused: "HA065" },
  { line: "default-server check-proto h2\n    server s 127.0.0.1:80 check" },
]);

round13Cases("the thirteenth mutation round's HA065 check connect lines", [
  { line: "option tcp-check\n    tcp-check connect proto none\n    server s 127.0.0.1:80 check" },
  { line: "option tcp-check\n    tcp-check connect proto h1\n    server s 127.0.0.1:80 check", refused: "HA065" },
  { line: "option tcp-check\n    tcp-check connect port 80 proto h2\n    server s 127.0.0.1:80 check", refused: "HA065" },
  { line: "option tcp-check\n    tcp-check connect proto h3\n    server s 127.0.0.1:80 check", refused: "HA065" },
  { line: "option tcp-check\n    tcp-check connect proto quic\n    server s 127.0.0.1:80 check", refused: "HA065" },
  { line: "option httpchk\n    http-check connect proto h1\n    server s 127.0.0.1:80 check" },
  { line: "option httpchk\n    http-check connect proto fcgi\n    server s 127.0.0.1:80 check" },
  { line: "option httpchk\n    http-check connect proto none\n    server s 127.0.0.1:80 check", refused: "HA065" },
  { line: "option httpchk\n    http-check connect proto h3\n    server s 127.0.0.1:80 check", refused: "HA065" },
]);
