// The fourteenth mutation round's HA003 lines (docs/agreement.md, "Fourteenth round, haproxy"): an
// empty word ends haproxy's arguments, so an action given `""` as its last value is one short
// (round13-cases.ts asks haproxy 2.6.12, 3.0.11 and 3.2.26 again).
import { round13Cases } from "./round13-cases.js";

round13Cases("the fourteenth mutation round's empty action arguments", [
  { line: 'http-request set-header X-A ""', refused: "HA003" },
  { line: "http-request set-header X-A '' if TRUE", refused: "HA003" },
  { line: 'http-response set-header X-A ""', refused: "HA003" },
  { line: 'http-request set-header "" x', refused: "HA003" },
  { line: 'http-request set-path ""', refused: "HA003" },
  { line: 'http-request set-header X-A "x"' },
  { line: 'http-request set-var(txn.x) str("")' },
]);
