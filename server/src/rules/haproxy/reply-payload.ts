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
/** What a reply is made of: one at most (measured on 2.6.12: "unexpected 'file' argument, 'string' already defined"). */
const BODIES = new Set(["errorfile", "errorfiles", ...PAYLOADS]);
const CONDITION = new Set(["if", "unless"]);

/** `words`: the reply's options, up to a condition when `conditional`. */
export function replyPayloadReports(words: readonly Word[], conditional: boolean): Report[] {
  let type: Word | undefined;
  let text: Word | undefined;
  let payload = false;
  let body: Word | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (conditional && CONDITION.has(word.value)) break;
    if (word.value.includes("$")) return [];
    if (word.value === "hdr") {
      i += 2;
      continue;
    }
    if (!WITH_VALUE.has(word.value)) continue;
    // A second payload or error file (found by the twelfth mutation round: a rule's options written twice).
    if (BODIES.has(word.value)) {
      if (body) return [{ range: word.range, message: `'${word.value}' after '${body.value}': a reply has one payload or error file; haproxy refuses the second` }];
      body = word;
    }
    if (word.value === "content-type") type = word;
    if (word.value === "string" || word.value === "lf-string") text = word;
    payload ||= PAYLOADS.has(word.value);
    i++;
  }
  if (text && !type) return [{ range: text.range, message: `a '${text.value}' payload needs a 'content-type' on the same line; haproxy refuses it without one` }];
  if (type && !payload) return [{ severity: "warning", range: type.range, message: "'content-type' is ignored without a string, lf-string, file or lf-file payload (haproxy warns about it)" }];
  return [];
}
