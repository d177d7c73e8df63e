// HA024: a backend with no server answers every request with 503, silently (`haproxy -c` says
// nothing). Backends without servers are fine when they answer by themselves or have another job:
// a `server-template`, `dispatch` or `option transparent`; a stick table holder (`stick-table`);
// the stats page (`stats …`); a service or reply (`use-service`, `http-request return|redirect|
// deny|tarpit|reject|auth`, `redirect`, `tcp-request content reject`); or a maintenance page
// (`errorfile 503`, `errorloc 503`, `errorfiles`, `http-error status 503`).
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { argValue, describe } from "./model.js";

const ANSWERS: ReadonlySet<string> = new Set(["return", "redirect", "deny", "tarpit", "reject", "auth", "use-service"]);

function hasAnotherJob(statement: Statement, keyword = statement.keyword.value): boolean {
  // Read by index: a backend's first line is often a server line, whose words are not needed.
  const first = (): string | undefined => argValue(statement, 0);
  switch (keyword) {
    case "server":
    case "server-template":
    case "dispatch":
    case "stick-table":
    case "stats":
    case "redirect":
    case "errorfiles":
      return true;
    case "option":
      return first() === "transparent";
    case "http-request":
    case "http-response":
      return ANSWERS.has(first() ?? "");
    case "tcp-request":
      return first() === "content" && (argValue(statement, 1) === "reject" || argValue(statement, 1) === "use-service");
    case "errorfile":
    case "errorloc":
    case "errorloc302":
    case "errorloc303":
      return first() === "503";
    case "http-error":
      return first() === "status" && argValue(statement, 1) === "503";
    default:
      return false;
  }
}

export const emptyBackend: HaproxyRule = {
  meta: {
    id: "HA024",
    alias: "empty-backend",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a backend has no server and does not answer by itself",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    for (const section of model.sectionsOfType("backend")) {
      const nameWord = section.section.name;
      if (!nameWord || nameWord.variables.length > 0 || model.placedIn(section).some(({ statement, keyword }) => hasAnotherJob(statement, keyword))) continue;
      report({
        range: nameWord.range,
        uri: section.uri,
        message: `${describe(section)} has no server: every request it receives gets a 503 error`,
      });
    }
  },
};
