// HA076: a sample fetch that reads the request in a response rule (`http-response set-header X
// %[req.hdr(host)]`), or one that reads the response in a request rule (`http-request set-var(txn.s)
// status`). haproxy 2.6.12 refuses both ("fetch method 'req.hdr' extracts information from 'HTTP
// request headers', none of which is available here"). Only the names that say their side are
// judged: `req.*`, `path`, `url`, `query`, `base`, `cook` on one side, `res.*`, `status`, `shdr`,
// `scook` on the other; `hdr`, `method`, `capture.req.*` and variables are read on both (measured).
// In a rule's condition (`if { path /a }`) haproxy only warns that the ACL "will never match": a
// warning here too. For a 2.6 target, where haproxy 2.6.12's dump says where each fetch may be used
// (a backend-side fetch such as `ssl_bc_alpn` or `srv_id` in a request rule, `be_id` in a
// frontend's), that table decides for every fetch: a rule is checked against its proxy's frontend
// column, backend column or both (a listen section), as haproxy does (measured). 3.0.11's and 3.2.26's
// dumps give the same columns for every fetch 2.6.12's has, so the table holds at every target; a
// fetch 2.6.12 lacks has no columns here and is judged by its name only. A log format (`log-format`,
// `log-format-sd`, `error-log-format`) is held to the table's "log" column (sixteenth round).
import { haproxyAclFetch, haproxyFetch } from "../../facts/haproxy.js";
import type { HaproxyRule } from "../../lint/rule.js";
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import { argValue, type HaproxyModel, type SectionModel } from "./model.js";
import { readCriterion } from "./sample-expr.js";
import { samplesOf } from "./samples.js";

/** Columns of the dump's table for a rule set, on the frontend side and on the backend side. */
const COLUMNS: Readonly<Record<string, { readonly frontend?: number; readonly backend?: number; readonly what: string; readonly defaults?: boolean }>> = {
  "tcp-request connection": { frontend: 0, what: "tcp-request connection rules" },
  "tcp-request session": { frontend: 1, what: "tcp-request session rules" },
  "tcp-request content": { frontend: 2, backend: 6, what: "tcp-request content rules" },
  "http-request": { frontend: 3, backend: 7, what: "http-request rules" },
  "tcp-response content": { frontend: 15, backend: 11, what: "tcp-response content rules" },
  "http-response": { frontend: 16, backend: 12, what: "http-response rules" },
  "http-after-response": { frontend: 16, backend: 12, what: "http-after-response rules" },
  use_backend: { frontend: 5, what: "use_backend rules" },
  "use-server": { backend: 9, what: "use-server rules" },
  // `stick` rules run on the backend side: all but `store-response` when the server is chosen, that
  // one on the response (sixteenth round: `stick match res.cook(SRV)` is "none of which is available
  // during request", `stick store-response req.cook(SRV)` "… available for 'store-response'").
  "stick on": { backend: 9, what: "'stick on' rules" },
  "stick match": { backend: 9, what: "'stick match' rules" },
  "stick store-request": { backend: 9, what: "'stick store-request' rules" },
  "stick store-response": { backend: 14, what: "'stick store-response' rules" },
  // Log formats are parsed as the frontend side's end of a stream (the dump's "log" column), in a
  // defaults section too (sixteenth round: `log-format "%[req.hdr(host)]"` is refused by 2.6.12, 3.0.11
  // and 3.2.26, "may not be reliably used here"; the request's headers are gone when the line is written).
  "log-format": { frontend: 18, what: "log format", defaults: true },
  "log-format-sd": { frontend: 18, what: "structured-data log format", defaults: true },
  "error-log-format": { frontend: 18, what: "error log format", defaults: true },
};

/** Whether haproxy 2.6.12 lets the fetch be used in this rule set of this proxy, or undefined when it cannot tell. */
function usableHere(usable: string | undefined, rules: string, section: SectionModel): boolean | undefined {
  const columns = COLUMNS[rules];
  if (!usable || !columns) return undefined;
  const sides = section.type === "frontend" || (section.type === "defaults" && columns.defaults) ? [columns.frontend] : section.type === "backend" ? [columns.backend] : section.type === "listen" ? [columns.frontend, columns.backend] : [];
  const known = sides.filter((column): column is number => column !== undefined);
  if (known.length === 0) return undefined;
  return known.some((column) => usable[column] === "Y");
}

const REQUEST_NAMES = new Set(["path", "pathq", "url", "base", "base32", "query", "url_param", "urlp", "url32", "url_ip", "url_port", "cook", "cook_cnt", "cook_val"]);
const RESPONSE_NAMES = new Set(["status", "shdr", "shdr_cnt", "shdr_ip", "shdr_val", "scook", "scook_cnt", "scook_val"]);

/** The side a fetch reads, when its name says it. */
function sideOf(name: string): "request" | "response" | undefined {
  if (name.startsWith("req.") || name.startsWith("req_") || REQUEST_NAMES.has(name)) return "request";
  if (name.startsWith("res.") || name.startsWith("res_") || RESPONSE_NAMES.has(name)) return "response";
  return undefined;
}

/** The side a rule set runs on. */
function ruleSide(keyword: string): "request" | "response" | undefined {
  if (keyword === "http-response" || keyword === "http-after-response" || keyword === "tcp-response") return "response";
  if (keyword === "http-request" || keyword === "tcp-request") return "request";
  return undefined;
}

/** The rule set a statement belongs to, as COLUMNS names it (`tcp-request content`, `http-response`). */
function ruleSetOf(statement: Statement): string | undefined {
  const keyword = statement.wordValue(0);
  if (keyword === "tcp-request" || keyword === "tcp-response") return `${keyword} ${statement.wordValue(1) ?? ""}`;
  return keyword;
}

/**
 * Why an ACL definition can never match in these rules of this proxy (the fetch it reads and why),
 * or undefined when it may.
 */
function unusableDefinition(definition: Statement, rules: string, section: SectionModel, dumped: boolean): string | undefined {
  const criterion = readCriterion(definition.args.slice(1));
  if (!criterion || criterion.word.value.includes("$")) return undefined;
  const side = ruleSide(rules.split(" ")[0]!);
  const reads = sideOf(criterion.base) ?? sideOf(criterion.fetch);
  if (dumped && (!side || !reads || reads === side)) {
    return usableHere(haproxyFetch(haproxyAclFetch(criterion.fetch))?.usable, rules, section) === false ? criterion.fetch : undefined;
  }
  return reads && side && reads !== side ? criterion.fetch : undefined;
}

/**
 * Named ACLs of a condition whose every definition reads what the rule cannot see: haproxy 2.6.12
 * warns "acl 'x' will never match because it only involves keywords that are incompatible with …".
 */
function namedAclReports(model: HaproxyModel, report: Parameters<HaproxyRule["check"]>[0]["report"]): void {
  // The table is 2.6.12's dump; 3.0.11's and 3.2.26's give the same columns for each fetch 2.6 has (compared: 453 of 453).
    const dumped = true;
  // A verdict depends on the rule set, the proxy's type and the definition's criterion word alone
  // (its fetch's name and whether it holds a `$`): a large file has thousands of ACLs on a few
  // criteria (`hdr(host)`), each read once here.
  const verdicts = new Map<string, string | null>();
  for (const section of model.sectionsOfType("frontend", "backend", "listen")) {
    const uses = model.aclsUsedIn(section);
    if (uses.length === 0) continue;
    const defined = model.aclsDefinedIn(section);
    for (let at = 0; at < uses.length; at++) {
      const { reference, statement } = uses[at]!;
      const rules = ruleSetOf(statement);
      if (rules === undefined || !Object.hasOwn(COLUMNS, rules) || (!dumped && !ruleSide(rules.split(" ")[0]!))) continue;
      const definitions = defined.get(reference.name);
      if (!definitions || definitions.length === 0) continue;
      let fetches: string[] | undefined;
      for (const definition of definitions) {
        // The criterion is the word after the ACL's name (`readCriterion`'s first word).
        const criterion = argValue(definition, 1);
        const key = criterion === undefined ? undefined : `${rules}\u0000${section.type}\u0000${criterion}`;
        let fetch = key === undefined ? null : verdicts.get(key);
        if (fetch === undefined) verdicts.set(key!, (fetch = unusableDefinition(definition, rules, section, dumped) ?? null));
        if (fetch === null) break;
        (fetches ??= []).push(fetch);
      }
      if (fetches === undefined || fetches.length < definitions.length) continue;
      const names = [...new Set(fetches)].map((name) => `'${name}'`).join(", ");
      report({
        uri: section.uri,
        range: reference.nameRange,
        severity: "warning",
        message: `acl '${reference.name}' never matches in the ${COLUMNS[rules]!.what} of a ${section.type}: it reads ${names}, which is not available there`,
        related: definitions.map((definition) => ({ uri: section.uri, range: definition.range, message: `acl '${reference.name}'` })),
      });
    }
  }
}

export const fetchDirection: HaproxyRule = {
  meta: {
    id: "HA076",
    alias: "fetch-direction",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a request rule reads the response, or a response rule the request",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const dumped = true;
    for (const { placed, samples } of samplesOf(model)) {
      const side = ruleSide(placed.keyword);
      const reading = placed.reading;
      const rules = reading.kind === "known" ? reading.match.keyword.name : placed.keyword;
      if (!side && !(dumped && Object.hasOwn(COLUMNS, rules))) continue;
      for (const sample of samples) {
        if (sample.kind !== "fetch") continue;
        const reads = sideOf(sample.name);
        if (dumped && (!side || !reads || reads === side)) {
          // Neither side by its name: the dump's table says where it may be used.
          // In a condition an ACL keyword stands for its fetch (`hdr` is the request's `req.hdr`).
          const fetch = sample.aclCriterion ? haproxyAclFetch(sample.name) : sample.name;
          if (usableHere(haproxyFetch(fetch)?.usable, rules, placed.section) !== false) continue;
          const where = `haproxy does not let '${sample.name}' be used in the ${COLUMNS[rules]!.what} of a ${placed.section.type}: what it reads is not available there`;
          report({
            uri: placed.section.uri,
            range: sample.range,
            ...(sample.aclCriterion ? { severity: "warning" as const, message: `${where}; the condition never matches` } : { message: `${where}; haproxy refuses it` }),
          });
          continue;
        }
        if (!reads || reads === side) continue;
        const hint = reads === "request" ? " (keep the value in a variable during the request: http-request set-var(txn.x))" : "";
        const where = `'${placed.keyword}' rules run on the ${side}, and '${sample.name}' reads the ${reads}, which is not available there`;
        report({
          uri: placed.section.uri,
          range: sample.range,
          ...(sample.aclCriterion ? { severity: "warning" as const, message: `${where}: the condition never matches${hint}` } : { message: `${where}; haproxy refuses it${hint}` }),
        });
      }
    }
    namedAclReports(model, report);
  },
};
