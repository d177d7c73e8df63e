// HA065: a `bind … proto X` or `server … proto X` whose multiplexer does not fit the proxy's mode
// or side. haproxy 2.6.12 refuses it once the proxies are checked ("frontend 'f' : MUX protocol
// 'h2' is not usable for 'bind :443'", "… for server 's1'"). The multiplexers, their mode and
// side, are those `haproxy -vv` lists: h1 and h2 are HTTP on both sides, fcgi HTTP on the server
// side only, none TCP on both; h3 and quic (QUIC builds) HTTP on the client side only before 3.3. A server takes its proto from a `default-server` before it in its
// section, else from the last one of its defaults section, as haproxy copies them.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule, Report } from "../../lint/rule.js";
import { checkType } from "./check-type.js";
import { describe, optionOf, searchFor, where, type HaproxyModel, type Located, type Placed, type SectionModel } from "./model.js";

const MULTIPLEXERS: ReadonlyMap<string, { readonly mode: "http" | "tcp" | "spop"; readonly sides: "both" | "server" | "client" }> = new Map([
  ["h1", { mode: "http", sides: "both" }],
  ["h2", { mode: "http", sides: "both" }],
  ["fcgi", { mode: "http", sides: "server" }],
  ["none", { mode: "tcp", sides: "both" }],
  // QUIC builds only, and on the client side only before 3.3's QUIC servers: a 2.6 server line with
  // `proto h3` is "unknown MUX protocol 'h3'" in any build (measured on 2.6.12, a build without QUIC).
  ["h3", { mode: "http", sides: "client" }],
  ["quic", { mode: "http", sides: "client" }],
  // 3.2 on (earlier releases do not know it: HA004), for the agents of a backend in mode spop only
  // (measured on 3.2.26: in mode http or tcp, "MUX protocol 'spop' is not usable for server 's'").
  ["spop", { mode: "spop", sides: "server" }],
]);

searchFor("proto");
searchFor("check-proto");

export const protoModeMismatch: HaproxyRule = {
  meta: {
    id: "HA065",
    alias: "proto-mode-mismatch",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a bind or server 'proto' whose protocol does not fit the proxy's mode (h2 in mode tcp) or side (fcgi on a bind), a FastCGI server without its application or the other way round, or a server's 'check-proto' or a check's 'connect proto' that does not fit the check type",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const placed of model.mentioning("check-proto")) if (placed.keyword === "server") checkProtoReports(model, placed, report);
    for (const keyword of ["tcp-check", "http-check"]) for (const placed of model.withKeyword(keyword)) if (placed.value(0) === "connect") connectProtoReports(model, placed, report);
    const mentions = model.mentioning("proto");
    const apps = model.withKeyword("use-fcgi-app");
    if (mentions.length === 0 && apps.length === 0) return;
    // `default-server … proto X` of each section, in order, for the servers after them.
    const defaultsOf = new Map<SectionModel, Placed[]>();
    for (const placed of mentions) if (placed.keyword === "default-server") (defaultsOf.get(placed.section) ?? defaultsOf.set(placed.section, []).get(placed.section)!).push(placed);
    const inherited = (section: SectionModel, line: number): Placed | undefined => {
      const own = (defaultsOf.get(section) ?? []).filter((d) => d.statement.range.start.line < line && protoOf(d)).at(-1);
      if (own) return own;
      for (const holder of model.defaultsChain(section)) {
        const found = (defaultsOf.get(holder) ?? []).filter((d) => protoOf(d)).at(-1);
        if (found) return found;
      }
      return undefined;
    };

    fastCgiReports(model, apps, mentions, (server) => protoOf(server) ?? protoOf(inherited(server.section, server.statement.range.start.line)), report);
    if (mentions.length === 0) return;

    const check = (placed: Placed, side: "bind" | "server", from: Placed) => {
      const section = placed.section;
      if (!section.isProxy || section.type === "defaults") return;
      const proto = protoOf(from);
      if (!proto?.mux || proto.word.value.includes("$")) return;
      if (proto.mux.mode === "spop" && (model.version === "2.6" || model.version === "3.0")) return;
      const { mode, from: modeFrom } = model.mode(section);
      // A proxy in mode log takes no HTTP multiplexer either (measured on 3.2.26: "proxy 'fe3' : MUX
      // protocol 'h2' is not usable for 'bind 127.0.0.1:20003'", "… for server 'hap_srv'"; found by mutations).
      const logMux = mode === "log" && model.version !== "2.6" && proto.mux.mode === "http";
      if (modeFrom?.statement.guard || ((mode !== "http" && mode !== "tcp") && !logMux)) return;
      const fitsSide = side === "server" ? proto.mux.sides !== "client" || model.version === "3.4" : proto.mux.sides !== "server";
      if (fitsSide && proto.mux.mode === mode) return;
      const what = side === "bind" ? `'bind ${placed.statement.args[0]?.value ?? ""}'` : `server '${placed.statement.args[0]?.value ?? ""}'`;
      const why = !fitsSide
        ? side === "bind"
          ? `'${proto.word.value}' speaks to servers only; a bind cannot use it`
          : `'${proto.word.value}' speaks to clients only (on bind lines) before haproxy 3.3; a server cannot use it`
        : `'${proto.word.value}' is ${proto.mux.mode === "http" ? "an HTTP" : proto.mux.mode === "spop" ? "the SPOP agents'" : "a TCP"} protocol and ${describe(section)} is in mode ${mode}${modeNote(modeFrom, section)}`;
      const own = from === placed;
      report({
        uri: section.uri,
        range: own ? proto.word.range : (placed.statement.args[0] ?? placed.statement.keyword).range,
        message: `${why}: haproxy refuses 'proto ${proto.word.value}' for ${what}${own ? "" : ` (it comes from the default-server on ${where(from.section.uri, from.statement.range, section.uri)})`}`,
        ...(own ? {} : { related: [{ uri: from.section.uri, range: proto.word.range, message: "the default-server that gives the proto" }] }),
      });
    };

    for (const placed of mentions) {
      if (placed.keyword === "bind") check(placed, "bind", placed);
      else if (placed.keyword === "server" && protoOf(placed)) check(placed, "server", placed);
    }
    if (defaultsOf.size === 0) return;
    // Servers without a proto of their own, in sections that inherit one.
    const mentioned = new Set(mentions);
    for (const placed of model.withKeyword("server")) {
      if (mentioned.has(placed) && protoOf(placed)) continue;
      const from = inherited(placed.section, placed.statement.range.start.line);
      if (from) check(placed, "server", from);
    }
  },
};

/**
 * A server's `check-proto`: its checks speak that multiplexer, which must fit the backend's check
 * type (measured on 2.6.12, 3.0.11 and 3.2.26: `check check-proto h2` without `option httpchk`, or
 * `check-proto none` with it, is "server 's' uses an incompatible MUX protocol for the selected check
 * type"; `check-proto h3` is "unknown MUX protocol 'h3'"). Without `check` on the line it passes; a
 * `check-proto` of a default-server is not judged (haproxy takes `default-server check-proto h2` then
 * `server … check` without a word).
 */
function checkProtoReports(model: HaproxyModel, placed: Placed, report: (problem: Report) => void): void {
  const options = placed.options;
  const reading = placed.reading;
  if (!options || reading.kind !== "known") return;
  const option = options.options.find((o) => o.spec?.name === "check-proto" && o.count > 0);
  if (!option) return;
  const word = reading.args[option.at + 1]!;
  const mux = MULTIPLEXERS.get(word.value);
  if (!mux || word.value.includes("$")) return;
  const section = placed.section;
  if (mux.sides === "client" && model.version !== "3.4") {
    report({ uri: section.uri, range: word.range, message: `'${word.value}' speaks to clients only (on bind lines) before haproxy 3.3; a server's checks cannot use it: haproxy refuses 'check-proto ${word.value}'` });
    return;
  }
  if (!section.isProxy || section.type === "defaults" || !options.options.some((o) => o.spec?.name === "check")) return;
  const type = checkType(model, section);
  if (type?.statement.guard) return;
  const name = type ? optionOf(type.statement)?.name : undefined;
  const http = name === "httpchk";
  if ((mux.mode === "http") === http) return;
  const kind = http ? "HTTP checks ('option httpchk')" : name ? `'option ${name}' checks, which are not HTTP` : "plain TCP checks (no 'option httpchk')";
  report({
    uri: section.uri,
    range: word.range,
    message: `'${word.value}' is ${mux.mode === "http" ? "an HTTP" : "a TCP"} protocol and ${describe(section)} runs ${kind}: haproxy refuses server '${placed.statement.args[0]?.value ?? ""}' (an incompatible protocol for its check type)`,
  });
}

/** The `proto` option of a bind, server or default-server line, with its multiplexer when haproxy has it. */
function protoOf(placed: Placed | undefined): { readonly word: Word; readonly mux: (typeof MULTIPLEXERS extends ReadonlyMap<string, infer M> ? M : never) | undefined } | undefined {
  const options = placed?.options;
  const reading = placed?.reading;
  if (!options || reading?.kind !== "known") return undefined;
  for (const option of options.options) {
    if (option.spec?.name !== "proto" || option.count < 1) continue;
    const word = reading.args[option.at + 1]!;
    return { word, mux: MULTIPLEXERS.get(word.value) };
  }
  return undefined;
}

/**
 * A backend's FastCGI servers and its FastCGI application go together (measured on 2.6.12, 3.0.11
 * and 3.2.26): a server that speaks `proto fcgi` (its own, or a default-server's) in a backend with
 * no `use-fcgi-app` is "FCGI server 's' has no FCGI app configured", and a `use-fcgi-app` in a backend
 * none of whose servers speaks it (or that has none) "FCGI app configured but no FCGI server found".
 */
function fastCgiReports(model: HaproxyModel, apps: readonly Placed[], mentions: readonly Placed[], protoOfServer: (server: Placed) => ReturnType<typeof protoOf>, report: (problem: Report) => void): void {
  if (apps.length === 0 && !mentions.some((placed) => protoOf(placed)?.word.value === "fcgi")) return;
  for (const section of model.sectionsOfType("backend", "listen")) {
    const app = apps.find((placed) => placed.section === section);
    const servers = model.placedIn(section).filter((placed) => placed.keyword === "server" || placed.keyword === "server-template");
    const fastCgi = servers.find((server) => protoOfServer(server)?.word.value === "fcgi");
    if (!app === !fastCgi) continue;
    const guarded = [app, fastCgi, ...servers].some((placed) => placed?.statement.guard !== undefined || placed?.statement.words.some((word) => word.text.includes("$")));
    if (guarded) continue;
    if (fastCgi) {
      const own = protoOf(fastCgi);
      report({ uri: section.uri, range: (own?.word ?? fastCgi.statement.args[0] ?? fastCgi.statement.keyword).range, message: `server '${fastCgi.statement.args[0]?.value ?? ""}' speaks FastCGI (proto fcgi), and ${describe(section)} names no FastCGI application: haproxy refuses it (add 'use-fcgi-app NAME' and its fcgi-app section)` });
    } else if (app) {
      report({ uri: section.uri, range: app.statement.keyword.range, message: `${describe(section)} uses a FastCGI application, and none of its servers speaks FastCGI ('proto fcgi'): haproxy refuses it` });
    }
  }
}

/**
 * The `proto` of a `tcp-check connect` or `http-check connect` step (measured on 2.6.12, 3.0.11 and
 * 3.2.26): a tcp-check speaks no HTTP multiplexer ("invalid MUX protocol 'h2' for tcp-check"; `h1`,
 * `fcgi`, from 3.0 `quic`, at 3.2 `spop` alike) and an http-check no plain TCP (`none`, at 3.2 `spop`);
 * `h3` is "unknown MUX protocol" in both, and `quic` at 2.6. Names no release knows are HA004's.
 */
function connectProtoReports(model: HaproxyModel, placed: Placed, report: (problem: Report) => void): void {
  const args = placed.statement.args;
  const at = args.findIndex((word) => word.value === "proto");
  const word = at > 0 ? args[at + 1] : undefined;
  if (!word || word.value.includes("$")) return;
  const tcp = placed.keyword === "tcp-check";
  const name = word.value;
  const later = model.version !== "2.6";
  const unknown = name === "h3" || (name === "quic" && !later);
  const http = name === "h1" || name === "h2" || name === "fcgi" || name === "quic";
  const spop = name === "spop" && model.version !== "2.6" && model.version !== "3.0";
  const invalid = tcp ? http || spop : name === "none" || spop;
  if (!unknown && !invalid) return;
  report({
    uri: placed.section.uri,
    range: word.range,
    message: unknown
      ? `'${name}' is no multiplexer a health check can speak (haproxy ${model.version} answers "unknown MUX protocol"): haproxy refuses this ${placed.keyword} connect`
      : `'${name}' is not a multiplexer a${tcp ? " tcp-check (plain TCP) can use" : "n http-check (h1, h2 or fcgi) can use"}: haproxy refuses this ${placed.keyword} connect ("invalid MUX protocol")`,
  });
}

function modeNote(from: Located | undefined, section: SectionModel): string {
  if (!from) return " (haproxy's default)";
  return from.section === section ? "" : ` (from ${describe(from.section)})`;
}
