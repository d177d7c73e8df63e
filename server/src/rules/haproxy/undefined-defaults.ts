// HA016: inheritance from defaults sections that haproxy 2.6 refuses (measured with `haproxy -c`):
// - `from X` where X is not a defaults section defined earlier ("defaults section 'X' not found");
// - TCP/HTTP rules (and `acl`) in an anonymous defaults section ("not allowed in anonymous
//   'defaults' section");
// - a named defaults section that defines TCP/HTTP rules and is inherited by a listen, by another
//   defaults section, or by frontends and backends both; `tcp-response content` rules even forbid
//   frontends (`acl` and `tcp-request inspect-delay` are no rules for this purpose);
// - a named defaults section both named by `from` and inherited implicitly by a later proxy:
//   haproxy prints an alert but starts (exit 0), so this one is a warning.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { NameIndex } from "../name-index.js";
import { describe, span, where, type SectionModel } from "./model.js";

/** What haproxy 2.6 calls TCP/HTTP rules; `acl` and `tcp-request inspect-delay` are also refused in anonymous defaults. */
function ruleKind(statement: Statement): string | undefined {
  const keyword = statement.keyword.value;
  if (keyword === "http-request" || keyword === "http-response" || keyword === "http-after-response") return keyword;
  if (keyword === "tcp-request" || keyword === "tcp-response") {
    const kind = statement.args[0]?.value;
    return kind === undefined || kind === "inspect-delay" ? undefined : `${keyword} ${kind}`;
  }
  return undefined;
}

/**
 * What haproxy refuses in an anonymous defaults section and this rule reports there (the rules, an
 * `acl`, `tcp-request inspect-delay`); HA002 leaves these lines to it, so that one line is reported once.
 */
export function refusedInAnonymousDefaults(statement: Statement): string | undefined {
  if (statement.keyword.value === "acl") return "acl";
  return ruleKind(statement) ?? (statement.keyword.value === "tcp-request" && statement.args[0]?.value === "inspect-delay" ? "tcp-request inspect-delay" : undefined);
}

function keywordRange(statement: Statement) {
  const first = statement.args[0];
  return (statement.keyword.value === "tcp-request" || statement.keyword.value === "tcp-response") && first ? span(statement.keyword.range, first.range) : statement.keyword.range;
}

export const undefinedDefaults: HaproxyRule = {
  meta: {
    id: "HA016",
    alias: "undefined-defaults",
    product: "haproxy",
    severity: "error",
    category: "reference",
    description: "a from names no earlier defaults section, or a proxy inherits rules haproxy does not let it inherit",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    // `from X`: X must be a defaults section written before. The named defaults (in order, and by
    // name with their places) and the other sections by name are read once for all the `from`s.
    const defaultsNames: string[] = [];
    const defaultsAt = new Map<string, number[]>();
    const othersNamed = new Map<string, SectionModel[]>();
    model.sections.forEach((s, index) => {
      if (s.name === undefined) return;
      if (s.type === "defaults") {
        defaultsNames.push(s.name);
        (defaultsAt.get(s.name) ?? defaultsAt.set(s.name, []).get(s.name)!).push(index);
      } else (othersNamed.get(s.name) ?? othersNamed.set(s.name, []).get(s.name)!).push(s);
    });
    let names: NameIndex | undefined;
    let defaultsBefore = 0;
    model.sections.forEach((section, index) => {
      const counted = defaultsBefore;
      if (section.type === "defaults" && section.name !== undefined) defaultsBefore++;
      const from = section.section.from;
      if (!from || section.defaults) return;
      const laterAt = defaultsAt.get(from.value)?.find((at) => at >= index);
      const later = laterAt === undefined ? undefined : model.sections[laterAt];
      const other = othersNamed.get(from.value)?.find((s) => s !== section);
      const candidates = (names ??= new NameIndex(defaultsNames)).suggest(from.value, 3, { before: counted });
      const reason = later
        ? `defaults section '${from.value}' is defined later (${where(later.uri, later.section.header.range, section.uri)}); haproxy needs it before`
        : other
          ? `'${from.value}' is a ${other.type}, not a defaults section${didYouMean(candidates)}`
          : `there is no defaults section named '${from.value}'${didYouMean(candidates)}`;
      report({
        range: from.range,
        uri: section.uri,
        message: `${describe(section)} cannot inherit from '${from.value}': ${reason}`,
        ...(later ? {} : replacementFixes(from.range, candidates)),
        ...(later ? { related: [{ uri: later.uri, range: later.section.name!.range, message: `defaults '${from.value}'` }] } : {}),
      });
    });

    const heirsOf = new Map<SectionModel, SectionModel[]>();
    for (const s of model.sections) if (s.defaults) (heirsOf.get(s.defaults) ?? heirsOf.set(s.defaults, []).get(s.defaults)!).push(s);
    for (const defaults of model.sectionsOfType("defaults")) {
      const rules = model.keywordsIn(defaults, ["http-request", "http-response", "http-after-response", "tcp-request", "tcp-response"]).filter((s) => ruleKind(s) !== undefined);
      // Anonymous defaults may hold no rules and no ACLs.
      if (defaults.name === undefined) {
        for (const statement of defaults.statements) {
          const kind = refusedInAnonymousDefaults(statement);
          if (!kind) continue;
          report({
            range: keywordRange(statement),
            uri: defaults.uri,
            message: `'${kind}' is not allowed in an anonymous defaults section; give the section a name and inherit it with 'from'`,
          });
        }
        continue;
      }
      const heirs = heirsOf.get(defaults) ?? [];
      if (rules.length > 0) {
        const first = rules[0]!;
        const related = [{ uri: defaults.uri, range: keywordRange(first), message: `the '${ruleKind(first)}' rule of defaults '${defaults.name}'` }];
        const responseRule = rules.find((s) => ruleKind(s) === "tcp-response content");
        // Connection and session rules only run on a frontend: a backend may not inherit them.
        const frontendRule = rules.find((s) => ruleKind(s) === "tcp-request connection" || ruleKind(s) === "tcp-request session");
        let side: "frontend" | "backend" | undefined;
        for (const heir of heirs) {
          const at = heir.section.from ?? heir.section.name ?? heir.section.header.keyword;
          let problem: string | undefined;
          if (heir.type === "listen" || heir.type === "defaults") {
            problem = `a ${heir.type} section cannot inherit from defaults '${defaults.name}', which defines TCP/HTTP rules`;
          } else if (heir.type === "frontend" && responseRule) {
            problem = `a frontend cannot inherit from defaults '${defaults.name}', which defines 'tcp-response content' rules`;
          } else if (heir.type === "backend" && frontendRule) {
            problem = `a backend cannot inherit from defaults '${defaults.name}', which defines '${ruleKind(frontendRule)}' rules`;
          } else if (heir.type === "frontend" || heir.type === "backend") {
            side ??= heir.type;
            if (side !== heir.type) {
              problem = `frontends and backends cannot inherit from the same defaults section when it defines TCP/HTTP rules, and defaults '${defaults.name}' is already inherited by a ${side}`;
            }
          }
          if (problem) report({ range: at.range, uri: heir.uri, message: problem, related });
        }
      }
      // Named both by `from` and implicitly inherited: haproxy alerts but starts.
      const explicit = heirs.find((s) => s.section.from !== undefined);
      if (!explicit) continue;
      for (const heir of heirs) {
        if (heir.section.from !== undefined || heir.type === "defaults") continue;
        const at = heir.section.name ?? heir.section.header.keyword;
        report({
          range: at.range,
          uri: heir.uri,
          severity: "warning",
          message: `${describe(heir)} inherits defaults '${defaults.name}' implicitly while ${describe(explicit)} names it with 'from'; haproxy warns about mixing both (add 'from ${defaults.name}' here, or a last defaults section that no 'from' names)`,
          related: [{ uri: explicit.uri, range: explicit.section.from!.range, message: `'from ${defaults.name}'` }],
        });
      }
    }
  },
};
