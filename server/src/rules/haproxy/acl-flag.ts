// HA067: a word starting with '-' where an ACL's flags stand that is no flag haproxy knows. haproxy
// 2.6.12 reads every word after the criterion that starts with '-' as a flag until `--` or the
// first pattern, knows -i, -f, -m, -n, -M and -u, and refuses any other ("'-5' is not a valid ACL
// option. Please use '--' before any pattern beginning with a '-'"), in `acl` lines and in
// anonymous ACLs (`{ … }`) alike. A negative number meant as a pattern gets `--` put before it. A flag
// it knows written after a pattern (`hdr(host) example.com -i`) is a pattern: a warning.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { replaceRange } from "../../lint/fixes.js";
import type { Fix, HaproxyRule } from "../../lint/rule.js";
import { forEachAclCriterion } from "./acl-criteria.js";
import { readCriterion } from "./sample-expr.js";

const FLAGS = ["-i", "-f", "-m", "-n", "-M", "-u"];

function insertSeparator(word: Word): Fix {
  return { description: "put '--' before the pattern", edits: [{ start: word.range.start.offset, end: word.range.start.offset, newText: "-- " }] };
}

/**
 * A flag haproxy knows written after the first pattern (`hdr(host) example.com -i`), not after `--`:
 * haproxy reads flags only up to the first pattern, so it is a pattern. For a string match nothing
 * says so (the match stays case-sensitive); an address or a number pattern is refused (HA073, HA064).
 */
function lateFlag(words: readonly Word[], patterns: readonly Word[]): Word | undefined {
  const first = patterns[0];
  // A criterion ending in ',' goes on in the next word (`req.ssl_supported_groups, be2hex(:,2),lower
  // -m sub 001d`, which haproxy takes): its flags come later than lblint's reading says.
  if (!first || words[words.indexOf(first) - 1]?.value === "--" || words[0]!.value.endsWith(",")) return undefined;
  return patterns.slice(1).find((word) => FLAGS.includes(word.value));
}

export const aclFlag: HaproxyRule = {
  meta: {
    id: "HA067",
    alias: "acl-flag",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a word starting with '-' among an ACL's flags that is no flag: a pattern needs '--' before it",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    // Only lines with a blank then '-' can hold a flag.
    forEachAclCriterion(model.mentioning(/[ \t]-/), (words, section) => {
      const criterion = readCriterion(words);
      // After a word haproxy refuses as a flag, the rest is not read: that word is the finding.
      const late = criterion && !criterion.unknownFlag && lateFlag(words, criterion.patterns);
      if (late) {
        report({
          uri: section.uri,
          range: late.range,
          severity: "warning",
          message: `'${late.value}' comes after a pattern, so haproxy reads it as one more pattern, not as a flag: put the flags before the patterns`,
        });
        return;
      }
      const flag = criterion?.unknownFlag;
      if (!flag || flag.value.includes("$")) return;
      const pattern = /^-[\d.:]/.test(flag.value) || flag.value.length > 2;
      const sameLetter = FLAGS.filter((known) => known.toLowerCase() === flag.value.toLowerCase());
      const message = pattern
        ? `haproxy reads '${flag.value}' as an ACL flag, and knows no such flag: write '-- ${flag.value}' for a pattern that starts with '-'`
        : `'${flag.value}' is not an ACL flag (haproxy knows ${FLAGS.join(", ")})${sameLetter.length > 0 ? `; did you mean '${sameLetter[0]}'?` : ""}`;
      report({
        uri: section.uri,
        range: flag.range,
        message,
        ...(pattern ? { fix: insertSeparator(flag) } : sameLetter.length > 0 ? { suggestions: [replaceRange(flag.range, sameLetter[0]!, `replace with '${sameLetter[0]}'`), insertSeparator(flag)] } : { suggestions: [insertSeparator(flag)] }),
      });
    });
  },
};
