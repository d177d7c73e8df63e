// HA005: a keyword (or value) the target haproxy no longer accepts, with its replacement: version
// drift from haproxy 1.x and 2.x configurations (`contimeout`, `reqadd`, `block`, `nbproc`,
// `mode health`). haproxy refuses each of them, often naming the release that dropped it.
import { matchHaproxyKeyword } from "../../facts/haproxy.js";
import type { Fix, HaproxyRule } from "../../lint/rule.js";
import { versionFindings } from "./versions.js";

/**
 * Replacements that are the same setting under a new name, with the same arguments: safe to apply.
 * Others (`reqadd` → `http-request add-header`) change the argument syntax and need a person.
 */
const RENAMES: ReadonlySet<string> = new Set(["contimeout", "clitimeout", "srvtimeout", "redispatch", "option independant-streams"]);

export const removedKeyword: HaproxyRule = {
  meta: {
    id: "HA005",
    alias: "removed-keyword",
    product: "haproxy",
    severity: "error",
    category: "compatibility",
    description: "a keyword or value the target haproxy version no longer accepts",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    for (const finding of versionFindings(model, "removed")) {
      const { name, availability, range, section, keywordWords } = finding;
      const replacement = availability.replacement;
      let fix: Fix | undefined;
      if (replacement && RENAMES.has(name) && keywordWords && matchHaproxyKeyword(replacement.split(" "))) {
        fix = { description: `replace with '${replacement}'`, edits: [{ start: range.start.offset, end: range.end.offset, newText: replacement }] };
      }
      const since = availability.removed;
      const when = since === model.version ? `haproxy ${since} does not accept it` : `it was removed in haproxy ${since}`;
      report({
        uri: section.uri,
        range,
        message: `'${name}' is not supported by haproxy ${model.version}: ${when}${replacement ? `; use '${replacement}' instead` : ""}`,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
