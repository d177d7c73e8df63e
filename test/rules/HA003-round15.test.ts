// The fifteenth mutation round's HA003 lines (docs/agreement.md, "Fifteenth round, haproxy"): a frontend
// ignores `hash-type` and `hash-balance-factor` but reads them as a backend does, and leaves the words
// after their values alone, so a word too many there is no error (round13-cases.ts asks haproxy 2.6.12,
// 3.0.11 and 3.2.26 again).
import { round13Cases } from "./round13-cases.js";

const HEAD = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
const inFrontend = (line: string) => `${HEAD}frontend f\n    bind :8080\n    ${line}\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;

round13Cases("the fifteenth mutation round's hashing words in a frontend", [
  { line: "hash-type consistent crc32 avalanche x (frontend)", file: inFrontend("hash-type consistent crc32 avalanche x") },
  { line: "hash-balance-factor 150 x (frontend)", file: inFrontend("hash-balance-factor 150 x") },
  { line: "hash-type consistent crc32 avalanche x" },
  { line: "http-reuse safe x (frontend)", file: inFrontend("http-reuse safe x"), refused: "HA003" },
]);
