// HA043: what the haproxy process can do if it is ever compromised. Without `chroot` it sees the
// whole file system; without `user`/`uid` it keeps the identity it was started with (root under
// most init systems); `user root`/`uid 0` says so on purpose. `insecure-fork-wanted` and
// `insecure-setuid-wanted` lift the protections haproxy applies by default. haproxy says nothing
// about any of them. Only configurations that have a global section are judged: a file of proxies
// alone is often one part of a larger setup.
import type { HaproxyRule } from "../../lint/rule.js";
import { globalStatements } from "./proxy-settings.js";

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
      report({ uri: first.uri, range: header.range, severity: "info", message: parts.join("; ") });
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
