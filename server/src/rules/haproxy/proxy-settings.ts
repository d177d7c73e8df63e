// What a proxy really runs with once `defaults` are applied, and how proxies reach each other:
// helpers shared by the HA04x/HA05x rules. They read the model only.
import type { Condition, Statement, Word } from "../../../../grammars/haproxy/ast.js";
import { isDynamic, isGuarded, type HaproxyModel, type Located, type SectionModel } from "./model.js";
import { serverOptions, SERVER_KEYWORDS, type LineOption } from "./options.js";

/** The defaults a proxy inherits from (farthest first), then the proxy itself. */
export function withDefaults(model: HaproxyModel, section: SectionModel): SectionModel[] {
  return [...model.defaultsChain(section).reverse(), section];
}

/**
 * The statement that sets something for a proxy: its own last one, else the nearest defaults'
 * last one (haproxy copies the defaults first, and later lines override earlier ones).
 */
export function effectiveSetting(model: HaproxyModel, section: SectionModel, match: (statement: Statement) => boolean): Located | undefined {
  for (const owner of [section, ...model.defaultsChain(section)]) {
    const found = owner.statements.filter(match);
    const last = found[found.length - 1];
    if (last) return { statement: last, section: owner };
  }
  return undefined;
}

/** `mode` as haproxy applies it: the proxy's, else its defaults', else `tcp`. */
export function effectiveMode(model: HaproxyModel, section: SectionModel): string {
  return effectiveSetting(model, section, (s) => s.keyword.value === "mode")?.statement.args[0]?.value ?? "tcp";
}

/** Whether a statement is `keyword first …` (`timeout tunnel`, `option httpchk`, `stats auth`). */
export function is(statement: Statement, keyword: string, first?: string): boolean {
  return statement.keyword.value === keyword && (first === undefined || statement.args[0]?.value === first);
}

/** The statements of every `global` section, in order. */
export function globalStatements(model: HaproxyModel): Located[] {
  return model.sectionsOfType("global").flatMap((section) => section.statements.map((statement) => ({ statement, section })));
}

export interface Route {
  readonly statement: Statement;
  readonly name: string;
  readonly backends: SectionModel[];
}

/** The static `use_backend` and `default_backend` targets of a frontend or listen (its own and its defaults' `default_backend`). */
export function routes(model: HaproxyModel, section: SectionModel): Route[] {
  const found: Route[] = [];
  for (const statement of section.statements) {
    const keyword = statement.keyword.value;
    if (keyword !== "use_backend" && keyword !== "default_backend") continue;
    const target = statement.args[0];
    if (!target || isDynamic(target)) continue;
    found.push({ statement, name: target.value, backends: model.backends(target.value) });
  }
  if (!found.some((r) => r.statement.keyword.value === "default_backend")) {
    const inherited = effectiveSetting(model, section, (s) => s.keyword.value === "default_backend");
    const target = inherited?.statement.args[0];
    if (inherited && target && !isDynamic(target)) found.push({ statement: inherited.statement, name: target.value, backends: model.backends(target.value) });
  }
  return found;
}

/** Whether a proxy has a `use_backend` whose name is computed per request. */
export function hasDynamicRoute(section: SectionModel): boolean {
  return section.statements.some((s) => s.keyword.value === "use_backend" && s.args[0] !== undefined && isDynamic(s.args[0]));
}

/** The frontends and listens whose traffic can reach a backend: static routes to it, or any computed route. */
export function frontendsReaching(model: HaproxyModel, backend: SectionModel): SectionModel[] {
  return model
    .sectionsOfType("frontend", "listen")
    .filter((fe) => fe === backend || hasDynamicRoute(fe) || routes(model, fe).some((r) => r.backends.includes(backend)));
}

/**
 * The options a server line runs with: those of every `default-server` before it (in its defaults,
 * then in its own section), overridden by its own. Keys are option names.
 */
export function effectiveServerOptions(model: HaproxyModel, section: SectionModel, server: Statement): Map<string, LineOption> {
  const merged = new Map<string, LineOption>();
  for (const owner of withDefaults(model, section)) {
    for (const statement of owner.statements) {
      if (statement === server) break;
      if (statement.keyword.value === "default-server") for (const option of serverOptions(statement)) merged.set(option.name, option);
    }
  }
  for (const option of serverOptions(server)) merged.set(option.name, option);
  return merged;
}

/** `server` and `server-template` lines of a section (not `default-server`). */
export function serverLines(section: SectionModel): Statement[] {
  return section.statements.filter((s) => SERVER_KEYWORDS.has(s.keyword.value) && s.keyword.value !== "default-server");
}

/** Every word an ACL of this name is declared with, in the proxy and its defaults. */
export function aclDefinitionWords(model: HaproxyModel, section: SectionModel, name: string): Word[] {
  const words: Word[] = [];
  for (const owner of withDefaults(model, section)) for (const statement of model.aclsDefinedIn(owner).get(name) ?? []) words.push(...statement.args.slice(1));
  return words;
}

/** The words a condition tests: those of its inline ACLs and of the declarations of its named ACLs. */
export function conditionWords(model: HaproxyModel, section: SectionModel, condition: Condition | undefined): Word[] {
  if (!condition?.expression) return [];
  const words: Word[] = [];
  for (const alternative of condition.expression.alternatives) {
    for (const term of alternative.terms) {
      if (term.kind === "anonymous-acl") words.push(...term.words);
      else words.push(...aclDefinitionWords(model, section, term.name));
    }
  }
  return words;
}

/** Whether two statements can both be read: neither stands in an `.if` branch, or both in the same one. */
export function sameBranch(a: Statement, b: Statement): boolean {
  return a.guard === b.guard || (!isGuarded(a) && !isGuarded(b));
}

/** The value of an integer setting (`maxconn 100`), or undefined when it is not a plain number. */
export function integer(word: Word | undefined): number | undefined {
  if (!word || !/^\d+$/.test(word.value)) return undefined;
  return Number(word.value);
}

/** Where a section is, for messages: `frontend 'www'`, `global`. */
export function describe(section: SectionModel): string {
  return section.name === undefined ? section.type : `${section.type} '${section.name}'`;
}

/** `line N` in the same file, the file's name otherwise. */
export function lineOf(statement: Statement, uri: string, from: string): string {
  return uri === from ? `line ${statement.range.start.line + 1}` : `${uri}:${statement.range.start.line + 1}`;
}
