// HA064: a pattern that is not a number, for an ACL whose fetch gives an integer (`be_conn(b) gt
// abc`, `dst_port http`). haproxy 2.6.12 refuses it: "'abc' is not a number", "'abc' is neither a
// number nor a supported operator". Integers, ranges (`10:20`, `:20`, `10:`) and the operators eq,
// ge, gt, le and lt are what it takes. A fetch's type comes from haproxy's keyword dump; fetches
// followed by converters, and other matching methods than `-m int`, are left alone; an explicit
// `-m int` is checked whatever the fetch (`var(txn.n) -m int abc`).
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { haproxyFetch } from "../../facts/haproxy.js";
import type { HaproxyRule, Report } from "../../lint/rule.js";
import { hasVariable } from "./keywords.js";
import { rangeInWord } from "./options.js";
import { forEachAclCriterion } from "./acl-criteria.js";
import { converterOutput, hasConverter, readCriterion, unclosedCall, type Criterion } from "./sample-expr.js";

const OPERATORS = new Set(["eq", "ge", "gt", "le", "lt"]);
// A single number may be negative (`gt -5`, `-- -5`); a range's bounds may not, and either may be
// left out, with ':' or '-' between them (`1:5`, `1-5`, `5:`, `:5`, `1-`; haproxy 2.6.12).
const INTEGER = /^(?:-?\d+|\d+[:-]\d*|:\d+)$/;
const INT64_MAX = 2n ** 63n - 1n;
/** Operators after which haproxy 2.6.12 also takes a dotted number (`gt 0.5`, `le 1.2.3`): not `eq`. */
const ORDERING = new Set(["ge", "gt", "le", "lt"]);

/**
 * Fetches whose ACL reads dotted version numbers (`req.ssl_ver 3.1`, `3.1:3.3`; measured: `3.1.1` and
 * `x` are "not a dotted number").
 */
const DOTTED_FETCHES = new Set(["req.ssl_ver", "req_ssl_ver"]);
const DOTTED = /^(?:\d+(?:\.\d+)?)?(?::(?:\d+(?:\.\d+)?)?)?$/;

/** A range whose low bound is above its high one (`5:1`, `5-1`), which haproxy refuses. */
function backwards(value: string): boolean {
  const range = /^(\d+)[:-](\d+)$/.exec(value);
  return range !== null && Number(range[1]) > Number(range[2]);
}

/**
 * Criteria whose patterns are not judged (see `judged`), by explicit method then by word value: a
 * large file has thousands of ACLs on a few criteria (`hdr(host) -i`).
 */
type Unjudged = Map<string | undefined, Set<string>>;

function patternReports(words: readonly Word[], unjudged: Unjudged): Report[] {
  const criterion = readCriterion(words);
  if (!criterion) return [];
  // What decides whether the patterns are judged is the word's value and the explicit method, once
  // the word is plain (no variable in it).
  const plain = criterion.word.isPlain;
  if (plain && unjudged.get(criterion.explicitMethod)?.has(criterion.word.value)) return [];
  const reports = judged(criterion);
  if (reports === undefined && plain) {
    const values = unjudged.get(criterion.explicitMethod) ?? unjudged.set(criterion.explicitMethod, new Set()).get(criterion.explicitMethod)!;
    values.add(criterion.word.value);
  }
  return reports ?? [];
}

/** The findings on the patterns of a criterion, or undefined when they are not judged. */
function judged(criterion: Criterion): Report[] | undefined {
  // A criterion whose converter misses its ')' is HA068's finding, and haproxy reads no pattern after
  // it (`var(t),jwt_verify("RS256", "k.pem") -m int 1` splits at the blank: "expected ')'").
  if (hasVariable(criterion.word) || unclosedCall(criterion.word.value)) return undefined;
  // After converters, the last one's type decides, and an ACL keyword's own method no longer applies.
  const converted = hasConverter(criterion.word.value);
  const output = converted ? converterOutput(criterion.word.value) : haproxyFetch(criterion.fetch)?.output;
  const explicit = criterion.explicitMethod;
  // `-m len` matches the sample's length, an integer (measured: `path -m len x` is "'x' is not a number").
  // ACL keywords whose suffix matches an integer: `url_len`, `hdr_val(x)`, and `hdr_cnt(x)`, a fetch
  // of its own (measured: `url_len lt 5abc`, `req.hdr_cnt(x) +5` are refused).
  const method = criterion.method;
  const implied = !converted && explicit === undefined && (method === "len" || method === "val" || (method === "cnt" && output === "sint"));
  const integer = explicit === "int" || explicit === "len" || implied;
  if (converted && output === undefined && !integer) return undefined;
  if (explicit !== undefined && !integer) return undefined;
  if (!converted && criterion.method !== undefined && criterion.method !== "int" && !integer) return undefined;
  if (!integer && ((!converted && criterion.base !== criterion.fetch) || output !== "sint")) return undefined;
  const how = explicit === "len" ? "-m len, a length" : output === "sint" || implied ? (converted ? "an integer, its last converter's type" : "an integer") : "-m int";
  const reports: Report[] = [];
  for (let i = 0; i < criterion.patterns.length; i++) {
    const pattern = criterion.patterns[i]!;
    // A `$` in single quotes or not followed by a name is a character (`jwt_payload_query('$.exp')`);
    // haproxy does not expand `%[…]` in a pattern (measured: "'%[date()]' is neither a number nor a
    // supported operator").
    if (OPERATORS.has(pattern.value) || hasVariable(pattern)) continue;
    const range = rangeInWord(pattern, 0, pattern.value.length);
    if (!converted && DOTTED_FETCHES.has(criterion.fetch) && explicit === undefined) {
      if (!DOTTED.test(pattern.value) || pattern.value === "") reports.push({ range, message: `'${pattern.value}' is not a dotted version number (MAJOR.MINOR, as 3.1, or a range such as 3.1:3.3), which '${criterion.fetch}' is matched against` });
      continue;
    }
    if (INTEGER.test(pattern.value)) {
      if (backwards(pattern.value)) reports.push({ range, message: `'${pattern.value}' is a range that runs backwards; haproxy refuses it` });
      // Read as a 64-bit number (measured: `dst_port 99999999999999999999` is "is not a number").
      else if (pattern.value.split(/[:-]/).some((part) => part !== "" && BigInt(part) > INT64_MAX)) reports.push({ range, message: `'${pattern.value}' is too large for haproxy's 64-bit integers; haproxy refuses it` });
      // `gt N` is the range N+1 and up, which wraps past the largest (a sweep: "'-9223372036854775808:' is not a valid number range").
      else if (criterion.patterns[i - 1]?.value === "gt" && /^\d+$/.test(pattern.value) && BigInt(pattern.value) === INT64_MAX) reports.push({ range, message: `nothing is greater than '${pattern.value}', the largest 64-bit integer: haproxy reads 'gt ${pattern.value}' as a range from ${pattern.value} + 1, which wraps around, and refuses it` });
      continue;
    }
    const operator = criterion.patterns[i - 1]?.value;
    const after = operator !== undefined && OPERATORS.has(operator);
    if (operator !== undefined && ORDERING.has(operator) && /^\d+\./.test(pattern.value)) {
      reports.push({ range, severity: "warning", message: `'${pattern.value}' is no integer: haproxy takes it after '${operator}' as a dotted version number, not as a fraction, and compares '${criterion.fetch}' with that` });
      continue;
    }
    reports.push({
      range,
      message: `'${pattern.value}' is not ${after ? "a number" : "a number, a range or an operator"}, which '${criterion.fetch}' (${how}) is matched against`,
    });
  }
  return reports;
}

export const aclIntegerPattern: HaproxyRule = {
  meta: {
    id: "HA064",
    alias: "acl-integer-pattern",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "an ACL pattern that is not a number for a fetch that gives an integer",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const unjudged: Unjudged = new Map();
    forEachAclCriterion(model.statements(), (words, section) => {
      for (const found of patternReports(words, unjudged)) report({ uri: section.uri, ...found });
    });
  },
};
