// A backend's FastCGI servers and its FastCGI application (proto-mode-mismatch.ts, fastCgiReports),
// each file asked of haproxy 2.6.12, 3.0.11 and 3.2.26 (round13-cases.ts asks them again).
import { round13Cases } from "./round13-cases.js";

const fileWith = (backend: string) =>
  `defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\nfrontend f\n    bind :8080\n    default_backend b\nbackend b\n    ${backend.replaceAll("\n", "\n    ")}\nfcgi-app php\n    docroot /var/www\n`;
const cases = (list: readonly (readonly [string, string?])[]) => list.map(([backend, refused]) => ({ line: backend.replaceAll("\n", " / "), file: fileWith(backend), ...(refused ? { refused } : {}) }));

round13Cases("FastCGI servers and applications", cases([
  ["use-fcgi-app php\nserver s 127.0.0.1:9000 proto fcgi"],
  ["use-fcgi-app php\nserver s 127.0.0.1:80\nserver t 127.0.0.1:9000 proto fcgi"],
  ["use-fcgi-app php\nserver-template s 2 127.0.0.1:9000 proto fcgi"],
  ["use-fcgi-app php\ndefault-server proto fcgi\nserver s 127.0.0.1:9000"],
  ["server s 127.0.0.1:9000 proto fcgi", "HA065"],
  ["default-server proto fcgi\nserver s 127.0.0.1:9000", "HA065"],
  ["server-template s 2 127.0.0.1:9000 proto fcgi", "HA065"],
  ["use-fcgi-app php\nserver s 127.0.0.1:80", "HA065"],
  ["use-fcgi-app php", "HA065"],
]));

// `proto spop` (3.2 on) speaks to the agents of a backend in mode spop only; 2.6.12 and 3.0.11 do not know it.
const spopFile = (mode: string) =>
  `defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\nfrontend f\n    bind :8080\n    default_backend c\nbackend b\n    mode ${mode}\n    server s 127.0.0.1:12345 proto spop\nbackend c\n    server s 127.0.0.1:80\n`;
round13Cases("proto spop", [
  { line: "proto spop in mode spop", file: spopFile("spop"), since: "3.2" },
  { line: "proto spop in mode http", file: spopFile("http"), since: "3.2", refused: "HA065" },
  { line: "proto spop in mode tcp", file: spopFile("tcp"), since: "3.2", refused: "HA065" },
]);
