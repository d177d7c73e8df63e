// HA006: a keyword the target haproxy still accepts with a deprecation warning, and will drop.
import { matchHaproxyKeyword } from "../../facts/haproxy.js";
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { availabilityAt } from "../../facts/versions.js";
import type { Fix, HaproxyRule } from "../../lint/rule.js";
import type { HaproxyModel, SectionModel } from "./model.js";
import { versionFindings } from "./versions.js";

/** Replacements that are the same setting under a new name, with the same arguments: safe to apply. */
const RENAMES: ReadonlySet<string> = new Set(["transparent", "tune.ssl.capture-cipherlist-size", "option accept-invalid-http-request", "option accept-invalid-http-response"]);

/**
 * The rename, when the replacement differs only in its last word (`option accept-invalid-http-request`
 * → `option accept-unsafe-violations-in-http-request`; a `no` before it stays) or is a keyword of
 * the same words' count, and the target accepts it in this section without a word of its own.
 */
function renameFix(model: HaproxyModel, section: SectionModel, name: string, replacement: string | undefined, words: readonly Word[] | undefined): Fix | undefined {
  if (!replacement || !RENAMES.has(name) || !words) return undefined;
  const match = matchHaproxyKeyword(replacement.split(" "));
  if (!match || !match.keyword.sections.includes(section.type) || availabilityAt(match.keyword.availability, model.version) !== "ok") return undefined;
  const old = name.split(" ");
  const renamed = replacement.split(" ");
  const keyword = words.slice(-old.length);
  if (keyword.length !== old.length || keyword.some((word, i) => word.value !== old[i])) return undefined;
  // Only the words that change are replaced: what stands between them is kept as written.
  const same = old.length === renamed.length ? old.findIndex((word, i) => word !== renamed[i]) : 0;
  const from = keyword[same]!;
  const to = keyword[keyword.length - 1]!;
  const newText = old.length === renamed.length ? renamed.slice(same).join(" ") : replacement;
  if (same > 0 && old.slice(same).length !== 1) return undefined;
  return { description: `replace with '${replacement}'`, edits: [{ start: from.range.start.offset, end: to.range.end.offset, newText }] };
}

export const deprecatedKeyword: HaproxyRule = {
  meta: {
    id: "HA006",
    alias: "deprecated-keyword",
    product: "haproxy",
    severity: "warning",
    category: "compatibility",
    description: "a keyword deprecated in the target haproxy version",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    for (const { name, availability, range, section, keywordWords } of versionFindings(model, "deprecated")) {
      const fix = renameFix(model, section, name, availability.replacement, keywordWords);
      report({
        ...(fix ? { fix } : {}),
        uri: section.uri,
        range,
        message: `'${name}' is deprecated since haproxy ${availability.deprecated}${availability.replacement ? `; use '${availability.replacement}' instead` : ""}`,
      });
    }
  },
};
