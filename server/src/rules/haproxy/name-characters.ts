// HA004 for names haproxy 2.6.12 reads as identifiers: letters, digits and `.`, `:`, `_`, `-` only
// ("character '*' is not permitted in server name '*:9900'", "… in 'backend' name"). Measured,
// section by section and keyword by keyword: the names of proxies, `peers`, `resolvers`, `ring`,
// `mailers`, `userlist`, `http-errors`, `log-forward` and `fcgi-app` sections; of `server`,
// `server-template` prefixes, `peer`, `nameserver`, `mailer`, `acl` and a userlist's `group`. A `defaults`, `cache` or
// userlist `user` name is not checked by haproxy, and is left alone here.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { hasVariable } from "./keywords.js";

type Context = Parameters<HaproxyRule["check"]>[0];

const CHECKED_SECTIONS = new Set(["frontend", "backend", "listen", "peers", "resolvers", "ring", "mailers", "userlist", "http-errors", "log-forward", "fcgi-app"]);
/** Keywords whose first word is a checked name, and the sections where they name something (undefined: any). */
const CHECKED_KEYWORDS: Readonly<Record<string, ReadonlySet<string> | undefined>> = {
  server: undefined,
  "server-template": undefined,
  peer: new Set(["peers"]),
  nameserver: new Set(["resolvers"]),
  mailer: new Set(["mailers"]),
  acl: undefined,
  // A userlist's group names are checked, its user names are not (measured: "character '+' is not permitted in 'group' name").
  group: new Set(["userlist"]),
};

const FORBIDDEN = /[^A-Za-z0-9.:_-]/u;
/** A whole name of permitted characters, for `plainWordMatches`. */
const NAME_WORD = /[A-Za-z0-9.:_-]+/y;

/** The first character haproxy does not permit in a name, or undefined. */
function forbidden(name: string): string | undefined {
  return FORBIDDEN.exec(name)?.[0];
}

const article = (kind: string) => (/^(?:[aeiou]|http)/.test(kind) ? "an" : "a");

function problem(word: Word | undefined, what: string): { readonly range: Word["range"]; readonly message: string } | undefined {
  if (!word || hasVariable(word) || word.text.includes("$")) return undefined;
  const char = forbidden(word.value);
  return char === undefined ? undefined : { range: word.range, message: `'${char}' is not allowed in ${what} '${word.value}' (letters, digits, '.', ':', '_' and '-' only); haproxy refuses it` };
}

export function nameCharacterReports(model: Context["model"], report: Context["report"]): void {
  for (const section of model.sections) {
    if (!CHECKED_SECTIONS.has(section.type)) continue;
    const found = problem(section.section.header.args[0], `${article(section.type)} ${section.type} name`);
    if (found) report({ uri: section.uri, ...found });
  }
  for (const [keyword, sections] of Object.entries(CHECKED_KEYWORDS)) {
    const placedList = model.withKeyword(keyword);
    // An indexed loop: a for...of over 50,000 server lines allocates an iterator result per step.
    for (let at = 0; at < placedList.length; at++) {
      const placed = placedList[at]!;
      if (sections && !sections.has(placed.section.type)) continue;
      // A peers `server NAME` without an address (the local peer) keeps its name unchecked (measured: `server +lb2`
      // passes, `server +lb2 127.0.0.1:10002` does not; a sweep).
      if (keyword === "server" && placed.section.type === "peers" && placed.statement.args.length < 2) continue;
      // Most names are fine: judged in place, then on the word's value, without making the words of the line.
      if (placed.statement.plainWordMatches(1, NAME_WORD)) continue;
      const value = placed.statement.wordValue(1);
      if (value === undefined || !FORBIDDEN.test(value)) continue;
      const found = problem(placed.statement.args[0], keyword === "server-template" ? "a server-template prefix" : `${article(keyword)} ${keyword} name`);
      if (found) report({ uri: placed.section.uri, ...found });
    }
  }
}
