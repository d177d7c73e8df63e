// Checking a big haproxy.cfg after a keystroke without running every rule over every section
// (the engine: incremental-lint.ts):
//   - rules whose findings in a proxy depend on that proxy, its defaults, the sections that are not
//     proxies and what CONTEXT_KEYWORDS says of the other proxies (SECTION_SCOPED) run over the
//     proxies the edit touched, with those sections beside them; their findings in the other proxies
//     are kept from the last check, moved with their sections;
//   - rules of HAPROXY_STABLE are kept while what they read of the touched proxies is unchanged;
//   - every other rule (HAPROXY_WHOLE_FILE) runs over the whole file, as lint() runs it.
// Anything else — a section header, a defaults or global section, a `.if`, the settings — changes
// and the next check is a whole one.
import type { Section } from "../../../grammars/haproxy/ast.js";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import { ruleSteps } from "../lint/lint.js";
import { haproxyRules } from "../lint/registry.js";
import { HaproxyModel } from "../rules/haproxy/model.js";
import { collect, IncrementalLinter, type Units } from "./incremental-lint.js";

/**
 * Rules whose findings in a frontend, backend or listen section depend only on that section, its
 * defaults and the sections that are not proxies (global, defaults, userlist, resolvers, …), never
 * on another proxy, and that report nothing elsewhere because of a proxy. A rule missing from this
 * list is simply run over the whole file every time (HA023, which also reports a file in which no
 * proxy listens, reads them all).
 */
export const SECTION_SCOPED: ReadonlySet<string> = new Set([
  "HA001", "HA002", "HA003", "HA004", "HA005", "HA006", "HA007", "HA008", "HA009", "HA011", "HA014", "HA019",
  "HA020", "HA021", "HA022", "HA024", "HA025", "HA027", "HA028", "HA029", "HA030", "HA031", "HA032",
  "HA033", "HA034", "HA035", "HA036", "HA037", "HA042", "HA044", "HA045", "HA046", "HA047", "HA049",
  "HA053", "HA054", "HA060", "HA062", "HA064", "HA065", "HA067", "HA068", "HA070", "HA073", "HA075", "HA076", "HA077",
  "HA066", "HA069", "HA071", "HA074", "HA078", "HA079", "HA080", "HA081", "HA082", "HA083", "HA085", "HA087", "HA088",
  "HA089", "HA091",
]);

/**
 * The rules that run over the whole file after every edit, and why: what one proxy finds depends on
 * the others. Every haproxy rule is in SECTION_SCOPED, in HAPROXY_STABLE or here (a test holds it):
 * a new rule left out of the first two made every keystroke in a big file check the whole file.
 */
export const HAPROXY_WHOLE_FILE: ReadonlyMap<string, string> = new Map([
  ["HA012", "an ACL of a defaults section is used or not by the proxies that inherit it"],
  ["HA016", "a `from` is judged against the names and places of every section"],
  ["HA023", "it reports a file in which no proxy listens"],
  ["HA048", "it reports a defaults section's health check for the backends that inherit it"],
  ["HA050", "whether any frontend terminates TLS changes what every redirect is told"],
  ["HA051", "it compares the binds of every proxy"],
  ["HA063", "it judges a defaults section's log format by the first frontend that inherits it"],
  ["HA072", "it reads the frontends that reach each backend"],
  ["HA084", "whether any frontend is in mode tcp changes every finding"],
  ["HA086", "a section is used when any proxy names it"],
  ["HA090", "it judges the global default ciphers by whether any bind or server uses TLS"],
]);

const PROXIES: ReadonlySet<string> = new Set(["frontend", "backend", "listen"]);

/**
 * What other proxies may learn about a proxy besides its name: whether it holds a stick table
 * (`table NAME` references) and whether it is disabled. Proxies with either are checked beside the
 * touched ones, and an edit that adds or removes one makes the next check a whole one.
 */
const CONTEXT_KEYWORDS: ReadonlySet<string> = new Set(["stick-table", "disabled"]);

/** Each section's context, kept: a keystroke asks it of every section of the file, and most are unchanged. */
const contexts = new WeakMap<Section, string>();

function context(section: Section): string {
  let found = contexts.get(section);
  if (found === undefined) {
    found = section.body
      .filter((line) => line.kind === "statement" && CONTEXT_KEYWORDS.has(line.keyword.value))
      .map((line) => (line.kind === "statement" ? line.keyword.value : ""))
      .join(" ");
    contexts.set(section, found);
  }
  return found;
}


/** The statements of a section, as text, that satisfy `keep`. */
function reading(section: Section, keep: (words: readonly string[]) => boolean): string {
  const out: string[] = [header(section)];
  for (const line of section.body) {
    if (line.kind !== "statement") continue;
    const words = line.words.map((word) => word.value);
    if (keep(words)) out.push(words.join(" "));
  }
  return out.join("\n");
}

/**
 * What HA015 (unused-backend), HA017 (undefined-server) and HA061 (undefined-fetch-name) read of a proxy: the statements that
 * can name a backend or a server (routing, `table`, `track`, `use-server`, function arguments) and,
 * for HA017, the names of its servers.
 */
const NAMES_BACKEND = (words: readonly string[]) =>
  ["use_backend", "default_backend", "filter"].includes(words[0]!) || words.some((word) => word === "table" || word === "track" || word.includes("("));
export const HAPROXY_STABLE: ReadonlyMap<string, (section: Section) => string> = new Map([
  // HA015 also leaves alone a backend that holds a stick table and no server.
  ["HA015", (section: Section) => `${reading(section, NAMES_BACKEND)}\n${section.body.some((line) => line.kind === "statement" && (line.keyword.value === "server" || line.keyword.value === "server-template"))}`],
  ["HA017", namesAndServers],
  // HA061 reads the same: fetch arguments that name proxies, servers and tables.
  ["HA061", namesAndServers],
  // The others by the statements they look at (a generous reading is only slower, never wrong).
  ["HA026", (section: Section) => reading(section, (words) => ["mode", "use_backend", "default_backend", "tcp-request"].includes(words[0]!))],
  // HA010 reads the routing lines; the backends' names are in the headers, which an incremental check keeps.
  ["HA010", (section: Section) => reading(section, (words) => words[0] === "use_backend" || words[0] === "default_backend")],
  // HA013 compares the headers and the proxies' `id` lines; HA018 the headers only.
  ["HA013", (section: Section) => reading(section, (words) => words[0] === "id")],
  ["HA018", (section: Section) => header(section)],
  // HA043 judges `insecure-fork-wanted` in the global section by whether any proxy runs external checks.
  ["HA043", (section: Section) => reading(section, (words) => words[0] === "option" && words[1] === "external-check")],
  ["HA040", (section: Section) => reading(section, (words) => ["stats", "bind", "use_backend", "default_backend", "http-request", "tcp-request", "acl", "mode"].includes(words[0]!))],
  ["HA041", (section: Section) => reading(section, (words) => SERVER_LINES.has(words[0]!) && words.some((word) => /ssl|verify|ca-file|crt|sni/.test(word)))],
  ["HA052", (section: Section) => reading(section, (words) => words.some((word) => word === "maxconn" || word === "minconn"))],
  ["HA055", (section: Section) => reading(section, (words) => ["acl", "use_backend", "default_backend", "mode", "timeout"].includes(words[0]!) || words.includes("if") || words.includes("unless"))],
]);

const SERVER_LINES: ReadonlySet<string> = new Set(["server", "server-template", "default-server"]);

function namesAndServers(section: Section): string {
  const servers = section.body.map((line) =>
    line.kind === "statement" && ["server", "server-template", "default-server"].includes(line.keyword.value) ? line.words.slice(0, 3).map((w) => w.value).join(" ") : "",
  );
  return `${reading(section, (words) => NAMES_BACKEND(words) || words[0] === "use-server")}\n${servers.join("\n")}`;
}

function header(section: Section): string {
  return `${section.type} ${section.name?.value ?? ""} ${section.from?.value ?? ""}`;
}

/** The haproxy side: sections; proxies move, everything else is context. */
function haproxyUnits(uri: string): Units<HaproxyParseResult, Section> {
  return {
    product: "haproxy",
    scoped: SECTION_SCOPED,
    stable: HAPROXY_STABLE,
    units: (parse) => parse.ast.sections,
    start: (section) => section.range.start,
    movable: (section) => PROXIES.has(section.type) && !section.body.some((line) => line.kind === "directive"),
    signature: (section) => `${header(section)}\n${context(section)}`,
    sameOutside: (previous, parse) => previous.ast.preamble.length === parse.ast.preamble.length && parse.ast.preamble.every((line, i) => line === previous.ast.preamble[i]),
    context: (section) => context(section) !== "",
    run(parse, sections, config, wanted, add) {
      const view: HaproxyParseResult = sections ? { ...parse, ast: { ...parse.ast, sections: [...sections] } } : parse;
      const model = new HaproxyModel([{ uri, parse: view }], config.targets.haproxy);
      return ruleSteps(haproxyRules().filter((rule) => wanted(rule.meta.id)), model, config, uri, collect(uri, add));
    },
  };
}

/** The incremental checker of an open haproxy file. */
export class HaproxyLinter extends IncrementalLinter<HaproxyParseResult, Section> {
  constructor(uri: string) {
    super(haproxyUnits(uri));
  }
}
