// HA076: a sample fetch that reads the request in a response rule (`http-response set-header X
// %[req.hdr(host)]`), or one that reads the response in a request rule (`http-request set-var(txn.s)
// status`). haproxy 2.6.12 refuses both ("fetch method 'req.hdr' extracts information from 'HTTP
// request headers', none of which is available here"). Only the names that say their side are
// judged: `req.*`, `path`, `url`, `query`, `base`, `cook` on one side, `res.*`, `status`, `shdr`,
// `scook` on the other; `hdr`, `method`, `capture.req.*` and variables are read on both (measured).
// In a rule's condition (`if { path /a }`) haproxy only warns that the ACL "will never match": a
// warning here too.
import type { HaproxyRule } from "../../lint/rule.js";
import { samplesOf } from "./samples.js";

const REQUEST_NAMES = new Set(["path", "pathq", "url", "base", "base32", "query", "url_param", "urlp", "url32", "url_ip", "url_port", "cook", "cook_cnt", "cook_val"]);
const RESPONSE_NAMES = new Set(["status", "shdr", "shdr_cnt", "shdr_ip", "shdr_val", "scook", "scook_cnt", "scook_val"]);

/** The side a fetch reads, when its name says it. */
function sideOf(name: string): "request" | "response" | undefined {
  if (name.startsWith("req.") || name.startsWith("req_") || REQUEST_NAMES.has(name)) return "request";
  if (name.startsWith("res.") || name.startsWith("res_") || RESPONSE_NAMES.has(name)) return "response";
  return undefined;
}

/** The side a rule set runs on. */
function ruleSide(keyword: string): "request" | "response" | undefined {
  if (keyword === "http-response" || keyword === "http-after-response" || keyword === "tcp-response") return "response";
  if (keyword === "http-request" || keyword === "tcp-request") return "request";
  return undefined;
}

export const fetchDirection: HaproxyRule = {
  meta: {
    id: "HA076",
    alias: "fetch-direction",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a request rule reads the response, or a response rule the request",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const { placed, samples } of samplesOf(model)) {
      const side = ruleSide(placed.keyword);
      if (!side) continue;
      for (const sample of samples) {
        if (sample.kind !== "fetch") continue;
        const reads = sideOf(sample.name);
        if (!reads || reads === side) continue;
        const hint = reads === "request" ? " (keep the value in a variable during the request: http-request set-var(txn.x))" : "";
        const where = `'${placed.keyword}' rules run on the ${side}, and '${sample.name}' reads the ${reads}, which is not available there`;
        report({
          uri: placed.section.uri,
          range: sample.range,
          ...(sample.aclCriterion ? { severity: "warning" as const, message: `${where}: the condition never matches${hint}` } : { message: `${where}; haproxy refuses it${hint}` }),
        });
      }
    }
  },
};
