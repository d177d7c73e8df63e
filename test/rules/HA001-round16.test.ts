// The sixteenth mutation round's `stick` cases (docs/agreement.md, "Sixteenth round, haproxy"): haproxy
// reads `stick store EXPR` as `stick store-request EXPR` (a word the manuals do not give), and a
// frontend skips every `stick` line unread, with a warning, whatever it holds (round13-cases.ts asks
// haproxy 2.6.12, 3.0.11 and 3.2.26 again).
import { round13Cases } from "./round13-cases.js";

const HEAD = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
const inBackend = (line: string) => `${HEAD}frontend f\n    bind :8080\n    default_backend b\nbackend b\n    stick-table type ip size 1k\n    ${line}\n    server s 127.0.0.1:80\n`;
const inFrontend = (line: string) => `${HEAD}frontend f\n    bind :8080\n    ${line}\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;

round13Cases("the sixteenth mutation round's stick rules", [
  { line: "stick store src", file: inBackend("stick store src") },
  { line: "stick store src if TRUE", file: inBackend("stick store src if TRUE") },
  { line: "stick storefoo src", file: inBackend("stick storefoo src"), refused: "HA001" },
  { line: "stick store src x", file: inBackend("stick store src x"), refused: "HA004" },
  { line: "stick nosuch src (in a frontend)", file: inFrontend("stick nosuch src") },
  { line: "stick (in a frontend)", file: inFrontend("stick") },
  { line: "stick match nosuchfetch (in a frontend)", file: inFrontend("stick match nosuchfetch") },
  { line: "stick on src x (in a frontend)", file: inFrontend("stick on src x") },
  { line: "stick store-request src table b x y z (in a frontend)", file: inFrontend("stick store-request src table b x y z") },
  { line: "stick on (in a frontend)", file: inFrontend("stick on") },
]);
