// The thirteenth mutation round's HA002 lines: a peers section with both `peer` lines and a `bind` (round13-cases.ts).
import { round13Cases } from "./round13-cases.js";

round13Cases("the thirteenth mutation round's HA002 lines", [
  { line: "peer a 127.0.0.1:10000\n    peer b 127.0.0.2:10000", template: "peers" },
  { line: "bind :10001\n    server a\n    server b 127.0.0.2:10000", template: "peers" },
  { line: "peer a 127.0.0.1:10000\n    bind :10001", template: "peers", refused: "HA002" },
  { line: "bind :10001\n    peer a 127.0.0.1:10000", template: "peers", refused: "HA002" },
  { line: "peer a 127.0.0.1:10000\n    bind :10001\n    server b", template: "peers", refused: "HA002" },
]);
