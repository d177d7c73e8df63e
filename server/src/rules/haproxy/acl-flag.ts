// HA067: a word starting with '-' where an ACL's flags stand that is no flag haproxy knows. haproxy
// 2.6.12 reads every word after the criterion that starts with '-' as a flag until `--` or the
// first pattern, knows -i, -f, -m, -n, -M and -u, and refuses any other ("'-5' is not a valid ACL
// option. Please use '--' before any pattern beginning with a '-'"), in `acl` lines and in
// anonymous ACLs (`{ … }`) alike. A negative number meant as a pattern gets `--` put before it. A flag
// it knows written after a pattern (`hdr(host) example.com -i`) is a pattern: a warning. So is a condition
// written on an `acl` line (`acl a path /x if b`): a warning.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { replaceRange } from "../../lint/fixes.js";
import type { Fix, HaproxyRule } from "../../lint/rule.js";
import { forEachAclCriterion } from "./acl-criteria.js";
import type { Placed } from "./model.js";
import { readCriterion, unclosedCall } from "./sample-expr.js";

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

/**
 * `acl NAME FETCH PATTERNS if COND`: an `acl` line takes no condition, so haproxy 2.6.12 reads `if` and
 * the words after it as more patterns and accepts the line (measured: `acl e path -m str /x if a` is
 * silent); the ACL then also matches the strings 'if' and 'a', and COND restricts nothing. An integer
 * match refuses them (HA064).
 */
function conditionWords(words: readonly Word[]): Word | undefined {
  const criterion = readCriterion(words);
  if (!criterion || criterion.explicitMethod === "int" || criterion.explicitMethod === "len" || unclosedCall(criterion.word.value)) return undefined;
  const patterns = criterion.patterns;
  const at = patterns.findIndex((word, i) => (word.value === "if" || word.value === "unless") && i > 0 && i < patterns.length - 1);
  return at < 0 ? undefined : patterns[at];
}

/** Whether a word of one of these lines (after the keyword) is `if` or `unless`, compared in the text. */
function saysCondition(lines: readonly Placed[]): boolean {
  for (let at = 0; at < lines.length; at++) {
    const statement = lines[at]!.statement;
    for (let i = 1; i < statement.wordCount; i++) if (statement.wordIs(i, "if") || statement.wordIs(i, "unless")) return true;
  }
  return false;
}

export const aclFlag: HaproxyRule = {
  meta: {
    id: "HA067",
    alias: "acl-flag",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a word among an ACL's flags or patterns that haproxy reads otherwise than meant: an unknown flag, a flag after a pattern, a condition on an acl line",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    // Only `acl` lines take this finding, and only those with an `if` or `unless` word: when none
    // has one, the lines that say so with blanks around are not searched for, nor walked.
    const conditioned = saysCondition(model.withKeyword("acl")) ? model.mentioning(/[ \t](?:if|unless)[ \t]/).filter((placed) => placed.keyword === "acl") : [];
    forEachAclCriterion(conditioned, (words, section, anonymous) => {
      const word = anonymous ? undefined : conditionWords(words);
      if (!word) return;
      const last = words[words.length - 1]!;
      report({
        uri: section.uri,
        range: { start: word.range.start, end: last.range.end },
        severity: "warning",
        message: `an acl line takes no condition: haproxy reads '${word.value}' and the words after it as more patterns of this ACL, so they restrict nothing; put the condition on the rules that use the ACL`,
      });
    });
    // Only lines with a blank then '-' can hold a flag. (Written as an alternation of two strings,
    // which V8 searches for far faster than `[ \t]-`: 2 ms instead of 12 on 4 MB.) Their criteria
    // are known by their first word, and read from the lists of every criterion, which other rules
    // have read already (`readCriterion` keeps a reading per list).
    const flagged = new Set<Word>();
    forEachAclCriterion(model.mentioning(/ -|\t-/), (words) => {
      if (words[0]) flagged.add(words[0]);
    });
    forEachAclCriterion(model.statements(), (words, section) => {
      // (A criterion without a word has no flag.)
      if (!words[0] || !flagged.has(words[0])) return;
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
