// HA025: haproxy starts a comment at any `#` outside quotes, even in the middle of a word:
// `path_beg /foo#bar` matches `/foo`, and `#bar` is silently dropped (measured, h30/h36). A comment
// that starts right where a word ends, with no blank between, is almost always such a word.
// No automatic fix: keeping the `#` changes what haproxy does. The editor offers to escape it
// (`\#`, haproxy then reads the whole word), or to separate the comment (haproxy's reading stays).
import { replaceRange } from "../../lint/fixes.js";
import type { Fix, HaproxyRule } from "../../lint/rule.js";
import { HASH_AFTER_WORD } from "./text-probes.js";

export const hashInWord: HaproxyRule = {
  meta: {
    id: "HA025",
    alias: "hash-in-word",
    product: "haproxy",
    severity: "warning",
    category: "syntax",
    description: "a # stuck to a word starts a comment and cuts the word",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    // Only lines where a `#` follows something else than a blank (or an escaped blank).
    for (const { file, line } of model.linesMatching(HASH_AFTER_WORD)) {
      const comment = line.comment;
      const last = line.words[line.words.length - 1];
      if (!comment || !last || last.range.endOffset !== comment.range.startOffset) continue;
      const rest = comment.text.slice(1);
      const suggestions: Fix[] = [];
      const hashOnly = { start: comment.range.start, end: { ...comment.range.start, offset: comment.range.start.offset + 1, column: comment.range.start.column + 1 } };
      // Escaping keeps the rest in the word only when the rest is one word.
      if (!/[\s#"'\\]/.test(rest)) suggestions.push(replaceRange(hashOnly, "\\#", `escape the '#': haproxy reads '${last.text}#${rest}' as one word`));
      suggestions.push(replaceRange(hashOnly, " #", "separate the comment: haproxy's reading stays as it is"));
      report({
        range: comment.range,
        uri: file.uri,
        message: `'${comment.text.length > 24 ? `${comment.text.slice(0, 24)}…` : comment.text}' is a comment, not part of '${last.value}': haproxy starts a comment at '#' even inside a word`,
        suggestions,
      });
    }
  },
};
