// HA014: two servers with one name in a backend (a `server-template`'s servers included), or two
// nameservers of one name in a resolvers section; haproxy refuses to start. In a peers section haproxy 2.6.12 says nothing about two peers
// of one name (a warning: which one is meant?).
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { isGuarded, type SectionModel } from "./model.js";
import { templateNames } from "./statement-reads.js";

const NAMING = ["server", "peer", "nameserver", "server-template"];

export const duplicateServer: HaproxyRule = {
  meta: {
    id: "HA014",
    alias: "duplicate-server",
    product: "haproxy",
    severity: "error",
    category: "reference",
    description: "two servers in one backend (or nameservers in one resolvers section) share a name",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    // Names seen in the section at hand; an entry of an earlier section counts as not seen. Sections
    // share their server names (s1, s2…), so these maps stay small, and are not emptied: a name's
    // entry is updated in place, where emptying them would make them grow again for each section.
    const seen = new Map<string, Statement>();
    const seenIn = new Map<string, SectionModel>();
    for (const section of model.sectionsOfType("backend", "listen", "peers", "ring", "resolvers")) {
      const lines = model.keywordsIn(section, NAMING);
      if (lines.length < 2) continue;
      for (const statement of lines) {
        if (isGuarded(statement) || statement.argCount === 0) continue;
        // The keyword and the name are read without making the line's words.
        let name: string | undefined;
        let names: string[] | undefined;
        if (statement.wordIs(0, "server-template")) {
          // A template's servers are named PREFIX1, PREFIX2… (haproxy 2.6.12: "another server named 's1' was already defined").
          names = templateNames(statement.wordValue(1)!, statement.wordValue(2) ?? "");
          name = names.find((candidate) => seenIn.get(candidate) === section) ?? names[0];
        } else name = statement.wordValue(1)!;
        if (name === undefined) continue;
        const first = seenIn.get(name) === section ? seen.get(name) : undefined;
        if (first) {
          const keyword = statement.wordValue(0)!;
          report({
            ...(section.type === "peers" ? { severity: "warning" as const } : {}),
            range: statement.args[0]!.range,
            uri: section.uri,
            message: `${keyword} '${name}' is already defined on line ${first.range.start.line + 1} of this ${section.type}`,
            related: [{ uri: section.uri, range: first.args[0]!.range, message: `first ${keyword} '${name}'` }],
          });
        } else if (names) {
          for (const each of names) {
            seen.set(each, statement);
            seenIn.set(each, section);
          }
        } else {
          seen.set(name, statement);
          seenIn.set(name, section);
        }
      }
    }
  },
};
