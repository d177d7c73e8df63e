// normalize-uri's normalizer and its option (action-words.ts), each line asked of haproxy 2.6.12,
// 3.0.11 and 3.2.26 after `expose-experimental-directives` (round13-cases.ts asks them again).
import { round13Cases } from "./round13-cases.js";

round13Cases("normalize-uri's normalizers", [
  { line: "http-request normalize-uri fragment-encode", template: "experimental" },
  { line: "http-request normalize-uri path-strip-dotdot", template: "experimental" },
  { line: "http-request normalize-uri path-strip-dotdot full if TRUE", template: "experimental" },
  { line: "http-request normalize-uri percent-decode-unreserved strict", template: "experimental" },
  { line: "http-request normalize-uri query-sort-by-name unless { path / }", template: "experimental" },
  { line: "http-request normalize-uri bogus", template: "experimental", refused: "HA004" },
  { line: "http-request normalize-uri PATH-MERGE-SLASHES", template: "experimental", refused: "HA004" },
  { line: "http-request normalize-uri path-strip-dotdot strict", template: "experimental", refused: "HA004" },
  { line: "http-request normalize-uri percent-to-uppercase STRICT", template: "experimental", refused: "HA004" },
  { line: "http-request normalize-uri path-merge-slashes extra", template: "experimental", refused: "HA004" },
  { line: "http-request normalize-uri percent-to-uppercase strict strict", template: "experimental", refused: "HA004" },
]);
