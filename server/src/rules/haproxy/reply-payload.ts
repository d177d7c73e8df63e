// HA004: the payload of an HTTP reply (`http-request return|deny|tarpit`, `http-response …`, `http-error`)
// as haproxy 2.6.12 reads it, measured by a sweep of value forms: a `string` or `lf-string` needs a
// `content-type` ("a content type must be defined when non-empty payload is configured", "… with a
// log-format payload"), and a `content-type` without a payload is ignored with a warning ("content-type
// 'text/plain' ignored by the http reply because neither errorfile nor payload defined", "… when used
// with an errorfile"). A `file` needs one only when the file is not empty, which depends on the machine.
// A reply takes one of `errorfile`, `errorfiles`, `file`, `lf-file`, `string` and `lf-string` ("unexpected
// 'string' argument, 'string' already defined").
import type { Word } from "../../../../grammars/haproxy/ast.js";
import type { Report } from "../../lint/rule.js";

/** The reply's options that take a value. */
const WITH_VALUE = new Set(["status", "deny_status", "content-type", "errorfile", "errorfiles", "file", "lf-file", "string", "lf-string"]);
const PAYLOADS = new Set(["file", "lf-file", "string", "lf-string"]);
/**
 * What gives a reply its body: an errorfile, the errorfiles of an http-errors section, or a payload,
 * one of them once (measured on 2.6.12: "unexpected 'string' argument, 'errorfiles' already defined").
 */
const BODIES = new Set(["errorfile", "errorfiles", ...PAYLOADS]);
const CONDITION = new Set(["if", "unless"]);

/** `words`: the reply's options, up to a condition when `conditional`. */
export function replyPayloadReports(words: readonly Word[], conditional: boolean): Report[] {
  let type: Word | undefined;
  let text: Word | undefined;
  let payload: Word | undefined;
  let body: Word | undefined;
  let status: Word | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (conditional && CONDITION.has(word.value)) break;
    if (word.value.includes("$") || words[i + 1]?.value.includes("$")) return [];
    if (word.value === "hdr") {
      i += 2;
      continue;
    }
    if (!WITH_VALUE.has(word.value)) continue;
    // Measured on 2.6.12: `deny deny_status 403 hdr a b deny_status 404` and `deny content-type a string x
    // deny_status 404` are "expects either 'if' or 'unless' … but found 'deny_status'": it comes first or not at all.
    if (word.value === "deny_status" && i > 0) return [{ range: word.range, message: "'deny_status' is read only right after the action; here haproxy refuses the rule" }];
    // "unexpected 'string' argument, 'errorfile' already defined": one errorfile or payload per reply.
    if (BODIES.has(word.value)) {
      if (body) return [{ range: word.range, message: `a reply takes one body, and '${body.value}' already gives it; haproxy refuses '${word.value}'` }];
      body = word;
    }
    if (word.value === "status" || word.value === "deny_status") status = words[i + 1];
    if (word.value === "content-type") type = word;
    if (word.value === "string" || word.value === "lf-string") text = word;
    if (PAYLOADS.has(word.value)) payload ??= word;
    i++;
  }
  // "No body expected for 204 responses" (304 alike); an errorfile, a whole response, passes.
  if (payload && status && (status.value === "204" || status.value === "304")) return [{ range: payload.range, message: `a ${status.value} reply has no body; haproxy refuses the '${payload.value}' payload` }];
  if (text && !type) return [{ range: text.range, message: `a '${text.value}' payload needs a 'content-type' on the same line; haproxy refuses it without one` }];
  if (type && !payload) return [{ severity: "warning", range: type.range, message: "'content-type' is ignored without a string, lf-string, file or lf-file payload (haproxy warns about it)" }];
  return [];
}
