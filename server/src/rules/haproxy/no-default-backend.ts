// HA034: a frontend that routes with conditional use_backend rules and has no default_backend
// (nor inherits one): a request that matches no rule gets a 503, silently (h23c). Not reported
// when an unconditional use_backend, or an unconditional reply (`http-request deny|return|
// redirect|tarpit|reject|use-service`, `redirect`, `tcp-request content reject`), catches the rest.
// In mode tcp there is no 503 to send: haproxy 2.6 closes the connection without a byte (measured).
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { describe } from "./model.js";
import { effectiveMode } from "./proxy-settings.js";

const REPLIES: ReadonlySet<string> = new Set(["deny", "return", "redirect", "tarpit", "reject", "use-service", "auth"]);

function catchesAll(statement: Statement): boolean {
  if (statement.condition) return false;
  const keyword = statement.keyword.value;
  const first = statement.args[0]?.value;
  if (keyword === "use_backend" || keyword === "redirect") return true;
  if (keyword === "http-request") return first !== undefined && REPLIES.has(first);
  if (keyword === "tcp-request") return first === "content" && (statement.args[1]?.value === "reject" || statement.args[1]?.value === "use-service");
  return false;
}

/** What happens to what no rule matches: an HTTP request gets a 503, a TCP connection is closed. */
function outcome(http: boolean, rules: number): string {
  const unmatched = rules === 1 ? "that its use_backend rule does not match" : `that matches none of its ${rules} use_backend rules`;
  return http ? `a request ${unmatched} gets a 503 error` : `a connection ${unmatched} is closed without a reply (mode tcp)`;
}

/** The keywords `catchesAll` can accept. */
const CATCHING = ["use_backend", "redirect", "http-request", "tcp-request"];

export const noDefaultBackend: HaproxyRule = {
  meta: {
    id: "HA034",
    alias: "no-default-backend",
    product: "haproxy",
    severity: "info",
    category: "best-practice",
    description: "a frontend routes with conditional use_backend rules but has no default_backend",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    for (const section of model.sectionsOfType("frontend")) {
      const nameWord = section.section.name;
      if (!nameWord) continue;
      const routes = model.keywordIn(section, "use_backend");
      if (routes.length === 0 || CATCHING.some((keyword) => model.keywordIn(section, keyword).some(catchesAll))) continue;
      if (model.keywordSetting(section, "default_backend")) continue;
      report({
        range: nameWord.range,
        uri: section.uri,
        message: `${describe(section)} has no default_backend: ${outcome(effectiveMode(model, section) === "http", routes.length)}`,
      });
    }
  },
};
