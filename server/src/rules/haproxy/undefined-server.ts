// HA017: servers named by other statements. `use-server NAME` must name a server of its own backend
// (a log-format name is resolved at run time and not checked, as haproxy does); `track [BE/]SRV`
// on a server must name an existing backend and server, and haproxy 2.6 refuses to track a server
// that runs no check itself ("does not have any check nor agent enabled"): it needs `check` or
// `agent-check`, on its line or through a `default-server`, or must itself track another server.
// A tracking server may not run its own check (also when a default-server gives it `check`), and
// a chain of tracked servers may not loop.
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { NameIndex } from "../name-index.js";
import { argValue, searchFor, describe, isDynamic, type HaproxyModel, type SectionModel } from "./model.js";

// The words this rule looks for (see `mentioning`).
searchFor("track");

/** The option words of a server line (after name and address), of a template (after prefix, count, address) or of a default-server. */
export function serverOptions(statement: Statement): readonly Word[] {
  const keyword = statement.keyword.value;
  if (keyword === "server") return statement.args.slice(2);
  if (keyword === "server-template") return statement.args.slice(3);
  if (keyword === "default-server") return statement.args;
  return [];
}

interface CheckState {
  check: boolean;
  agent: boolean;
  track: boolean;
}

function apply(state: CheckState, option: string): void {
  if (option === "check") state.check = true;
  else if (option === "no-check") state.check = false;
  else if (option === "agent-check") state.agent = true;
  else if (option === "no-agent-check") state.agent = false;
  else if (option === "track") state.track = true;
}

const NO_DEFAULT_SERVERS: Readonly<CheckState> = { check: false, agent: false, track: false };
const defaultStates = new WeakMap<HaproxyModel, Map<SectionModel, Readonly<CheckState>>>();

/** What the default-server lines that apply to a backend's servers (its defaults', then its own) set. */
function defaultServerState(model: HaproxyModel, section: SectionModel): Readonly<CheckState> {
  let states = defaultStates.get(model);
  if (!states) defaultStates.set(model, (states = new Map()));
  let state = states.get(section);
  if (!state && !model.has(section, "default-server") && model.defaultsChain(section).every((owner) => !model.has(owner, "default-server"))) state = NO_DEFAULT_SERVERS;
  if (!state) {
    const found: CheckState = { check: false, agent: false, track: false };
    for (const holder of [...model.defaultsChain(section)].reverse().concat(section)) {
      for (const statement of model.keywordIn(holder, "default-server")) for (const word of statement.args) apply(found, word.value);
    }
    states.set(section, (state = found));
  }
  return state;
}

/**
 * Whether a server runs a health check (`check`, on its line or its default-server's, not undone
 * by `no-check`); with `orTracked`, an agent check or tracking another server counts too.
 */
export function serverChecks(model: HaproxyModel, section: SectionModel, server: Statement, orTracked = true): boolean {
  const state = serverState(model, section, server);
  return state.check || (orTracked && (state.agent || state.track));
}

/** Whether a server runs an agent check (`agent-check`, on its line or its default-server's, not undone). */
export function serverRunsAgent(model: HaproxyModel, section: SectionModel, server: Statement): boolean {
  return serverState(model, section, server).agent;
}

function serverState(model: HaproxyModel, section: SectionModel, server: Statement): CheckState {
  const state = { ...defaultServerState(model, section) };
  // `serverOptions`, read by index without making the words.
  const keyword = server.wordValue(0);
  const from = keyword === "server" ? 2 : keyword === "server-template" ? 3 : keyword === "default-server" ? 0 : server.argCount;
  for (let i = from; i < server.argCount; i++) apply(state, argValue(server, i)!);
  return state;
}

export const undefinedServer: HaproxyRule = {
  meta: {
    id: "HA017",
    alias: "undefined-server",
    product: "haproxy",
    severity: "error",
    category: "reference",
    description: "use-server or track names a server that does not exist or cannot be tracked",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    for (const { statement, section } of model.withKeyword("use-server")) {
      const target = statement.args[0];
      // A frontend ignores `use-server` (HA002), yet haproxy 2.6.12 still looks the server up in it,
      // finds none and refuses the file ("unable to find server 's' referenced"; measured).
      if (section.type === "frontend" && target && !isDynamic(target) && target.variables.length === 0) {
        report({ range: target.range, uri: section.uri, message: `${describe(section)} has no server '${target.value}' (a frontend has none): haproxy looks it up all the same and refuses the file` });
        continue;
      }
      if (section.type !== "backend" && section.type !== "listen") continue;
      const servers = model.serverNames(section);
      if (!target || isDynamic(target) || target.variables.length > 0 || servers.has(target.value)) continue;
      const candidates = names(model).servers(section).suggest(target.value);
      report({
        range: target.range,
        uri: section.uri,
        message: `${describe(section)} has no server '${target.value}'${didYouMean(candidates)}`,
        ...replacementFixes(target.range, candidates),
      });
    }
    // Servers that track another: the lines that say `track`.
    for (const { statement, keyword, section } of model.mentioning("track")) {
      if ((section.type !== "backend" && section.type !== "listen") || (keyword !== "server" && keyword !== "server-template")) continue;
      const options = serverOptions(statement);
      const index = options.findIndex((w) => w.value === "track");
      const target = index >= 0 ? options[index + 1] : undefined;
      if (!target || target.variables.length > 0) continue;
      if (serverChecks(model, section, statement, false)) {
        const own = options.find((w) => w.value === "check");
        report({
          range: own?.range ?? options[index]!.range,
          uri: section.uri,
          message: own
            ? "a server that tracks another cannot run its own check: haproxy refuses 'check' together with 'track'"
            : "this server tracks another, but a default-server line gives it 'check' too, which haproxy refuses: add 'no-check'",
        });
      }
      checkTrack(model, section, statement, target, report);
    }
  },
};

/** Did-you-mean indexes of one model: backend names, and the server names of each backend. */
const nameIndexes = new WeakMap<HaproxyModel, { backends(): NameIndex; servers(section: SectionModel): NameIndex }>();

function names(model: HaproxyModel) {
  let found = nameIndexes.get(model);
  if (!found) {
    let backends: NameIndex | undefined;
    const servers = new Map<SectionModel, NameIndex>();
    found = {
      backends: () => (backends ??= new NameIndex(model.sectionsOfType("backend", "listen").flatMap((s) => (s.name === undefined ? [] : [s.name])))),
      servers: (section) => servers.get(section) ?? servers.set(section, new NameIndex(model.serverNames(section).keys())).get(section)!,
    };
    nameIndexes.set(model, found);
  }
  return found;
}

function checkTrack(model: HaproxyModel, section: SectionModel, server: Statement, target: Word, report: Parameters<HaproxyRule["check"]>[0]["report"]): void {
  const slash = target.value.indexOf("/");
  const backendName = slash >= 0 ? target.value.slice(0, slash) : undefined;
  const serverName = slash >= 0 ? target.value.slice(slash + 1) : target.value;
  let backend = section;
  if (backendName !== undefined) {
    const found = model.backends(backendName)[0];
    if (!found) {
      const candidates = names(model).backends().suggest(backendName).map((name) => `${name}/${serverName}`);
      report({
        range: target.range,
        uri: section.uri,
        message: `cannot track '${target.value}': there is no backend '${backendName}'${didYouMean(candidates)}`,
        ...replacementFixes(target.range, candidates),
      });
      return;
    }
    backend = found;
  }
  const tracked = model.serverNames(backend).get(serverName);
  if (!tracked) {
    const others = names(model).servers(backend).suggest(serverName, 3, { excluding: backend === section ? server.args[0]?.value : undefined });
    const candidates = others.map((name) => (backendName === undefined ? name : `${backendName}/${name}`));
    report({
      range: target.range,
      uri: section.uri,
      message: `cannot track '${target.value}': ${describe(backend)} has no server '${serverName}'${didYouMean(candidates)}`,
      ...replacementFixes(target.range, candidates),
    });
    return;
  }
  // Follow the chain: haproxy refuses one that loops back to this server.
  let hop: { section: SectionModel; server: Statement } | undefined = { section: backend, server: tracked };
  for (let steps = 0; hop && steps < 100; steps++) {
    if (hop.server === server) {
      report({ range: target.range, uri: section.uri, message: `cannot track '${target.value}': the tracking chain loops back to this server` });
      return;
    }
    hop = trackedBy(model, hop.section, hop.server);
  }
  if (!serverChecks(model, backend, tracked)) {
    report({
      range: target.range,
      uri: section.uri,
      message: `cannot track '${target.value}': that server runs no 'check' nor 'agent-check', so haproxy refuses to track it`,
      related: [{ uri: backend.uri, range: tracked.args[0]!.range, message: `server '${serverName}'` }],
    });
  }
}

/** The server a server line tracks, when it names an existing one. */
function trackedBy(model: HaproxyModel, section: SectionModel, server: Statement): { section: SectionModel; server: Statement } | undefined {
  const options = serverOptions(server);
  const index = options.findIndex((w) => w.value === "track");
  const value = index >= 0 ? options[index + 1]?.value : undefined;
  if (value === undefined) return undefined;
  const slash = value.indexOf("/");
  const backend = slash >= 0 ? model.backends(value.slice(0, slash))[0] : section;
  const tracked = backend && model.serverNames(backend).get(slash >= 0 ? value.slice(slash + 1) : value);
  return backend && tracked ? { section: backend, server: tracked } : undefined;
}
