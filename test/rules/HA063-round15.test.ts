// The fifteenth mutation round's HA063 cases (docs/agreement.md, "Fifteenth round, haproxy"): haproxy
// reads every `use_backend` name as a log format, in a backend too, which otherwise ignores the rule
// (round13-cases.ts asks haproxy 2.6.12, 3.0.11 and 3.2.26 again).
import { round13Cases } from "./round13-cases.js";

const HEAD = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
const inFrontend = (line: string) => `${HEAD}frontend f\n    bind :8080\n    ${line}\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;

round13Cases("the fifteenth mutation round's use_backend formats", [
  { line: "use_backend be_%[req.hdr(host) if TRUE", file: inFrontend("use_backend be_%[req.hdr(host) if TRUE"), refused: "HA063" },
  { line: "use_backend be_%[req.hdr(host)", file: inFrontend("use_backend be_%[req.hdr(host)"), refused: "HA063" },
  { line: "use_backend be_%zz if TRUE", file: inFrontend("use_backend be_%zz if TRUE"), refused: "HA063" },
  { line: "use_backend be% if TRUE", file: inFrontend("use_backend be% if TRUE"), refused: "HA063" },
  { line: "use_backend be_%[] if TRUE", file: inFrontend("use_backend be_%[] if TRUE"), refused: "HA063" },
  { line: "use_backend %[src,] if TRUE", file: inFrontend("use_backend %[src,] if TRUE"), refused: "HA063" },
  { line: "use_backend be% if TRUE (in a backend)", file: `${HEAD}backend b\n    use_backend be% if TRUE\n    server s 127.0.0.1:80\nfrontend f\n    bind :8080\n    default_backend b\n`, refused: "HA063" },
  { line: "use_backend %[req.hdr(host),lower] if TRUE", file: inFrontend("use_backend %[req.hdr(host),lower] if TRUE") },
  { line: "use_backend be_%{+Q}[src] if TRUE", file: inFrontend("use_backend be_%{+Q}[src] if TRUE") },
]);
