// HA019: names of other sections, read where haproxy 2.6 reads them (configuration manual):
//   http_auth(UL), http_auth_group(UL) GROUP…   userlist UL (and its `group` lines)
//   server/default-server/server-template … resolvers R, do-resolve(VAR,R…)   resolvers R ("default" is built in)
//   stick-table … peers P                        peers P
//   log ring@R                                   ring R ("buf0" is built in)
//   filter cache C, http-request cache-use C, http-response cache-store C     cache C
//   errorfiles E, … errorfiles E (http-error, deny/return/tarpit replies)    http-errors E
//   use-fcgi-app F, filter fcgi-app F           fcgi-app F
//   email-alert mailers M                       mailers M
//   stick … table T, … track-scN KEY table T    a proxy with a stick-table, or PEERS/TABLE of a peers section
// haproxy refuses every one of these at `haproxy -c` except `log ring@R`, which only the starting
// daemon refuses ("uses unknown ring named …"): hence `stricter`.
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { Range } from "../../../../grammars/common/text.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import { NameIndex } from "../name-index.js";
import { describe, searchFor, HAS_PAREN, type HaproxyModel, type Placed } from "./model.js";
import { ownTableFetches } from "./own-table-fetches.js";
import { mailersLookedUp } from "./email-alerts.js";
import { compareVersions } from "../../facts/versions.js";

// The words this rule looks for (see `mentioning`).
searchFor("resolvers", "track-sc", "(", "http_auth_group");

export interface Reference {
  /** The section type the name must designate (`table` is special). */
  readonly kind: string;
  readonly name: string;
  /** The text to replace when correcting the name. */
  readonly range: Range;
  /** How the name is written when replaced (`ring@NAME` keeps its prefix outside the range). */
  readonly word: Word;
  /** Made at run time (`%[…]`, an environment variable): it may be any section of its kind. */
  readonly dynamic: boolean;
}

const BUILT_IN: Readonly<Record<string, readonly string[]>> = { resolvers: ["default"], ring: ["buf0"] };

/** The range of `word` from `from` characters in, when the word is written plainly; else the whole word. */
function inner(word: Word, from: number, length: number): Range {
  if (!word.isPlain) return word.range;
  const lines = word.range.lines;
  return lines.range(word.range.localStart + from, word.range.localStart + from + length);
}

/** The argument after the first argument `keyword`, from the argument values read once. */
function after(placed: Placed, keyword: string): Word | undefined {
  const index = placed.indexOf(keyword);
  return index >= 0 ? placed.statement.args[index + 1] : undefined;
}

const TRACK_SC = /^track-sc\d+$/;
/** TRACK_SC matched in the text at a word's start (see `plainWordMatches`). */
const TRACK_SC_AT = /track-sc\d+/y;

/** Whether an argument is `track-scN`. */
function tracksCounter(placed: Placed): boolean {
  const statement = placed.statement;
  const count = statement.argCount;
  // On a line without quotes or escapes, a word that could be `track-scN` is read in the text
  // without making its value: one the scanner marks (a template) holds what TRACK_SC refuses.
  if (placed.plain) {
    for (let i = 0; i < count; i++) if (statement.plainWordMatches(i + 1, TRACK_SC_AT)) return true;
    return false;
  }
  for (let i = 0; i < count; i++) {
    const value = placed.value(i)!;
    if (value.startsWith("track-sc") && TRACK_SC.test(value)) return true;
  }
  return false;
}

/** The keywords `references` reads a name after (besides `track-scN`, `resolvers` and calls). */
const NAMING_KEYWORDS: ReadonlySet<string> = new Set([
  "log", "server", "default-server", "server-template", "stick-table", "filter", "http-request", "http-response", "errorfiles", "http-error", "use-fcgi-app", "email-alert", "stick",
]);

/** Adds a reference to `found` when there is a word and a name (a shared function: `references` runs on thousands of lines). */
function addTo(found: Reference[], kind: string, word: Word | undefined, name: string | undefined = word?.value, range: Range | undefined = word?.range): void {
  if (word && name !== undefined && range && name !== "") found.push({ kind, name, range, word, dynamic: word.variables.length > 0 || name.includes("%[") });
}

export function references(placed: Placed): Reference[] {
  const { statement } = placed;
  const found: Reference[] = [];
  const keyword = placed.keyword;
  // Most lines that get here are ACLs and rules with a call: their words are not made for the keywords below.
  if (NAMING_KEYWORDS.has(keyword)) {
    const args = statement.args;
    const first = args[0]?.value;
    if (keyword === "log" && first?.startsWith("ring@")) addTo(found, "ring", args[0], first.slice(5), inner(args[0]!, 5, first.length - 5));
    if (keyword === "server" || keyword === "default-server" || keyword === "server-template") addTo(found, "resolvers", after(placed, "resolvers"));
    if (keyword === "stick-table") addTo(found, "peers", after(placed, "peers"));
    if (keyword === "filter" && first === "cache") addTo(found, "cache", args[1]);
    if (keyword === "filter" && first === "fcgi-app") addTo(found, "fcgi-app", args[1]);
    if (keyword === "filter" && (first === "bwlim-in" || first === "bwlim-out")) addTo(found, "table", after(placed, "table"));
    if ((keyword === "http-request" && first === "cache-use") || (keyword === "http-response" && first === "cache-store")) addTo(found, "cache", args[1]);
    if (keyword === "errorfiles") addTo(found, "http-errors", args[0]);
    else if (keyword === "http-error" || keyword === "http-request" || keyword === "http-response") addTo(found, "http-errors", after(placed, "errorfiles"));
    if (keyword === "use-fcgi-app") addTo(found, "fcgi-app", args[0]);
    if (keyword === "email-alert" && first === "mailers") addTo(found, "mailers", args[1]);
  }
  // A frontend ignores `stick` rules, the table they name included (measured: a warning only).
  if ((keyword === "stick" && placed.section.type !== "frontend") || tracksCounter(placed)) addTo(found, "table", after(placed, "table"));
  // Only words with a `(` are calls.
  if (!placed.mayHold(HAS_PAREN)) return found;
  for (const word of statement.words) {
    const value = word.value;
    if (!value.includes("(")) continue;
    // Both start with a name: the expressions are tried only on the words that do.
    const resolve = value.startsWith("do-resolve(") ? /^do-resolve\(([^,)]*),([^,)]*)/.exec(value) : null;
    if (resolve) addTo(found, "resolvers", word, resolve[2]!, inner(word, 12 + resolve[1]!.length, resolve[2]!.length));
    const auth = value.startsWith("http_auth") ? /^http_auth(_group)?\(([^)]*)\)/.exec(value) : null;
    if (auth) addTo(found, "userlist", word, auth[2]!, inner(word, auth[0].indexOf("(") + 1, auth[2]!.length));
  }
  return found;
}

const referring = new WeakMap<HaproxyModel, Set<Placed>>();

/**
 * The lines that can name another section (see `references`): those of the keywords above, and
 * those that say `resolvers`, `track-sc`, `(` (a call) or `http_auth_group`.
 */
export function referringLines(model: HaproxyModel): ReadonlySet<Placed> {
  // Kept per model: HA019 and HA086 both read them.
  let lines = referring.get(model);
  if (lines) return lines;
  lines = new Set<Placed>();
  referring.set(model, lines);
  for (const keyword of ["log", "stick-table", "filter", "http-request", "http-response", "errorfiles", "http-error", "use-fcgi-app", "email-alert", "stick"]) {
    for (const placed of model.withKeyword(keyword)) lines.add(placed);
  }
  for (const placed of model.mentioning("resolvers", "track-sc", "(", "http_auth_group")) lines.add(placed);
  return lines;
}

/** Group names after `http_auth_group(UL)` in an `acl` line or an inline ACL. */
function groupReferences(statement: Statement): { userlist: string; groups: Word[] }[] {
  const found: { userlist: string; groups: Word[] }[] = [];
  const scan = (words: readonly Word[]) => {
    const match = words[0] && /^http_auth_group\(([^)]*)\)$/.exec(words[0].value);
    if (!match) return;
    // Pattern flags come first: -i, -n, -M, and -f FILE, -m METHOD, -u ID with a value; `--` ends them.
    let i = 1;
    while (i < words.length && words[i]!.value.startsWith("-")) {
      const flag = words[i]!.value;
      i += flag === "-f" || flag === "-m" || flag === "-u" ? 2 : 1;
      if (flag === "--") break;
    }
    found.push({ userlist: match[1]!, groups: words.slice(i) });
  };
  if (statement.keyword.value === "acl") scan(statement.args.slice(1));
  for (const alternative of statement.condition?.expression?.alternatives ?? []) {
    for (const term of alternative.terms) if (term.kind === "anonymous-acl") scan(term.words);
  }
  return found;
}

/** Stick tables: proxies with a `stick-table`, and `PEERS/TABLE` for the tables of peers sections. */
function tableNames(model: HaproxyModel): string[] {
  const names: string[] = [];
  for (const s of model.sections) {
    if ((s.type === "frontend" || s.type === "backend" || s.type === "listen") && s.name && s.statements.some((st) => st.keyword.value === "stick-table")) names.push(s.name);
    if (s.type === "peers" && s.name) for (const st of s.statements) if (st.keyword.value === "table" && st.args[0]) names.push(`${s.name}/${st.args[0].value}`);
  }
  return names;
}

export const undefinedReference: HaproxyRule = {
  meta: {
    id: "HA019",
    alias: "undefined-reference",
    product: "haproxy",
    severity: "error",
    category: "reference",
    description: "a keyword names a userlist, resolvers, peers, ring, cache, http-errors, fcgi-app, mailers section or stick table that does not exist",
    fixable: true,
    native: "partly",
    stricter: "haproxy -c accepts 'log ring@NAME' with an unknown ring, but the daemon then refuses to start",
  },
  check({ model, report }) {
    const namesOf = new Map<string, { readonly names: Set<string>; readonly index: NameIndex }>();
    const known = (kind: string) => {
      let found = namesOf.get(kind);
      if (!found) {
        const names = new Set(kind === "table" ? tableNames(model) : [...(BUILT_IN[kind] ?? []), ...model.sectionsOfType(kind).flatMap((s) => (s.name === undefined ? [] : [s.name]))]);
        namesOf.set(kind, (found = { names, index: new NameIndex(names) }));
      }
      return found;
    };
    const check = (placed: Placed) => {
      const { section, statement } = placed;
      // `email-alert mailers` names its mailers only for a proxy with complete alerts (see email-alerts.ts).
      const mailers = placed.keyword === "email-alert" && placed.value(0) === "mailers";
      const lookedUp = mailers && mailersLookedUp(model, section, statement);
      // 3.2.26 refuses the line without a name whatever else is set ("missing argument after 'mailers'"; 3.0.11 takes it).
      const nameless = mailers && !statement.args[1]?.value;
      if (nameless && compareVersions(model.version, "3.2") >= 0) report({ range: (statement.args[1] ?? statement.args[0]!).range, uri: section.uri, message: "'email-alert mailers' needs the name of a mailers section; haproxy refuses the line without one" });
      else if (nameless && lookedUp) report({ range: (statement.args[1] ?? statement.args[0]!).range, uri: section.uri, message: "'email-alert mailers' names no mailers section, and the proxy's alerts are complete: haproxy refuses it (\"unable to find mailers ''\")" });
      for (const reference of references(placed)) {
        if (reference.dynamic) continue;
        const { names, index } = known(reference.kind);
        if (names.has(reference.name)) continue;
        const candidates = index.suggest(reference.name);
        const what =
          reference.kind === "table"
            ? `there is no stick table '${reference.name}' (a proxy with a 'stick-table', or PEERS/TABLE of a peers section)`
            : `there is no ${reference.kind} section named '${reference.name}'`;
        const consequence = reference.kind === "ring" ? "; haproxy -c accepts it but the daemon refuses to start" : "";
        // Alerts without `from` or `to` are ignored, name and all (haproxy warns that it ignores them).
        const ignored = mailers && !lookedUp ? "; haproxy ignores these email alerts for now (they need 'email-alert from', 'mailers' and 'to'), but would refuse the name once they are complete" : "";
        report({ range: reference.range, uri: section.uri, message: `${what}${consequence}${ignored}${didYouMean(candidates)}`, ...(ignored ? { severity: "warning" as const } : {}), ...replacementFixes(reference.range, candidates) });
      }
      ownTable(placed);
      // Group names only follow `http_auth_group(…)`.
      if (!withGroups.has(placed)) return;
      for (const { userlist, groups } of groupReferences(statement)) {
        const lists = model.sectionsNamed("userlist", userlist);
        if (lists.length === 0) continue;
        const declared = new Set(lists.flatMap((l) => l.statements.filter((s) => s.keyword.value === "group" && s.args[0]).map((s) => s.args[0]!.value)));
        for (const group of groups) {
          if (declared.has(group.value) || group.variables.length > 0) continue;
          const candidates = suggest(group.value, declared);
          report({
            range: group.range,
            uri: section.uri,
            message: `userlist '${userlist}' declares no group '${group.value}'${didYouMean(candidates)}`,
            ...replacementFixes(group.range, candidates),
          });
        }
      }
    };
    // `track-scN KEY` and `stick on|match|store-*` without `table` use the proxy's own stick table:
    // haproxy 2.6.12 refuses them where there is none ("Proxy 'f': unable to find table 'f'
    // referenced by track-sc0"), a defaults section included (it cannot have one).
    const ownTable = (placed: Placed) => {
      const { section, statement } = placed;
      if (!section.isProxy || statement.guard !== undefined || placed.indexOf("table") >= 0) return;
      // A frontend ignores `stick` rules with a warning (no backend capability; measured), whatever their table.
      if (placed.keyword === "stick" && section.type === "frontend") return;
      let word: Word | undefined;
      if (placed.keyword === "stick") word = statement.keyword;
      else if (tracksCounter(placed)) word = statement.args.find((arg) => TRACK_SC.test(arg.value));
      if (!word || (section.type !== "defaults" && model.has(section, "stick-table"))) return;
      const what = placed.keyword === "stick" ? `'stick ${statement.args[0]?.value ?? ""}'`.replace(" '", "'") : `'${word.value}'`;
      report({
        range: word.range,
        uri: section.uri,
        message:
          section.type === "defaults"
            ? `${what} without 'table' counts in the defaults section's own stick table, and a defaults section cannot have one; haproxy refuses it (add 'table NAME')`
            : `${what} without 'table' uses the stick table of ${describe(section)}, which has none; haproxy refuses it (add a 'stick-table' here, or 'table NAME')`,
      });
    };
    // In a userlist, a user's `groups G1,G2` name its groups and a group's `users U1,U2` its users:
    // haproxy 2.6.12 refuses a name that is not declared there ("userlist 'L': no such group 'dev'
    // specified in user 'alice'", "no such user 'bob' specified in group 'adm'").
    for (const section of model.sectionsOfType("userlist")) {
      const users = model.keywordIn(section, "user");
      const groups = model.keywordIn(section, "group");
      const declared = { user: new Set(users.map((s) => s.args[0]?.value)), group: new Set(groups.map((s) => s.args[0]?.value)) };
      for (const [statements, listWord, kind] of [[users, "groups", "group"], [groups, "users", "user"]] as const) {
        for (const statement of statements) {
          const at = statement.args.findIndex((arg, i) => i > 0 && arg.value === listWord);
          const list = at > 0 ? statement.args[at + 1] : undefined;
          if (!list || list.value.includes("$") || statement.guard !== undefined) continue;
          let offset = 0;
          for (const name of list.value.split(",")) {
            if (name !== "" && !declared[kind].has(name)) {
              const range = list.isPlain ? inner(list, offset, name.length) : list.range;
              const candidates = suggest(name, [...declared[kind]].filter((n): n is string => n !== undefined));
              report({
                range,
                uri: section.uri,
                message: `userlist '${section.name ?? ""}' declares no ${kind} '${name}', which ${statement.keyword.value} '${statement.args[0]?.value ?? ""}' names${didYouMean(candidates)}`,
                ...replacementFixes(range, candidates),
              });
            }
            offset += name.length + 1;
          }
        }
      }
    }
    const withGroups = new Set(model.mentioning("http_auth_group"));
    for (const placed of referringLines(model)) check(placed);
    ownTableFetches(model, report);
  },
};
