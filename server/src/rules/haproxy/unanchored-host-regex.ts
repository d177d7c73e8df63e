// HA046: a regular expression matched against a host name (Host, Origin, Referer headers, TLS SNI)
// without `^` and `$`. haproxy searches regexes anywhere in the value (PCRE without anchoring), so
// `hdr_reg(host) example\.com` also matches `example.com.evil.net` and `evilexample.com`. A host
// pattern may start with `\.` or `.*\.` instead of `^` (any subdomain, which is still bounded by a
// dot); a Referer pattern is bounded on the right by the `/` after the host.
import type { Condition, Statement, Word } from "../../../../grammars/haproxy/ast.js";
import { replaceRange } from "../../lint/fixes.js";
import type { HaproxyRule, Report } from "../../lint/rule.js";
import { readCriterion } from "./sample-expr.js";

const HEADER_FETCHES = new Set(["hdr", "req.hdr", "fhdr", "req.fhdr"]);
const SNI_FETCHES = new Set(["ssl_fc_sni", "req.ssl_sni", "req_ssl_sni"]);
const HOST_HEADERS = new Set(["host", "origin", "referer", "referrer"]);

/** Splits a regex at its top-level `|`. */
export function topLevelAlternatives(pattern: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      parts.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(pattern.slice(start));
  return parts;
}

function startsAnchored(alternative: string, header: string): boolean {
  const text = alternative.replace(/^\(\?[a-zA-Z]+\)/, "");
  if (/^(?:\^|\\A|\((?:\?:)?\^)/.test(text)) return true;
  // Any subdomain: the label before the name ends with a dot. Not for Referer, whose path can hold one.
  return header !== "referer" && header !== "referrer" && header !== "origin" && /^(?:\\\.|\.[*+]\\\.)/.test(text);
}

function endsAnchored(alternative: string, header: string): boolean {
  if (/(?:^|[^\\])\$\)*$/.test(alternative) || /\\[zZ]\)*$/.test(alternative)) return true;
  if (header === "referer" || header === "referrer") {
    const scheme = alternative.search(/:(?:\\?\/){2}/);
    const rest = scheme < 0 ? alternative : alternative.slice(scheme).replace(/^:(?:\\?\/){2}/, "");
    return rest.includes("/") || /(?:^|[^\\])\$/.test(rest);
  }
  return false;
}

/** `example\.com` → `example.com` when the pattern is a plain escaped name. */
function literalName(alternative: string): string | undefined {
  const text = alternative.replace(/^\^/, "").replace(/\$$/, "");
  return /^(?:[\w-]|\\\.)+$/.test(text) ? text.replace(/\\\./g, ".") : undefined;
}

export function checkPattern(word: Word, header: string, what: string, uri: string, report: (r: Report) => void): void {
  const alternatives = topLevelAlternatives(word.value);
  const unanchored = alternatives.filter((a) => !startsAnchored(a, header) || !endsAnchored(a, header));
  if (unanchored.length === 0) return;
  const missingStart = unanchored.some((a) => !startsAnchored(a, header));
  const missingEnd = unanchored.some((a) => !endsAnchored(a, header));
  const name = literalName(unanchored[0]!);
  const examples: string[] = [];
  if (name !== undefined && missingEnd) examples.push(`'${name}.evil.example'`);
  if (name !== undefined && missingStart) examples.push(`'evil${name}'`);
  const missing = missingStart && missingEnd ? "neither '^' nor '$'" : missingStart ? "no '^'" : "no '$'";
  const tail = examples.length > 0 ? `: ${examples.join(" and ")} ${examples.length > 1 ? "match" : "matches"} it too` : ": a longer name that contains it matches too";
  const anchored = alternatives.length > 1 ? `^(?:${word.value})$` : `${word.value.startsWith("^") ? "" : "^"}${word.value}${/\$$/.test(word.value) ? "" : "$"}`;
  report({
    uri,
    range: word.range,
    message: `the ${what} pattern '${word.value}' has ${missing}${tail}`,
    // The text can be rewritten only when it reads as it is written (no quotes, no decoded escapes).
    suggestions: word.text === word.value && header !== "referer" && header !== "referrer" ? [replaceRange(word.range, anchored, `anchor it: '${anchored}'`)] : [],
  });
}

function checkCriterion(words: readonly Word[], uri: string, report: (r: Report) => void): void {
  const criterion = readCriterion(words);
  if (!criterion || criterion.method !== "reg") return;
  let header: string;
  if (HEADER_FETCHES.has(criterion.base) && criterion.argument !== undefined && HOST_HEADERS.has(criterion.argument)) header = criterion.argument;
  else if (SNI_FETCHES.has(criterion.base)) header = "sni";
  else return;
  const what = header === "sni" ? "SNI" : header === "host" ? "Host" : header[0]!.toUpperCase() + header.slice(1);
  for (const pattern of criterion.patterns) checkPattern(pattern, header, what, uri, report);
}

export function inlineAcls(condition: Condition | undefined): Word[][] {
  if (!condition?.expression) return [];
  return condition.expression.alternatives.flatMap((a) => a.terms.flatMap((t) => (t.kind === "anonymous-acl" ? [t.words] : [])));
}

/** The criterion-and-patterns word lists of a statement: an `acl` line's, or its inline ACLs'. */
export function aclWordLists(statement: Statement): Word[][] {
  if (statement.keyword.value === "acl") return [statement.args.slice(1)];
  return inlineAcls(statement.condition);
}

export const unanchoredHostRegex: HaproxyRule = {
  meta: {
    id: "HA046",
    alias: "unanchored-host-regex",
    product: "haproxy",
    severity: "warning",
    category: "security",
    description: "a regular expression on a host name is not anchored, so longer names that contain it match too",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    // Only criteria matched as regexes (`hdr_reg`, `-m reg`): the lines that say `reg`.
    for (const { statement, section, keyword } of model.mentioning("reg")) {
      // ACLs stand on `acl` lines and in conditions.
      if (!section.isProxy || (keyword !== "acl" && statement.condition === undefined)) continue;
      for (const words of aclWordLists(statement)) checkCriterion(words, section.uri, report);
    }
  },
};
