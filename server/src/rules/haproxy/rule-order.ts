// HA028: rules written in an order that haproxy does not follow. haproxy evaluates the rule sets
// of a proxy in a fixed order, whatever their order in the file:
//   tcp-request connection → tcp-request session → tcp-request content → monitor fail →
//   http-request → redirect → use_backend → use-server
// and warns, like this rule, when a rule is written after one of a later set ("a 'http-request'
// rule placed after a 'use_backend' rule will still be processed before"), naming the nearest
// such set. It also warns when an http-request, http-response or http-after-response rule follows
// an unconditional final action of the same set (allow, deny, auth, return, redirect, tarpit…):
// that rule and the ones after it never run. Statements in different branches of one `.if`
// block are never both read and are not compared.
import type { ConditionalBranch, Statement } from "../../../../grammars/haproxy/ast.js";
import type { Range } from "../../../../grammars/common/text.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { exclusive, span, where } from "./model.js";
import { moveAbove, MoveBarriers } from "./move-rules.js";

const ORDER = ["tcp-request connection", "tcp-request session", "tcp-request content", "monitor fail", "http-request", "redirect", "use_backend", "use-server"] as const;

function stage(statement: Statement): number {
  const keyword = statement.keyword.value;
  const first = statement.args[0]?.value;
  switch (keyword) {
    case "tcp-request":
      return first === "connection" ? 0 : first === "session" ? 1 : first === "content" ? 2 : -1;
    case "monitor":
      return first === "fail" ? 3 : -1;
    case "http-request":
      return 4;
    case "redirect":
      return 5;
    case "use_backend":
      return 6;
    case "use-server":
      return 7;
    default:
      return -1;
  }
}

function stageRange(statement: Statement): Range {
  const keyword = statement.keyword.value;
  const first = statement.args[0];
  return (keyword === "tcp-request" || keyword === "monitor") && first ? span(statement.keyword.range, first.range) : statement.keyword.range;
}

/** Actions after which haproxy runs no further rule of the same set (when unconditional). */
const FINAL: Readonly<Record<string, ReadonlySet<string>>> = {
  "http-request": new Set(["allow", "deny", "auth", "return", "redirect", "tarpit", "reject", "use-service"]),
  "http-response": new Set(["allow", "deny", "return", "redirect"]),
  "http-after-response": new Set(["allow"]),
};

/** The keywords of `ORDER` and `FINAL`. */
const ORDERED: readonly string[] = ["tcp-request", "monitor", "http-request", "redirect", "use_backend", "use-server", "http-response", "http-after-response"];

/**
 * The first rule written so far in each stage that can run together with a given rule (is not in
 * another branch of the same `.if`). That depends only on the rule's branch, so it is kept per
 * branch, with how far the stage's rules have been looked at: each rule is looked at once per
 * branch and stage, not once per rule after it.
 */
class FirstWritten {
  private readonly byBranch = new Map<ConditionalBranch, { at: number; found: Statement | undefined }[]>();

  constructor(private readonly written: readonly Statement[][]) {}

  of(stage: number, statement: Statement): Statement | undefined {
    const list = this.written[stage]!;
    const guard = statement.guard;
    if (guard === undefined) return list[0];
    let stages = this.byBranch.get(guard);
    if (!stages) this.byBranch.set(guard, (stages = []));
    const entry = (stages[stage] ??= { at: 0, found: undefined });
    while (entry.found === undefined && entry.at < list.length) {
      const candidate = list[entry.at++]!;
      if (!exclusive(candidate, statement)) entry.found = candidate;
    }
    return entry.found;
  }
}

export const ruleOrder: HaproxyRule = {
  meta: {
    id: "HA028",
    alias: "rule-order",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a rule is written where haproxy does not evaluate it: after rules it runs later, or after a final action",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const section of model.sectionsOfType("defaults", "frontend", "backend", "listen")) {
      // Other keywords end no rule set and have no stage.
      const lines = model.keywordsIn(section, ORDERED);
      if (lines.length === 0) continue;
      // The rules written so far, per stage.
      const written: Statement[][] = ORDER.map(() => []);
      const first = new FirstWritten(written);
      const finals = new Map<string, Statement>();
      let barriers: MoveBarriers | undefined;
      for (const statement of lines) {
        const keyword = statement.keyword.value;
        // An unconditional final action ends its rule set.
        const final = finals.get(keyword);
        if (final && !exclusive(final, statement)) {
          report({
            range: statement.keyword.range,
            uri: section.uri,
            message: `this '${keyword}' rule never runs: the '${keyword} ${final.args[0]!.value}' on ${where(section.uri, final.range, section.uri)} has no condition and ends the '${keyword}' rules`,
            related: [{ uri: section.uri, range: span(final.keyword.range, final.args[0]!.range), message: "the final action" }],
          });
          finals.delete(keyword);
        }
        const action = statement.args[0]?.value;
        if (action !== undefined && FINAL[keyword]?.has(action) && !statement.condition) finals.set(keyword, statement);

        const own = stage(statement);
        if (own < 0) continue;
        // The nearest later set already written, as haproxy names it.
        let nearest: { statement: Statement; stage: number } | undefined;
        for (let later = own + 1; later < ORDER.length && !nearest; later++) {
          const earlier = first.of(later, statement);
          if (earlier) nearest = { statement: earlier, stage: later };
        }
        written[own]!.push(statement);
        // Rules written after a backend switch are HA054's (rule-after-use-backend): one finding per line.
        if (!nearest || ORDER[nearest.stage] === "use_backend" || ORDER[nearest.stage] === "use-server") continue;
        const name = ORDER[own]!;
        const later = ORDER[nearest.stage]!;
        // The first rule written of any set that runs after this one: above it, this one is in place.
        let target = nearest.statement;
        for (let stageAfter = own + 1; stageAfter < ORDER.length; stageAfter++) {
          const earliest = first.of(stageAfter, statement);
          if (earliest && earliest.range.start.offset < target.range.start.offset) target = earliest;
        }
        // Offered, not applied by --fix; not across an ACL or `.if` line, nor past a rule of its own
        // set (the last one written before it), which would change places with it.
        const sameSet = written[own]!.length > 1 ? written[own]![written[own]!.length - 2]! : undefined;
        const from = target.range.start.offset;
        const movable = !(sameSet && sameSet.range.start.offset > from) && !(barriers ??= new MoveBarriers(section)).between(from, statement.range.start.offset);
        const move = movable ? moveAbove(model, section, target, [statement]) : undefined;
        report({
          ...(move ? { suggestions: [move] } : {}),
          range: stageRange(statement),
          uri: section.uri,
          message: `this '${name}' rule is written after a '${later}' rule (${where(section.uri, nearest.statement.range, section.uri)}), but haproxy evaluates it before: move it up`,
          related: [{ uri: section.uri, range: stageRange(nearest.statement), message: `the earlier '${later}' rule` }],
        });
      }
    }
  },
};
