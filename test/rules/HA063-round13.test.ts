// The thirteenth mutation round's HA063 and HA060 lines: a log format in a backend, which haproxy
// ignores without parsing it (round13-cases.ts; HA002 warns that the line has no effect).
import { round13Cases } from "./round13-cases.js";

round13Cases("the thirteenth mutation round's HA063 and HA060 lines", [
  { line: 'log-format "%ci %ZZ"' },
  { line: 'log-format "%[src"' },
  { line: 'log-format-sd "%[src"' },
  { line: 'log-format "%ci %[nosuchfetch]"' },
  { line: 'log-format "%[src,lower(]"' },
  { line: 'error-log-format "%ci"' },
  { line: 'error-log-format "%[src"', refused: "HA063" },
  { line: 'unique-id-format "%[src"', refused: "HA063" },
  { line: 'unique-id-format "%[nosuchfetch]"', refused: "HA060" },
]);
