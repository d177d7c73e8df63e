// HA030: a line ending with a backslash. haproxy has no continuation lines (h31): the backslash is
// read as a word of its own or the end of the last word ("unknown keyword '\'" on a bind or server
// line, or silently an extra ACL pattern), and the next line is read as a statement of its own.
// No automatic fix; the editor offers to join the two lines.
import { replaceRange } from "../../lint/fixes.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { BACKSLASH_AT_LINE_END } from "./text-probes.js";

/** `/\\[ \t]?$/` on the last word's text, without a regular expression: this runs on every line. */
function endsWithBackslash(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  if (last === 92) return true;
  return (last === 32 || last === 9) && text.charCodeAt(text.length - 2) === 92;
}

export const lineContinuation: HaproxyRule = {
  meta: {
    id: "HA030",
    alias: "line-continuation",
    product: "haproxy",
    severity: "error",
    category: "syntax",
    description: "a line ends with a backslash, but haproxy has no continuation lines",
    fixable: false,
    native: "partly",
    stricter: "haproxy -c accepts a trailing backslash where it can be read as a value (an ACL pattern), and then reads the next line on its own",
  },
  check({ model, report }) {
    // Only lines that end with a backslash (and blanks).
    for (const { file, line, index } of model.linesMatching(BACKSLASH_AT_LINE_END)) {
      const lines = model.fileLines(file);
      const last = line.words[line.words.length - 1];
      if (!last || !endsWithBackslash(last.text) || line.comment) continue;
      const parts = last.parts;
      const tail = parts[parts.length - 1];
      // A lone backslash at the end of the word: nothing (or only a blank) escaped after it.
      if (!tail || tail.kind !== "escape" || !/^\\[ \t]?$/.test(tail.text)) continue;
      const lineText = line.range.text;
      if (!/[\r\n]$/.test(lineText)) continue;
      const next = lines[index + 1];
      // `expect string Service\ ` ends a value with an escaped blank, which haproxy keeps; only a next
      // line indented deeper than this one reads as the continuation that such a backslash may have meant.
      const deeper = next !== undefined && next.words.length > 0 && next.words[0]!.range.start.column > line.words[0]!.range.start.column;
      if (tail.text.length === 2 && last.text.length > tail.text.length && !deeper) continue;
      const backslash = { start: tail.range.start, end: { ...tail.range.start, offset: tail.range.start.offset + 1, column: tail.range.start.column + 1 } };
      const suggestions = next && next.words.length > 0
        ? [replaceRange({ start: backslash.start, end: next.words[0]!.range.start }, last.text.length > tail.text.length ? " " : "", "join with the next line")]
        : [];
      report({
        range: backslash,
        uri: file.uri,
        message: "haproxy has no continuation lines: this backslash is read as part of the line, and the next line as a statement of its own",
        ...(suggestions.length ? { suggestions } : {}),
      });
    }
  },
};
