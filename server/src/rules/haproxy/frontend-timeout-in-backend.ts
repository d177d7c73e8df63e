// HA072: `timeout http-request` or `timeout http-keep-alive` written in a backend that only HTTP
// frontends reach. haproxy takes these limits (the time a client may take to send a whole request,
// and to start the next one) from the proxy that receives the request: an HTTP frontend's own or
// its defaults'. A backend's line counts only behind a frontend in TCP mode, so here it limits
// nothing while looking as if it did. haproxy -c says nothing.
import type { HaproxyRule } from "../../lint/rule.js";
import { describe, type SectionModel } from "./model.js";
import { frontendsReaching } from "./proxy-settings.js";

/** The timeouts of the request side that an HTTP frontend reads from itself, never from its backend. */
const FRONTEND_TIMEOUTS = ["http-request", "http-keep-alive"] as const;

/** `'a', 'b', 'c' and 2 more`. */
function named(sections: readonly SectionModel[]): string {
  const shown = sections.slice(0, 3).map((section) => `'${section.name ?? section.type}'`).join(", ");
  return sections.length > 3 ? `${shown} and ${sections.length - 3} more` : shown;
}

export const frontendTimeoutInBackend: HaproxyRule = {
  meta: {
    id: "HA072",
    alias: "frontend-timeout-in-backend",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a backend sets timeout http-request or http-keep-alive, which the HTTP frontends that reach it ignore",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    for (const section of model.sectionsOfType("backend")) {
      const timeouts = model.keywordIn(section, "timeout");
      if (timeouts.length === 0) continue;
      let frontends: SectionModel[] | undefined;
      for (const name of FRONTEND_TIMEOUTS) {
        const own = timeouts.filter((statement) => statement.wordValue(1) === name);
        if (own.length === 0) continue;
        frontends ??= frontendsReaching(model, section);
        if (frontends.length === 0 || frontends.some((frontend) => model.mode(frontend).mode !== "http")) break;
        const line = own[own.length - 1]!;
        report({
          uri: section.uri,
          range: { start: line.keyword.range.start, end: line.args[0]!.range.end },
          message: `'timeout ${name}' has no effect in ${describe(section)}: the HTTP frontends that reach it (${named(frontends)}) read their own; set it there or in their defaults section`,
        });
      }
    }
  },
};
