// HA043: what the haproxy process can do if it is ever compromised. Without `chroot` it sees the
// whole file system; without `user`/`uid` it keeps the identity it was started with (root under
// most init systems); `user root`/`uid 0` says so on purpose. `insecure-fork-wanted` and
// `insecure-setuid-wanted` lift the protections haproxy applies by default. haproxy says nothing
// about any of them. Only configurations that have a global section are judged: a file of proxies
// alone is often one part of a larger setup.
import { indentOf, insertLinesFix } from "../../lint/fixes.js";
import type { Fix, HaproxyRule } from "../../lint/rule.js";
import type { LineIndex } from "../../../../grammars/common/text.js";
import type { SectionModel } from "./model.js";
import { globalStatements } from "./proxy-settings.js";

/**
 * The usual lines, after the global header (indented as the section's first statement): the
 * packaged haproxy's chroot directory and user. Offered in an editor only: the directory and the
 * user must exist on the machine, which the file does not tell.
 */
function securitySuggestions(lines: LineIndex | undefined, global: SectionModel, chroot: boolean, group: boolean, user: boolean): { suggestions?: Fix[] } {
  if (!lines) return {};
  const firstStatement = global.statements[0];
  const indent = (firstStatement && indentOf(lines, firstStatement.keyword.range)) || "    ";
  const at = global.section.header.range;
  const suggestions = [
    chroot ? insertLinesFix(lines, at, ["chroot /var/lib/haproxy"], indent, "add 'chroot /var/lib/haproxy'") : undefined,
    user ? insertLinesFix(lines, at, group ? ["user haproxy", "group haproxy"] : ["user haproxy"], indent, group ? "add 'user haproxy' and 'group haproxy'" : "add 'user haproxy'") : undefined,
  ].filter((fix): fix is Fix => fix !== undefined);
  return suggestions.length > 0 ? { suggestions } : {};
}

export const processSecurity: HaproxyRule = {
  meta: {
    id: "HA043",
    alias: "process-security",
    product: "haproxy",
    severity: "warning",
    category: "security",
    description: "the haproxy process runs as root, without a chroot, or with its fork and setuid protections lifted",
    fixable: false,
    native: "silent",
    options: {
      chroot: { type: "boolean", description: "false: do not report a missing 'chroot' (a container already confines haproxy)" },
      user: { type: "boolean", description: "false: do not report a missing 'user'/'uid' (haproxy is started as an unprivileged user)" },
    },
  },
  check({ model, options, report }) {
    const globals = model.sectionsOfType("global");
    const first = globals[0];
    if (!first) return;
    const statements = globalStatements(model);
    const has = (keyword: string) => statements.some(({ statement }) => statement.keyword.value === keyword);
    const header = first.section.header.keyword;

    // Options: `{ "chroot": false }` and `{ "user": false }` turn the two pieces of advice off
    // (containers that start haproxy unprivileged and read-only).
    const noChroot = options.chroot !== false && !has("chroot");
    const noUser = options.user !== false && !has("user") && !has("uid");
    if (noChroot || noUser) {
      const parts = [
        ...(noChroot ? ["no 'chroot': a compromised process can read the whole file system"] : []),
        ...(noUser ? ["no 'user' or 'uid': haproxy keeps the identity it was started with, root under most init systems"] : []),
      ];
      report({ uri: first.uri, range: header.range, severity: "info", message: parts.join("; "), ...securitySuggestions(model.linesOf(first.uri), first, noChroot, noUser && !has("group") && !has("gid"), noUser) });
    }
    for (const { statement, section } of statements) {
      const keyword = statement.keyword.value;
      const value = statement.args[0];
      if (value && ((keyword === "user" && value.value === "root") || (keyword === "uid" && /^0+$/.test(value.value)))) {
        report({ uri: section.uri, range: value.range, message: `'${keyword} ${value.value}' keeps haproxy running as root after it has opened its sockets` });
      } else if (keyword === "insecure-fork-wanted" && !model.withKeyword("option").some((placed) => placed.value(0) === "external-check")) {
        // With external checks the fork is required (HA070), not a choice to question.
        report({
          uri: section.uri,
          range: statement.keyword.range,
          severity: "info",
          message: "'insecure-fork-wanted' lets haproxy start processes at run time (external checks, Lua): an exploited flaw can then run programs",
        });
      } else if (keyword === "insecure-setuid-wanted") {
        report({
          uri: section.uri,
          range: statement.keyword.range,
          severity: "info",
          message: "'insecure-setuid-wanted' lets programs started by haproxy gain privileges through setuid bits",
        });
      }
    }
  },
};
