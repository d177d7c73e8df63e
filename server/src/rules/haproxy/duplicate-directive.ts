// HA022: a single-valued setting written twice in one section. What haproxy 2.6 does with the
// repeat was measured per keyword (`haproxy -c`, and a running instance's `show info`):
//   - in proxies, and for most global settings, the last value wins silently (haproxy warns only
//     for some timeouts: "overwriting 'timeout client' which was already specified");
//   - some global settings keep the FIRST value: haproxy prints "[ALERT] 'maxconn' already
//     specified. Continuing." and still exits 0 (maxconn, pidfile, chroot, ulimit-n, user/uid,
//     group/gid, maxconnrate, maxsessrate, maxsslrate, maxpipes, spread-checks, server-state-base,
//     server-state-file, log-send-hostname, cluster-secret, fd-hard-limit), and so does a proxy's
//     `tcp-request inspect-delay` ("ignoring tcp-request inspect-delay (was already defined)");
//   - a few repeats are refused: ca-base and crt-base in global, stick-table and use-fcgi-app in a
//     proxy: those are errors.
// The list is kept short on purpose: only settings that certainly take one value. Statements in
// different branches of one `.if` block are never both read and are not compared.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { Range } from "../../../../grammars/common/text.js";
import { removeLineFix } from "../../lint/fixes.js";
import type { Fix, HaproxyRule } from "../../lint/rule.js";
import { argValue, exclusive, span, where, type SectionModel } from "./model.js";

type Outcome = "last" | "first" | "refused";

const PROXY_SETTINGS: ReadonlyMap<string, Outcome> = new Map<string, Outcome>([
  ...["mode", "balance", "maxconn", "fullconn", "default_backend", "log-format-sd", "unique-id-format", "unique-id-header", "cookie", "retries", "hash-type", "backlog", "monitor-uri", "log-tag", "http-reuse", "dispatch", "server-state-file-name", "load-server-state-from-file", "max-keep-alive-queue"].map((k) => [k, "last"] as const),
  ["stick-table", "refused"],
  ["use-fcgi-app", "refused"],
  // "proxy li2 reuses same custom id as proxy li2" (haproxy 2.6.12)
  ["id", "refused"],
]);

/** Two-word settings of proxies: `timeout X`, `stats uri`… */
const PROXY_PAIRS: ReadonlyMap<string, ReadonlySet<string> | "any"> = new Map<string, ReadonlySet<string> | "any">([
  ["timeout", "any"],
  ["stats", new Set(["uri", "realm", "refresh"])],
  ["email-alert", new Set(["from", "to", "level", "mailers", "myhostname"])],
  ["rate-limit", new Set(["sessions"])],
]);

const GLOBAL_SETTINGS: ReadonlyMap<string, Outcome> = new Map<string, Outcome>([
  ...["maxconn", "pidfile", "chroot", "ulimit-n", "maxconnrate", "maxsessrate", "maxsslrate", "maxpipes", "spread-checks", "server-state-base", "server-state-file", "log-send-hostname", "cluster-secret", "fd-hard-limit"].map((k) => [k, "first"] as const),
  ...["nbthread", "node", "hard-stop-after", "localpeer", "maxsslconn", "maxcomprate", "maxcompcpuusage", "maxzlibmem", "log-tag", "ssl-default-bind-ciphers", "ssl-default-bind-ciphersuites", "ssl-default-server-ciphers", "ssl-default-server-ciphersuites", "ssl-server-verify"].map((k) => [k, "last"] as const),
  ["ca-base", "refused"],
  ["crt-base", "refused"],
]);

/** `user` and `uid` set one thing, as do `group` and `gid`. */
const GLOBAL_ALIASES: Readonly<Record<string, string>> = { uid: "user", gid: "group" };

const OTHER_SETTINGS: Readonly<Record<string, ReadonlySet<string>>> = {
  resolvers: new Set(["resolve_retries", "accepted_payload_size"]),
  cache: new Set(["total-max-size", "max-age", "max-object-size", "process-vary", "max-secondary-entries"]),
  ring: new Set(["size", "format", "maxlen", "description"]),
  mailers: new Set([]),
};

/**
 * `log-format` and `option httplog|httpslog|tcplog` set one thing, the log format: the last one
 * wins (haproxy 2.6.12 says so only in a defaults section: "'log-format' overrides previous 'option
 * httplog' in 'defaults' section").
 */
const LOG_FORMAT = "log format";
const LOG_OPTIONS: ReadonlySet<string> = new Set(["httplog", "httpslog", "tcplog"]);

/** A setting a statement sets: its key, what haproxy does with a repeat, and the words that name it. */
class Setting {
  constructor(
    readonly key: string,
    readonly outcome: Outcome,
    private readonly statement: Statement,
    /** Whether the setting's name takes the second word too (`timeout client`). */
    private readonly twoWords: boolean,
    /** What the statement is called in a message, when not the key (`option httplog` sets the log format). */
    readonly name: string = key,
  ) {}

  /** Made only when a finding needs it. */
  get range(): Range {
    return this.twoWords ? span(this.statement.keyword.range, this.statement.args[0]!.range) : this.statement.keyword.range;
  }
}

const PROXIES: ReadonlySet<string> = new Set(["defaults", "frontend", "backend", "listen"]);

/** The keywords for which `settingOf` can find a setting in a proxy: it finds none for the others. */
const PROXY_KEYWORDS: ReadonlySet<string> = new Set([...PROXY_SETTINGS.keys(), "log-format", "option", "tcp-request", "tcp-response", ...PROXY_PAIRS.keys()]);

/** The setting a statement sets; undefined for anything else. */
function settingOf(type: string, statement: Statement, keyword = statement.keyword.value): Setting | undefined {
  // The first argument's value is read (without making the words) only for the keywords that need it.
  const proxy = type === "defaults" || type === "frontend" || type === "backend" || type === "listen";
  if (proxy) {
    const outcome = PROXY_SETTINGS.get(keyword);
    if (outcome) return new Setting(keyword, outcome, statement, false);
    if (keyword === "log-format") return new Setting(LOG_FORMAT, "last", statement, false, keyword);
    if (keyword === "option") {
      const option = argValue(statement, 0);
      return option !== undefined && LOG_OPTIONS.has(option) ? new Setting(LOG_FORMAT, "last", statement, true, `option ${option}`) : undefined;
    }
    // haproxy keeps the first inspect delay: "ignoring tcp-request inspect-delay (was already defined)".
    if ((keyword === "tcp-request" || keyword === "tcp-response") && argValue(statement, 0) === "inspect-delay") {
      return new Setting(`${keyword} inspect-delay`, "first", statement, true);
    }
    const pair = PROXY_PAIRS.get(keyword);
    if (!pair) return undefined;
    const value = argValue(statement, 0);
    if (value !== undefined && (pair === "any" || pair.has(value))) return new Setting(`${keyword} ${value}`, "last", statement, true);
    return undefined;
  }
  if (type === "global") {
    const name = GLOBAL_ALIASES[keyword] ?? keyword;
    if (name === "user" || name === "group") return new Setting(name, "first", statement, false);
    const outcome = GLOBAL_SETTINGS.get(name) ?? (name.startsWith("tune.") ? "last" : undefined);
    if (outcome) return new Setting(name, outcome, statement, false);
    if (keyword === "stats") {
      const value = argValue(statement, 0);
      if (value === "timeout" || value === "maxconn") return new Setting(`stats ${value}`, "last", statement, true);
    }
    return undefined;
  }
  if (keyword === "timeout" && (type === "resolvers" || type === "mailers" || type === "ring" || type === "log-forward")) {
    const value = argValue(statement, 0);
    if (value !== undefined) return new Setting(`timeout ${value}`, "last", statement, true);
  }
  if (type === "resolvers" && keyword === "hold") {
    const value = argValue(statement, 0);
    if (value !== undefined) return new Setting(`hold ${value}`, "last", statement, true);
  }
  // "One listener per \"peers\" section is authorized but another is already configured" (haproxy 2.6.12).
  if (type === "peers" && keyword === "bind") return new Setting(keyword, "refused", statement, false);
  if (OTHER_SETTINGS[type]?.has(keyword)) return new Setting(keyword, "last", statement, false);
  return undefined;
}

function sameValue(a: Statement, b: Statement): boolean {
  return a.words.length === b.words.length && a.words.every((w, i) => w.value === b.words[i]!.value);
}

/** The first (or last) of `earlier` that can be read together with `statement` (see `exclusive`). */
function readTogether(earlier: readonly Statement[], statement: Statement, first: boolean): Statement | undefined {
  if (first) {
    for (let i = 0; i < earlier.length; i++) if (!exclusive(earlier[i]!, statement)) return earlier[i];
  } else {
    for (let i = earlier.length - 1; i >= 0; i--) if (!exclusive(earlier[i]!, statement)) return earlier[i];
  }
  return undefined;
}

export const duplicateDirective: HaproxyRule = {
  meta: {
    id: "HA022",
    alias: "duplicate-directive",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a setting that takes one value is set twice in one section",
    fixable: true,
    native: "partly",
  },
  check({ model, report }) {
    const seen = new Map<string, Statement[]>();
    // haproxy reads every global section into one set of settings: a repeat in a later global
    // section is one too ("'maxconn' already specified. Continuing.", haproxy 2.6.12, a real file
    // of two configurations pasted together).
    const globalSeen = new Map<string, Statement[]>();
    const sectionOf = new Map<Statement, SectionModel>();
    for (const section of model.sections) {
      const global = section.type === "global";
      if (!global) seen.clear();
      const settings = global ? globalSeen : seen;
      const placed = model.placedIn(section);
      const proxy = PROXIES.has(section.type);
      for (let i = 0; i < placed.length; i++) {
        const { statement, keyword } = placed[i]!;
        // A proxy's many lines of other keywords (servers) are passed over with one look-up.
        if (proxy && !PROXY_KEYWORDS.has(keyword)) continue;
        const setting = settingOf(section.type, statement, keyword);
        if (!setting) continue;
        const written = settings.get(setting.key) ?? settings.set(setting.key, []).get(setting.key)!;
        // The first (or last) earlier one that can be read together with this one.
        const previous = readTogether(written, statement, setting.outcome === "first");
        written.push(statement);
        if (global) sectionOf.set(statement, section);
        if (!previous) continue;
        const previousSection = sectionOf.get(previous) ?? section;
        const previousUri = previousSection.uri;
        const place = where(previousUri, previous.range, section.uri);
        const identical = sameValue(previous, statement);
        const earlier = settingOf(section.type, previous)!;
        const related = [{ uri: previousUri, range: earlier.range, message: `the earlier '${earlier.name}'` }];
        const message =
          earlier.name !== setting.name
            ? `'${setting.name}' replaces the log format '${earlier.name}' sets on ${place}; haproxy uses this last one${section.type === "defaults" ? " (and warns)" : ""}`
            : setting.outcome === "refused"
            ? `'${setting.key}' is already set on ${place}; haproxy refuses a second one ${previousSection === section ? "in the same section" : "in another global section too"}`
            : setting.outcome === "first"
              ? `'${setting.key}' is already set on ${place}; haproxy ignores this one and keeps the first value`
              : identical
                ? `'${setting.name}' repeats ${place} with the same value; remove one`
                : `'${setting.name}' is already set on ${place}; haproxy ${section.type === "defaults" && setting.key === LOG_FORMAT ? "warns and" : "silently"} uses this last value`;
        // The line haproxy does without: removing it changes nothing but the text. Only a repeat of
        // the same value is removed by --fix; otherwise which value was meant is the user's call.
        const lines = model.linesOf(section.uri);
        const unused = setting.outcome === "last" && !identical ? previous : statement;
        // A fix edits this section's file only: an earlier line in another file is left alone.
        const removal = lines && (unused === statement || previousUri === section.uri) && removeLineFix(lines, unused.range, unused === statement ? "remove this line" : `remove the earlier '${earlier.name}' (${place}), which haproxy overrides`);
        const fixes: { fix?: Fix; suggestions?: Fix[] } = !removal ? {} : identical && setting.outcome === "last" ? { fix: removal } : { suggestions: [removal] };
        report({
          range: setting.range,
          uri: section.uri,
          message,
          related,
          ...fixes,
          ...(setting.outcome === "refused" ? { severity: "error" as const } : identical && setting.outcome === "last" ? { severity: "info" as const } : {}),
        });
      }
    }
  },
};
