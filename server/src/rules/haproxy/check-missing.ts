// HA036: a backend that describes a health check (a check-type option such as `option httpchk`, or
// `http-check` / `tcp-check` lines) while none of its servers runs checks: without `check` on the
// server line (or a `default-server … check`), haproxy never runs them, silently (h37). Only
// descriptions written in the backend itself count: an `option httpchk` inherited from defaults is
// normal for backends that do not check. Also `fall 0` and `rise 0`, which haproxy refuses
// ("'fall' has to be > 0"): reported as errors.
import type { HaproxyRule } from "../../lint/rule.js";
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import { CHECK_TYPES } from "./check-type.js";
import { argValue, describe, optionOf } from "./model.js";
import { serverChecks } from "./undefined-server.js";

const OPTIONS_FROM: ReadonlyMap<string, number> = new Map([
  ["server", 2],
  ["server-template", 3],
  ["default-server", 0],
]);

const DESCRIBING = ["option", "http-check", "tcp-check"];

/**
 * Whether a line of DESCRIBING describes a health check: `isCheckType` (an `option` whose name is a
 * check type; these lines are never `no option`), read without making an option object per line.
 */
function describesCheck(statement: Statement): boolean {
  if (!statement.wordIs(0, "option")) return true;
  const name = argValue(statement, 0);
  return name !== undefined && CHECK_TYPES.has(name);
}

/**
 * Whether a server line turns its check on itself: `check` among its options and no `no-check`,
 * which `serverChecks` would find whatever its default-server says (the last of the two wins).
 * Compared in the text: most backends' first server says `check`, and is read no further.
 */
function saysCheck(server: Statement): boolean {
  // (These lines are `server` and `server-template` ones: OPTIONS_FROM's.)
  const from = server.wordIs(0, "server") ? 2 : server.wordIs(0, "server-template") ? 3 : server.argCount;
  let check = false;
  for (let i = from; i < server.argCount; i++) {
    if (server.wordIs(i + 1, "no-check")) return false;
    if (!check && server.wordIs(i + 1, "check")) check = true;
  }
  return check;
}

export const checkMissing: HaproxyRule = {
  meta: {
    id: "HA036",
    alias: "check-missing",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a backend describes a health check but no server has check, or fall/rise is 0",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    // `fall 0` and `rise 0`: only the lines that say so.
    // (The lookahead changes no match; V8 scans 4 MB with it in 3 ms instead of 5.)
    for (const placed of model.mentioning(/(?:fall|rise)(?=[ \t]+0)[ \t]+0/)) {
      const { section, statement } = placed;
      const from = OPTIONS_FROM.get(placed.keyword);
      if (from === undefined || (section.type !== "defaults" && section.type !== "backend" && section.type !== "listen")) continue;
      // The option words (after a server's name and address, a template's prefix, count and address).
      for (let i = from; i < statement.args.length - 1; i++) {
        const name = placed.value(i)!;
        if ((name === "fall" || name === "rise") && /^0+$/.test(placed.value(i + 1)!)) {
          report({ range: statement.args[i + 1]!.range, uri: section.uri, severity: "error", message: `'${name} 0' is refused: haproxy needs at least 1 check` });
        }
      }
    }
    for (const section of model.sectionsOfType("backend", "listen")) {
      const description = model.keywordsIn(section, DESCRIBING).find(describesCheck);
      const servers = model.keywordsIn(section, ["server", "server-template"]);
      if (!description || servers.length === 0) continue;
      if (servers.some((server) => saysCheck(server) || serverChecks(model, section, server, false))) continue;
      const option = optionOf(description);
      const what = option ? `'option ${option.name}'` : `'${description.keyword.value}' rules`;
      report({
        range: option?.range ?? description.keyword.range,
        uri: section.uri,
        message: `${describe(section)} describes a health check with ${what}, but none of its servers has 'check': haproxy never runs it`,
      });
    }
  },
};
