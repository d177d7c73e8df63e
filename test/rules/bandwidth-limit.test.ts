// Bandwidth limitation: the set-bandwidth-limit action (HA004, bandwidth-limit.ts) and the bwlim
// filters (HA069, bwlim-filter.ts; HA019 for their table). Each line asked of haproxy 2.6.12 (which
// has neither), 3.0.11 and 3.2.26, in a frontend with a bandwidth filter unless the line says
// otherwise, beside a backend `t` with a stick-table (round13-cases.ts asks the installed daemons again).
import { round13Cases } from "./round13-cases.js";

const HEAD = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
const fileWith = (line: string, filter = "filter bwlim-in lim default-limit 1m default-period 1s") =>
  `${HEAD}backend t\n    stick-table type ip size 1k store bytes_in_rate(1s)\nfrontend f\n    bind :8080\n    ${filter}\n    ${line}\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;
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

const filters = (list: readonly (readonly [string, string?])[]) =>
  list.map(([filter, refused]) => ({ line: filter, file: fileWith("http-request set-header x y", filter), since: "3.0" as const, ...(refused ? { refused } : {}) }));

round13Cases("bwlim filters", filters([
  ["filter bwlim-out lim default-limit 1m default-period 1s min-size 100"],
  ["filter bwlim-in lim limit 1m key src table t"],
  ["filter bwlim-in lim table t key src,lower limit 10k"],
  ["filter bwlim-in lim limit 1m period 1s", "HA069"],
  ["filter bwlim-in lim default-limit 1m", "HA069"],
  ["filter bwlim-in lim min-size 10", "HA069"],
  ["filter bwlim-in lim default-limit 1m default-period 0", "HA069"],
  ["filter bwlim-in lim default-limit 10x default-period 1s", "HA069"],
  ["filter bwlim-in lim default-limit 1m default-period 1s key src", "HA069"],
  ["filter bwlim-in lim key src table t", "HA069"],
  ["filter bwlim-in lim limit 1m key nosuch table t", "HA069"],
  ["filter bwlim-in lim limit 1m key src", "HA069"],
  ["filter bwlim-in lim limit 1m key src table b", "HA019"],
]));
