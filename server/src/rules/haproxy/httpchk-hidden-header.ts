// HA049: headers (or a body) hidden after the version of `option httpchk`:
// `option httpchk GET /h HTTP/1.1\r\nHost:\ www`. haproxy 2.6 still sends them but warns that the
// form is deprecated (h25); 3.0.11 and 3.2.26 refuse the line ("hiding headers or body at the end of
// the version string is unsupported"), so from a 3.0 target on it is an error. The fix moves plain headers to an `http-check send hdr …` line right
// after the option — the request on the wire is the same (measured) — when that is safe: in a
// backend or listen with no other `http-check send`/`connect` line (haproxy refuses a second send
// rule) and no `http-check` rule before the option. In a defaults section, heirs with their own
// `http-check` rules would lose the inherited send line, so there it is only a suggestion.
import type { TextEdit } from "../../../../grammars/common/edits.js";
import { compareVersions } from "../../facts/versions.js";
import type { HaproxyRule, Fix } from "../../lint/rule.js";
import { hiddenHeaders, isHttpchk, readHttpchk, type Header } from "./httpchk.js";

/** A header value as one haproxy word, or undefined when quoting it would need escapes. */
function asWord(value: string): string | undefined {
  if (/^[A-Za-z0-9._:/,;=+*@~%!?&()[\]{}<>|^-]+$/.test(value)) return value;
  if (/^[^"'\\$#\r\n]*$/.test(value)) return `"${value}"`;
  return undefined;
}

function sendLine(headers: readonly Header[]): string | undefined {
  const parts: string[] = [];
  for (const header of headers) {
    const value = asWord(header.value);
    if (value === undefined) return undefined;
    parts.push(`hdr ${header.name} ${value}`);
  }
  return `http-check send ${parts.join(" ")}`;
}

export const httpchkHiddenHeader: HaproxyRule = {
  meta: {
    id: "HA049",
    alias: "httpchk-hidden-header",
    product: "haproxy",
    severity: "warning",
    category: "compatibility",
    description: "headers are hidden after the version of option httpchk, a deprecated form",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    const refused = compareVersions(model.version, "3.0") >= 0;
    for (const section of model.sections) {
      if (!section.isProxy) continue;
      for (const statement of model.keywordIn(section, "option")) {
        // Without a fourth word there is no version to hide anything after.
        if (statement.argCount < 4 || !isHttpchk(statement)) continue;
        const option = readHttpchk(statement);
        const word = option.version;
        if (!word || option.versionText === undefined || !/[\r\n]/.test(word.value)) continue;

        const headers = hiddenHeaders(option.hidden);
        const checks = model.keywordIn(section, "http-check");
        const hasSend = checks.some((s) => s.args[0]?.value === "send" || s.args[0]?.value === "connect");
        const line = headers && !hasSend ? (headers.length > 0 ? sendLine(headers) : "") : undefined;
        let fix: Fix | undefined;
        if (line !== undefined) {
          const edits: TextEdit[] = [{ start: word.range.startOffset, end: word.range.endOffset, newText: option.versionText }];
          if (line !== "") {
            const first = statement.tokens[0];
            const indent = first && first.kind === "whitespace" ? first.text : "";
            const last = statement.tokens[statement.tokens.length - 1];
            const newline = last && last.kind === "newline" ? "" : "\n";
            const eol = last && last.kind === "newline" ? last.text : "\n";
            edits.push({ start: statement.range.endOffset, end: statement.range.endOffset, newText: `${newline}${indent}${line}${eol}` });
          }
          fix = { description: line === "" ? "remove the line break after the version" : `move the headers to '${line}'`, edits };
        }
        const safe = fix !== undefined && section.type !== "defaults" && checks.every((s) => s.range.startOffset > statement.range.startOffset);
        const what = headers === undefined ? "a body or other lines" : "headers";
        const lead = refused ? `haproxy ${model.version} refuses ${what} hidden after the version of 'option httpchk'` : `hiding ${what} after the version of 'option httpchk' is deprecated`;
        report({
          uri: section.uri,
          range: word.range,
          ...(refused ? { severity: "error" as const } : {}),
          message: hasSend
            ? `${lead}; move them to this section's 'http-check send' line`
            : `${lead}; write them with 'http-check send'`,
          ...(fix ? (safe ? { fix } : { suggestions: [fix] }) : {}),
        });
      }
    }
  },
};
