// The fourteenth mutation round's `balance hash EXPR` lines (HA060, HA068) (docs/agreement.md, "Fourteenth round,
// haproxy"): haproxy parses the expression of the algorithm a proxy ends up with, so one a later
// `balance` replaces, or a defaults' one that no backend inherits, is never read (round13-cases.ts).
import { round13Cases } from "./round13-cases.js";

const DEFAULTS = "defaults\n    mode http\n    balance hash nosuchfetch\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";

round13Cases("the fourteenth mutation round's balance hash expressions", [
  { line: "balance hash nosuchfetch\n    server s 127.0.0.1:80", refused: "HA060" },
  { line: "balance hash req.hdr(host\n    server s 127.0.0.1:80", refused: "HA068" },
  { line: "balance hash nosuchfetch\n    balance roundrobin\n    server s 127.0.0.1:80" },
  { line: "balance hash req.hdr(host\n    balance random\n    server s 127.0.0.1:80" },
  { line: "balance roundrobin\n    balance hash nosuchfetch\n    server s 127.0.0.1:80", refused: "HA060" },
  { line: "defaults balance, a frontend heir", file: `${DEFAULTS}frontend f\n    bind :8080\n` },
  { line: "defaults balance, a backend with its own", file: `${DEFAULTS}backend b\n    balance roundrobin\n    server s 127.0.0.1:80\nfrontend f\n    bind :8080\n    default_backend b\n` },
  { line: "defaults balance, a backend inheriting it", file: `${DEFAULTS}backend b\n    server s 127.0.0.1:80\nfrontend f\n    bind :8080\n    default_backend b\n`, refused: "HA060" },
]);
