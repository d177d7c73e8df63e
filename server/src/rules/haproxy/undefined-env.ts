// HA037: an environment variable used in double quotes (`"${VAR}"`, `"$VAR"`) that nothing in the
// file defines and that has no default (`"${VAR-default}"`). haproxy 2.6 expands variables only
// inside double quotes (measured: `$HOME` unquoted stays literal) and expands an unset one to an
// empty string without a word (h02): `server s1 "${BACKEND_HOST}":80` silently becomes `:80`.
// Defined are: variables set earlier by `setenv`/`presetenv` in global (and not removed by a later
// `unsetenv`), haproxy's own (the HAPROXY_ names it sets, listed below, and the pseudo-variables
// .FILE, .LINE, .SECTION), lines inside an `.if defined(VAR)` branch, and the names listed in the rule's `known` option: the
// variables the service's environment provides (systemd Environment=, EnvironmentFile=, …).
import type { ConditionalBranch, Predicate } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";

/** Variables a positive `defined(NAME)` test guarantees: `defined(A)`, `defined(A) && defined(B)`. */
function definedBy(predicate: Predicate | undefined, into: Set<string>): void {
  if (!predicate) return;
  if (predicate.kind === "call" && predicate.name === "defined" && predicate.args[0]) into.add(predicate.args[0].value);
  else if (predicate.kind === "and") for (const operand of predicate.operands) definedBy(operand, into);
  else if (predicate.kind === "group") definedBy(predicate.expression, into);
}

function guaranteed(branch: ConditionalBranch | undefined): Set<string> {
  const names = new Set<string>();
  for (let b = branch; b; b = b.block.parent) if (b.directive.name !== ".else") definedBy(b.directive.predicate, names);
  return names;
}

// The variables haproxy sets itself (configuration manual, "Environment variables", 2.6 to 3.4).
// Any other HAPROXY_ name is the user's own and expands to nothing when unset (measured on 2.6.12:
// `bind "${HAPROXY_BIND}"` is refused for want of an address, `"${HAPROXY_LOCALPEER}:81"` is not).
const BUILT_IN = new Set([
  "HAPROXY_LOCALPEER", "HAPROXY_CFGFILES", "HAPROXY_MWORKER", "HAPROXY_CLI", "HAPROXY_MASTER_CLI",
  "HAPROXY_STARTUP_VERSION", "HAPROXY_BRANCH", "HAPROXY_HTTP_LOG_FMT", "HAPROXY_HTTP_CLF_LOG_FMT",
  "HAPROXY_HTTPS_LOG_FMT", "HAPROXY_TCP_LOG_FMT", "HAPROXY_TCP_CLF_LOG_FMT", "HAPROXY_KEYLOG_FC_LOG_FMT",
  "HAPROXY_KEYLOG_BC_LOG_FMT", ".FILE", ".LINE", ".SECTION",
]);

function isBuiltIn(name: string): boolean {
  return BUILT_IN.has(name);
}

export const undefinedEnv: HaproxyRule = {
  meta: {
    id: "HA037",
    alias: "undefined-env",
    product: "haproxy",
    severity: "warning",
    category: "reference",
    description: "an environment variable in double quotes that nothing defines and that has no default",
    fixable: false,
    native: "silent",
    options: { known: { type: "string-list", description: "environment variables the service's environment provides (not reported when unset in the file)" } },
  },
  check({ model, options, report }) {
    const known = new Set(Array.isArray(options.known) ? options.known.filter((v): v is string => typeof v === "string") : []);
    const defined = new Set<string>();
    // An indexed loop: a for...of over 100,000 statements allocates an iterator result per step.
    const placedList = model.statements();
    for (let placedAt = 0; placedAt < placedList.length; placedAt++) {
      const { statement, section, plain } = placedList[placedAt]!;
      let guards: Set<string> | undefined;
      // Variables only stand inside double quotes.
      if (!plain) for (const word of statement.words) {
        for (const variable of word.variables) {
          const name = variable.name;
          if (variable.defaultValue !== undefined || defined.has(name) || known.has(name) || isBuiltIn(name)) continue;
          guards ??= guaranteed(statement.guard);
          if (guards.has(name)) continue;
          report({
            range: variable.range,
            uri: section.uri,
            message: `'${variable.text}' expands to an empty string unless the environment sets ${name}, which nothing in the configuration defines: give it a default ('\${${name}-…}') or list it in the rule's 'known' option`,
          });
        }
      }
      if (section.type !== "global") continue;
      const keyword = statement.keyword.value;
      if ((keyword === "setenv" || keyword === "presetenv") && statement.args[0]) defined.add(statement.args[0].value);
      else if (keyword === "unsetenv") for (const arg of statement.args) defined.delete(arg.value);
    }
  },
};
