// The fifteenth mutation round's HA010 cases (docs/agreement.md, "Fifteenth round, haproxy"): a defaults
// section's `default_backend` that names a listen inheriting it is a loop, and `default_backend` takes
// no log format: a name with `%[…]` is looked up as written (round13-cases.ts asks haproxy 2.6.12,
// 3.0.11 and 3.2.26 again).
import { round13Cases } from "./round13-cases.js";

const HEAD = (extra: string) => `defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n${extra}`;

round13Cases("the fifteenth mutation round's default_backend names", [
  { line: "defaults: default_backend L, listen L", file: `${HEAD("    default_backend L\n")}listen L\n    bind :8081\n    server s 127.0.0.1:80\n`, refused: "HA010" },
  { line: "defaults: default_backend L, listen L with its own", file: `${HEAD("    default_backend L\n")}listen L\n    bind :8081\n    default_backend b\n    server s 127.0.0.1:80\nbackend b\n    server s 127.0.0.1:80\n` },
  { line: "defaults: default_backend b, backend b", file: `${HEAD("    default_backend b\n")}frontend f\n    bind :8080\nbackend b\n    server s 127.0.0.1:80\n` },
  { line: "default_backend be_%[req.hdr(host)]", file: `${HEAD("")}frontend f\n    bind :8080\n    default_backend be_%[req.hdr(host)]\nbackend be_x\n    server s 127.0.0.1:80\n`, refused: "HA010" },
  { line: "default_backend %[req.hdr(host),lower]", file: `${HEAD("")}frontend f\n    bind :8080\n    default_backend %[req.hdr(host),lower]\nbackend b\n    server s 127.0.0.1:80\n`, refused: "HA010" },
  { line: "use_backend %[req.hdr(host),lower]", file: `${HEAD("")}frontend f\n    bind :8080\n    use_backend %[req.hdr(host),lower]\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n` },
]);
