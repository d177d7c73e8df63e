// The sixteenth mutation round's HA076 cases (docs/agreement.md, "Sixteenth round, haproxy"): a log
// format is parsed for the frontend side's end of a stream, where the request's headers and body are
// gone, so `log-format "%[req.hdr(host)]"` is refused, in a defaults section and in any mode
// (round13-cases.ts asks haproxy 2.6.12, 3.0.11 and 3.2.26 again). `stick` rules are held to the
// backend's columns: all but `store-response` run when the server is chosen, that one on the response.
import { round13Cases } from "./round13-cases.js";

const head = (mode: string) => `defaults\n    mode ${mode}\n    log 127.0.0.1:514 local0\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n`;
const inFrontend = (line: string, mode = "http") => `${head(mode)}frontend f\n    bind :8080\n    ${line}\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;
const inDefaults = (line: string) => `${head("http")}    ${line}\nfrontend f\n    bind :8080\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;

round13Cases("the sixteenth mutation round's fetches in log formats", [
  { line: 'log-format "%ci %[req.hdr(host)]"', file: inFrontend('log-format "%ci %[req.hdr(host)]"'), refused: "HA076" },
  { line: 'log-format "%[hdr(host)]" (mode tcp)', file: inFrontend('log-format "%[hdr(host)]"', "tcp"), refused: "HA076" },
  { line: 'log-format "%[path]"', file: inFrontend('log-format "%[path]"'), refused: "HA076" },
  { line: 'log-format "%[res.hdr(server)]"', file: inFrontend('log-format "%[res.hdr(server)]"'), refused: "HA076" },
  { line: 'log-format "%[req.cook(a)]" (in defaults)', file: inDefaults('log-format "%[req.cook(a)]"'), refused: "HA076" },
  { line: 'log-format-sd "%[req.hdr(host)]"', file: inFrontend('log-format-sd "%[req.hdr(host)]"'), refused: "HA076" },
  { line: 'error-log-format "%[req.hdr(host)]"', file: inFrontend('error-log-format "%[req.hdr(host)]"'), refused: "HA076" },
  { line: 'log-format "%[status] %[method] %[src] %[ssl_fc]"', file: inFrontend('log-format "%[status] %[method] %[src] %[ssl_fc]"') },
  { line: 'log-format "%[capture.req.hdr(0)] %[var(txn.a)]"', file: inFrontend('log-format "%[capture.req.hdr(0)] %[var(txn.a)]"') },
  { line: 'unique-id-format "%[req.hdr(host)]"', file: inFrontend('unique-id-format "%[req.hdr(host)]"') },
  { line: 'log-format "%[req.hdr(host)]" (in a backend, ignored there)', file: `${head("http")}backend b\n    log-format "%[req.hdr(host)]"\n    server s 127.0.0.1:80\nfrontend f\n    bind :8080\n    default_backend b\n` },
]);

const stick = (line: string, section = "backend") => `${head("http")}frontend f\n    bind :8080\n    default_backend b\n${section} b\n${section === "listen" ? "    bind :8081\n" : ""}    stick-table type string len 32 size 1k\n    ${line}\n    server s 127.0.0.1:80\n`;

round13Cases("the sixteenth mutation round's fetches in stick rules", [
  { line: "stick match res.cook(SRV)", file: stick("stick match res.cook(SRV)"), refused: "HA076" },
  { line: "stick on res.hdr(x) (in a listen)", file: stick("stick on res.hdr(x)", "listen"), refused: "HA076" },
  { line: "stick store-request res.hdr(x)", file: stick("stick store-request res.hdr(x)"), refused: "HA076" },
  { line: "stick store res.cook(a)", file: stick("stick store res.cook(a)"), refused: "HA076" },
  { line: "stick store-response req.cook(SRV)", file: stick("stick store-response req.cook(SRV)"), refused: "HA076" },
  { line: "stick on srv_id", file: stick("stick on srv_id"), refused: "HA076" },
  { line: "stick store-response res.cook(SRV)", file: stick("stick store-response res.cook(SRV)") },
  { line: "stick store-response srv_id", file: stick("stick store-response srv_id") },
  { line: "stick on req.cook(a)", file: stick("stick on req.cook(a)") },
  { line: "stick on path", file: stick("stick on path") },
]);
