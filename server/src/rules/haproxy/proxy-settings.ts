// What a proxy really runs with once `defaults` are applied, and how proxies reach each other:
// helpers shared by the HA04x/HA05x rules. They read the model only.
import type { Condition, Statement, Word } from "../../../../grammars/haproxy/ast.js";
import { isDynamic, isGuarded, type HaproxyModel, type Located, type SectionModel } from "./model.js";
import { serverOptions, type LineOption } from "./options.js";

/** The defaults a proxy inherits from (farthest first), then the proxy itself. */
export function withDefaults(model: HaproxyModel, section: SectionModel): SectionModel[] {
  return [...model.defaultsChain(section)].reverse().concat(section);
}

/**
 * The statement that sets something for a proxy: its own last one, else the nearest defaults'
 * last one (haproxy copies the defaults first, and later lines override earlier ones). For a
 * setting of one keyword, `model.keywordSetting` reads only the statements of that keyword.
 */
export function effectiveSetting(model: HaproxyModel, section: SectionModel, match: (statement: Statement) => boolean): Located | undefined {
  return model.setting(section, match);
}

/** `mode` as haproxy applies it: the proxy's, else its defaults', else `tcp`. */
export function effectiveMode(model: HaproxyModel, section: SectionModel): string {
  return model.keywordSetting(section, "mode")?.statement.args[0]?.value ?? "tcp";
}

/** Whether a statement is `keyword first …` (`timeout tunnel`, `option httpchk`, `stats auth`). */
export function is(statement: Statement, keyword: string, first?: string): boolean {
  return statement.keyword.value === keyword && (first === undefined || statement.args[0]?.value === first);
}

/** The statements of every `global` section, in order. */
export function globalStatements(model: HaproxyModel): readonly Located[] {
  return model.sectionsOfType("global").flatMap((section) => model.placedIn(section));
}

export interface Route {
  readonly statement: Statement;
  readonly name: string;
  readonly backends: SectionModel[];
}

/** The static `use_backend` and `default_backend` targets of a frontend or listen (its own and its defaults' `default_backend`). */
export function routes(model: HaproxyModel, section: SectionModel): Route[] {
  const found: Route[] = [];
  let ownDefault = false;
  for (const statement of model.keywordsIn(section, ["use_backend", "default_backend"])) {
    const target = statement.args[0];
    if (!target || isDynamic(target)) continue;
    if (statement.keyword.value === "default_backend") ownDefault = true;
    found.push({ statement, name: target.value, backends: model.backends(target.value) });
  }
  if (!ownDefault) {
    const inherited = model.keywordSetting(section, "default_backend");
    const target = inherited?.statement.args[0];
    if (inherited && target && !isDynamic(target)) found.push({ statement: inherited.statement, name: target.value, backends: model.backends(target.value) });
  }
  return found;
}

/** Whether a proxy has a `use_backend` whose name is computed per request. */
export function hasDynamicRoute(model: HaproxyModel, section: SectionModel): boolean {
  return model.keywordIn(section, "use_backend").some((s) => s.args[0] !== undefined && isDynamic(s.args[0]));
}

/** For each backend, the frontends and listens that reach it; worked out once per model. */
const reachIndex = new WeakMap<HaproxyModel, { readonly order: Map<SectionModel, number>; readonly dynamic: SectionModel[]; readonly reach: Map<SectionModel, SectionModel[]> }>();

/** The frontends and listens whose traffic can reach a backend: static routes to it, or any computed route. */
export function frontendsReaching(model: HaproxyModel, backend: SectionModel): SectionModel[] {
  let index = reachIndex.get(model);
  if (!index) {
    const order = new Map<SectionModel, number>();
    const dynamic: SectionModel[] = [];
    const reach = new Map<SectionModel, SectionModel[]>();
    for (const fe of model.sectionsOfType("frontend", "listen")) {
      order.set(fe, order.size);
      if (hasDynamicRoute(model, fe)) dynamic.push(fe);
      for (const route of routes(model, fe)) {
        for (const target of route.backends) {
          const list = reach.get(target) ?? reach.set(target, []).get(target)!;
          if (list[list.length - 1] !== fe) list.push(fe);
        }
      }
    }
    index = { order, dynamic, reach };
    reachIndex.set(model, index);
  }
  // In configuration order: the backend itself (a listen), those with a computed route, those routing to it.
  const found = new Set<SectionModel>([...(index.order.has(backend) ? [backend] : []), ...index.dynamic, ...(index.reach.get(backend) ?? [])]);
  return [...found].sort((a, b) => index.order.get(a)! - index.order.get(b)!);
}

/** The options a server line runs with, as `effectiveServerOptions` gives them. */
export interface EffectiveOptions {
  get(name: string): LineOption | undefined;
  has(name: string): boolean;
}

/** A server line's own options (the last one of a name wins), else those it inherits: made per server, so it copies nothing. */
class ServerOptionsView implements EffectiveOptions {
  constructor(
    private readonly own: readonly LineOption[],
    private readonly inherited: ReadonlyMap<string, LineOption>,
  ) {}

  get(name: string): LineOption | undefined {
    const own = this.own;
    for (let i = own.length - 1; i >= 0; i--) if (own[i]!.name === name) return own[i];
    return this.inherited.get(name);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }
}

/**
 * The options a server line runs with: those of every `default-server` before it (in its defaults,
 * then in its own section), overridden by its own. Keys are option names.
 */
export function effectiveServerOptions(model: HaproxyModel, section: SectionModel, server: Statement): EffectiveOptions {
  const state = defaultServerState(model, section);
  let inherited: ReadonlyMap<string, LineOption>;
  if (state.after.length === 0) inherited = state.inherited;
  else {
    // The last default-server line of the section written before the server.
    const at = state.position.get(server) ?? Infinity;
    let low = 0;
    let high = state.positions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (state.positions[middle]! < at) low = middle + 1;
      else high = middle;
    }
    inherited = low === 0 ? state.inherited : state.after[low - 1]!;
  }
  return new ServerOptionsView(serverOptions(server), inherited);
}

/** Whether a default-server line that a server of this proxy can inherit from sets option `name`. */
export function defaultServersSet(model: HaproxyModel, section: SectionModel, name: string): boolean {
  const state = defaultServerState(model, section);
  // Options are only ever added: the state after the last line holds every one.
  return (state.after[state.after.length - 1] ?? state.inherited).has(name);
}

interface DefaultServerState {
  /** The options of every default-server line of the defaults the section inherits from. */
  readonly inherited: ReadonlyMap<string, LineOption>;
  /** Positions of the section's own default-server lines among its statements. */
  readonly positions: readonly number[];
  /** The options in effect after each of them. */
  readonly after: readonly ReadonlyMap<string, LineOption>[];
  /** Statement positions, for sections that have default-server lines. */
  readonly position: ReadonlyMap<Statement, number>;
}

const defaultServerStates = new WeakMap<HaproxyModel, Map<SectionModel, DefaultServerState>>();
const NO_POSITIONS: ReadonlyMap<Statement, number> = new Map();
const NO_DEFAULT_SERVERS: DefaultServerState = { inherited: new Map(), positions: [], after: [], position: NO_POSITIONS };

/** What the default-server lines of a proxy and of its defaults set, worked out once per proxy. */
function defaultServerState(model: HaproxyModel, section: SectionModel): DefaultServerState {
  let states = defaultServerStates.get(model);
  if (!states) defaultServerStates.set(model, (states = new Map()));
  let state = states.get(section);
  if (state) return state;
  // Most proxies have no default-server line, nor have their defaults.
  if (!model.has(section, "default-server") && model.defaultsChain(section).every((owner) => !model.has(owner, "default-server"))) {
    states.set(section, NO_DEFAULT_SERVERS);
    return NO_DEFAULT_SERVERS;
  }
  // Every line of the defaults applies (their own defaults' first): the nearest one's final state.
  const nearest = model.defaultsChain(section)[0];
  const parent = nearest && defaultServerState(model, nearest);
  const inherited: ReadonlyMap<string, LineOption> = parent ? (parent.after[parent.after.length - 1] ?? parent.inherited) : new Map();
  const lines = model.keywordIn(section, "default-server");
  const positions: number[] = [];
  const after: ReadonlyMap<string, LineOption>[] = [];
  let position: ReadonlyMap<Statement, number> = NO_POSITIONS;
  if (lines.length > 0) {
    const all = new Map<Statement, number>();
    section.statements.forEach((statement, index) => all.set(statement, index));
    position = all;
    let current: ReadonlyMap<string, LineOption> = inherited;
    for (const line of lines) {
      const next = new Map(current);
      for (const option of serverOptions(line)) next.set(option.name, option);
      positions.push(all.get(line)!);
      after.push(next);
      current = next;
    }
  }
  state = { inherited, positions, after, position };
  states.set(section, state);
  return state;
}

/** `server` and `server-template` lines of a section (not `default-server`). */
export function serverLines(model: HaproxyModel, section: SectionModel): readonly Statement[] {
  return model.keywordsIn(section, ["server", "server-template"]);
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
