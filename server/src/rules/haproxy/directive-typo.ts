// HA029: a line that looks like a conditional directive but is not one haproxy knows. Measured with
// haproxy 2.6: `.elseif`, `.elsif`, `.ELIF`, `.endfi`… are "unknown directive" errors where haproxy
// reads them, and inside a `.if` branch that is false they are skipped without a word — so an
// `.elseif` branch is silently never taken, and a misspelt `.endif` leaves the block open.
// `.else` and `.endif` take no argument ("Unexpected argument 'if' for '.else'"): `.else if X` is
// refused. The grammar keeps such lines as statements (or directives with arguments); this rule
// names them and fixes the usual spellings: `.elseif`/`.elsif`/`.else if` → `.elif`.
// A condition calling a predicate haproxy does not have is refused too ("unparsable conditional
// expression 'nosuch(X)'"), and an `.if` with no condition at all is false: haproxy skips its lines
// without a word (a warning here, since that may be meant).
import type { Directive, Predicate, Statement, Word } from "../../../../grammars/haproxy/ast.js";
import { didYouMean, replaceRange, replacementFixes } from "../../lint/fixes.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import { span } from "./model.js";

const DIRECTIVES = [".if", ".elif", ".else", ".endif", ".diag", ".notice", ".warning", ".alert"];
/** The predicates of haproxy 2.6, and those the 3.4 manual adds (later versions than the target may have them). */
const PREDICATES_2_6: ReadonlySet<string> = new Set(["defined", "feature", "streq", "strneq", "version_atleast", "version_before"]);
const PREDICATES_LATER: ReadonlySet<string> = new Set(["enabled", "strstr", "openssl_version_atleast", "openssl_version_before", "ssllib_name_startswith", "awslc_api_atleast", "awslc_api_before"]);
const ELIF_SPELLINGS: ReadonlySet<string> = new Set([".elseif", ".elsif", ".else-if", ".else_if", ".elif"]);

function candidatesFor(keyword: Word): string[] {
  const lower = keyword.value.toLowerCase();
  if (ELIF_SPELLINGS.has(lower)) return [".elif"];
  return suggest(keyword.value, DIRECTIVES, 2);
}

/** Whether a word's value can start with a dot: its text does, or starts with a quote or an escape. */
function mayStartWithDot(word: Word): boolean {
  const first = word.text.charCodeAt(0);
  return first === 46 || first === 34 || first === 39 || first === 92;
}

export const directiveTypo: HaproxyRule = {
  meta: {
    id: "HA029",
    alias: "directive-typo",
    product: "haproxy",
    severity: "error",
    category: "syntax",
    description: "a line starting with a dot is not a directive haproxy knows, or .else/.endif has arguments",
    fixable: true,
    native: "partly",
    stricter: "inside a false .if branch haproxy skips an unknown directive silently, so `haproxy -c` may accept it",
  },
  check({ model, report }) {
    // Only lines whose first word starts with a dot (or a quote or an escape, which may hide one).
    for (const { file, line } of model.linesMatching(/^[ \t]*["'\\.]/m)) {
      if (line.kind === "directive" && (line.name === ".if" || line.name === ".elif")) {
        checkCondition(line, model.version, file.uri, report);
      } else if (line.kind === "statement" && mayStartWithDot(line.keyword) && line.keyword.value.startsWith(".")) {
        reportUnknown(line, file.uri, report);
      } else if (line.kind === "directive" && (line.name === ".else" || line.name === ".endif") && line.args.length > 0) {
        const extra = span(line.args[0]!.range, line.args[line.args.length - 1]!.range);
        if (line.name === ".else" && line.args[0]!.value === "if" && line.args.length > 1) {
          const range = span(line.keyword.range, line.args[0]!.range);
          report({
            range,
            uri: file.uri,
            message: "haproxy has no '.else if': write '.elif'",
            fix: replaceRange(range, ".elif", "replace with '.elif'"),
          });
          continue;
        }
        report({
          range: extra,
          uri: file.uri,
          message: `'${line.name}' takes no argument; haproxy refuses this line`,
          fix: replaceRange({ start: line.keyword.range.end, end: extra.end }, "", "remove the arguments"),
        });
      }
    }
  },
};

function reportUnknown(line: Statement, uri: string, report: Parameters<HaproxyRule["check"]>[0]["report"]): void {
  const keyword = line.keyword;
  const candidates = candidatesFor(keyword);
  report({
    range: keyword.range,
    uri,
    message: `'${keyword.value}' is not a directive haproxy knows (inside a false '.if' branch it is skipped silently)${didYouMean(candidates)}`,
    ...replacementFixes(keyword.range, candidates),
  });
}

/** The predicate calls of a condition, left to right. */
function calls(predicate: Predicate | undefined): Extract<Predicate, { kind: "call" }>[] {
  if (!predicate) return [];
  switch (predicate.kind) {
    case "call":
      return [predicate];
    case "or":
    case "and":
      return predicate.operands.flatMap(calls);
    case "not":
      return calls(predicate.operand);
    case "group":
      return calls(predicate.expression);
    default:
      return [];
  }
}

function checkCondition(line: Directive, version: string, uri: string, report: Parameters<HaproxyRule["check"]>[0]["report"]): void {
  if (line.args.length === 0 && line.name === ".if") {
    report({ range: line.keyword.range, uri, severity: "warning", message: "'.if' without a condition is false: haproxy skips the lines up to its '.elif', '.else' or '.endif'" });
    return;
  }
  for (const call of calls(line.predicate)) {
    if (PREDICATES_2_6.has(call.name) || (version !== "2.6" && PREDICATES_LATER.has(call.name))) continue;
    const candidates = suggest(call.name, [...PREDICATES_2_6], 2);
    const known = PREDICATES_LATER.has(call.name) ? `haproxy ${version} knows (later versions have it)` : "haproxy knows";
    report({
      range: call.nameRange,
      uri,
      message: `'${call.name}' is not a predicate ${known}: haproxy refuses the condition${didYouMean(candidates)}`,
      ...replacementFixes(call.nameRange, candidates),
    });
  }
}
