// Every place in a haproxy.cfg that names a section or a server defined elsewhere in the file, as
// haproxy 2.6 reads it: proxies (use_backend, default_backend, stats scope, `from`, tables, sample
// fetches such as nbsrv(be)), servers (use-server, track, srv_is_up(be/srv)), userlists, resolvers,
// peers, rings, mailers, http-errors, caches and fcgi-apps. Renaming uses it; so will the language
// server's find-references and go-to-definition.
import type { HaproxyConfig, Section, Statement, Word } from "../haproxy/ast.js";
import { namedCalls, namedArgument } from "./haproxy-functions.js";

/** What a reference names. `proxy` is any frontend, backend or listen (stats scope). */
export type HaproxyTarget =
  | "backend"
  | "frontend"
  | "server"
  | "userlist"
  | "table"
  | "resolvers"
  | "proxy"
  | "defaults"
  | "peers"
  | "ring"
  | "mailers"
  | "http-errors"
  | "cache"
  | "fcgi-app";

/** One place where a haproxy.cfg names something defined elsewhere in it. */
export interface HaproxyReference {
  readonly target: HaproxyTarget;
  /** The name as haproxy reads it. */
  readonly name: string;
  /** For a server: the backend it is looked up in (written before the `/`, or the current proxy). */
  readonly backend: string | undefined;
  /** The word that holds the name; the name is `word.value.slice(start, end)`. */
  readonly word: Word;
  readonly start: number;
  readonly end: number;
  readonly statement: Statement;
  /** The section the statement is in (for a `from`, the section whose header it is on). */
  readonly section: Section;
}

const PROXIES: ReadonlySet<string> = new Set(["frontend", "backend", "listen", "defaults"]);
const TRAFFIC_RULES: ReadonlySet<string> = new Set(["http-request", "http-response", "http-after-response", "tcp-request", "tcp-response", "http-error"]);
const SERVER_LINES: ReadonlySet<string> = new Set(["server", "default-server", "server-template"]);

/** Collects references while walking one statement. */
class Collector {
  readonly found: HaproxyReference[] = [];
  constructor(
    private readonly statement: Statement,
    private readonly section: Section,
  ) {}

  add(target: HaproxyTarget, word: Word | undefined, start = 0, end = word?.value.length ?? 0): void {
    if (!word || end <= start) return;
    const name = word.value.slice(start, end);
    // A name built at run time (`use_backend be_%[req.hdr(host)]`) or from the environment is no reference.
    if (name.includes("%[") || name.includes("$")) return;
    if (target === "server") {
      this.server(word, start, end);
      return;
    }
    this.found.push({ target, name, backend: undefined, word, start, end, statement: this.statement, section: this.section });
  }

  /** `srv` or `be/srv`: a backend reference for `be`, and a server reference resolved in it. */
  server(word: Word, start: number, end: number): void {
    const text = word.value.slice(start, end);
    const slash = text.indexOf("/");
    const backend = slash < 0 ? this.section.name?.value : text.slice(0, slash);
    if (slash >= 0) this.add("backend", word, start, start + slash);
    const nameStart = slash < 0 ? start : start + slash + 1;
    if (end <= nameStart) return;
    this.found.push({ target: "server", name: word.value.slice(nameStart, end), backend, word, start: nameStart, end, statement: this.statement, section: this.section });
  }

  /** `table NAME`: a stick table, or `peers/NAME` for a table declared in a peers section. */
  table(word: Word | undefined): void {
    if (!word) return;
    const slash = word.value.indexOf("/");
    if (slash < 0) this.add("table", word);
    else this.add("peers", word, 0, slash);
  }

  /** The word after the first word equal to `keyword` among `words`. */
  after(words: readonly Word[], keyword: string): Word | undefined {
    const at = words.findIndex((word) => word.value === keyword);
    return at < 0 ? undefined : words[at + 1];
  }
}

function statementReferences(statement: Statement, section: Section): HaproxyReference[] {
  const collect = new Collector(statement, section);
  const keyword = statement.keyword.value;
  const args = statement.args;
  const first = args[0];
  const inProxy = PROXIES.has(section.type);

  if (inProxy && (keyword === "use_backend" || keyword === "default_backend")) collect.add("backend", first);
  if (inProxy && keyword === "use-server") collect.add("server", first);
  if (inProxy && keyword === "stats" && first?.value === "scope" && args[1]?.value !== ".") collect.add("proxy", args[1]);
  if (inProxy && SERVER_LINES.has(keyword)) {
    collect.add("server", collect.after(args, "track"));
    collect.add("resolvers", collect.after(args, "resolvers"));
  }
  if (inProxy && keyword === "stick") collect.table(collect.after(args, "table"));
  if (TRAFFIC_RULES.has(keyword)) {
    if (args.some((word) => /^track-sc\d+$/.test(word.value))) collect.table(collect.after(args, "table"));
    if (first?.value === "cache-use" || first?.value === "cache-store") collect.add("cache", args[1]);
    collect.add("http-errors", collect.after(args, "errorfiles"));
  }
  if (keyword === "stick-table") collect.add("peers", collect.after(args, "peers"));
  if (keyword === "errorfiles") collect.add("http-errors", first);
  if (keyword === "email-alert" && first?.value === "mailers") collect.add("mailers", args[1]);
  if (keyword === "use-fcgi-app") collect.add("fcgi-app", first);
  if (keyword === "filter" && (first?.value === "cache" || first?.value === "fcgi-app")) collect.add(first.value === "cache" ? "cache" : "fcgi-app", args[1]);
  if (keyword === "log") for (const word of args) if (word.value.startsWith("ring@")) collect.add("ring", word, "ring@".length);

  // Sample fetches, converters and actions anywhere on the line, conditions included.
  for (const word of statement.words) {
    for (const call of namedCalls(word.value)) {
      const named = namedArgument(call.name)!;
      const arg = call.args[named.index];
      if (!arg) continue;
      const trimmed = arg.text.trim();
      const start = arg.start + arg.text.indexOf(trimmed);
      if (trimmed === "") continue;
      if (named.target === "table") {
        const slash = trimmed.indexOf("/");
        collect.add(slash < 0 ? "table" : "peers", word, start, slash < 0 ? start + trimmed.length : start + slash);
      } else collect.add(named.target, word, start, start + trimmed.length);
    }
  }
  return collect.found;
}

/** Every reference in the file, in document order. */
export function haproxyReferences(config: HaproxyConfig): HaproxyReference[] {
  const found: HaproxyReference[] = [];
  for (const section of config.sections) {
    if (section.from) {
      const word = section.from;
      found.push({ target: "defaults", name: word.value, backend: undefined, word, start: 0, end: word.value.length, statement: section.header, section });
    }
    for (const line of section.body) if (line.kind === "statement") found.push(...statementReferences(line, section));
  }
  return found;
}

function hasStickTable(section: Section): boolean {
  return section.body.some((line) => line.kind === "statement" && line.keyword.value === "stick-table");
}

const TARGETS_OF_SECTION: Readonly<Record<string, readonly HaproxyTarget[]>> = {
  backend: ["backend", "proxy", "table"],
  listen: ["backend", "frontend", "proxy", "table"],
  frontend: ["frontend", "proxy", "table"],
  defaults: ["defaults"],
  userlist: ["userlist"],
  resolvers: ["resolvers"],
  peers: ["peers"],
  ring: ["ring"],
  mailers: ["mailers"],
  "http-errors": ["http-errors"],
  cache: ["cache"],
  "fcgi-app": ["fcgi-app"],
};

/** Whether `reference` names `section`. */
export function referencesSection(config: HaproxyConfig, section: Section, reference: HaproxyReference): boolean {
  const name = section.name?.value;
  if (name === undefined || reference.name !== name || reference.target === "server") return false;
  if (!(TARGETS_OF_SECTION[section.type] ?? []).includes(reference.target)) return false;
  if (reference.target !== "table") return true;
  // A table is the stick-table of the proxy of that name; when a frontend and a backend share the
  // name, only the one with a stick-table is meant.
  const sameName = config.sections.filter((other) => other.name?.value === name && ["frontend", "backend", "listen"].includes(other.type));
  return hasStickTable(section) || !sameName.some(hasStickTable);
}

/** The references to a section, or to a server (given as its `server` line). */
export function haproxyReferencesTo(config: HaproxyConfig, target: Section | Statement): HaproxyReference[] {
  const all = haproxyReferences(config);
  if (target.kind === "section") return all.filter((reference) => referencesSection(config, target, reference));
  const name = target.args[0]?.value;
  const section = config.sections.find((candidate) => candidate.body.includes(target));
  if (name === undefined || !section?.name) return [];
  return all.filter((reference) => reference.target === "server" && reference.name === name && reference.backend === section.name!.value);
}
