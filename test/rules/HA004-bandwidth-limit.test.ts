// The set-bandwidth-limit action (bandwidth-limit.ts): each line asked of haproxy 2.6.12 (which has
// no such action), 3.0.11 and 3.2.26, in a frontend with a bandwidth filter unless the line says
// otherwise (round13-cases.ts asks the installed daemons again).
import { round13Cases } from "./round13-cases.js";

const HEAD = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
const fileWith = (line: string, filter = "filter bwlim-in lim default-limit 1m default-period 1s") =>
  `${HEAD}frontend f\n    bind :8080\n    ${filter}\n    ${line}\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;
const cases = (list: readonly (readonly [string, string?, string?])[]) =>
  list.map(([line, refused, filter]) => ({ line, file: fileWith(line, filter), since: "3.0" as const, ...(refused ? { refused } : {}) }));

round13Cases("set-bandwidth-limit's options", cases([
  ["http-request set-bandwidth-limit lim"],
  ["http-request set-bandwidth-limit lim limit 10K period 1s"],
  ["http-request set-bandwidth-limit lim limit 4294967295"],
  ["http-request set-bandwidth-limit lim limit str(10),mul(2) period 1000 if TRUE"],
  ["http-request set-bandwidth-limit other", undefined, "filter bwlim-out any default-limit 1m default-period 1s"],
  ["http-request set-bandwidth-limit lim bogus 10k", "HA004"],
  ["http-request set-bandwidth-limit lim limit 10k extra", "HA004"],
  ["http-request set-bandwidth-limit lim limit", "HA004"],
  ["http-request set-bandwidth-limit lim limit 10x", "HA004"],
  ["http-request set-bandwidth-limit lim limit 4g", "HA004"],
  ["http-request set-bandwidth-limit lim limit nosuch(1)", "HA004"],
  ["http-request set-bandwidth-limit lim period 1S", "HA004"],
  ["http-request set-bandwidth-limit lim period abc", "HA004"],
  ["http-request set-bandwidth-limit lim", "HA004", "filter compression"],
]));
