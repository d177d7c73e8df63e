// HA040: the statistics page or the runtime API open to whoever reaches them. Measured with haproxy
// 2.6: any `stats` line of an HTTP proxy turns the page on at /haproxy?stats (`stats admin if TRUE`,
// `stats realm`, `stats auth` alone do), `stats` lines of a `defaults` section turn it on in every
// proxy that inherits them, and a `mode tcp` proxy ignores them (with a warning). haproxy itself
// says nothing about an open page, `stats admin if TRUE` or guessable credentials (h38).
import type { Range } from "../../../../grammars/common/text.js";
import type { Condition, Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule, Report } from "../../lint/rule.js";
import type { HaproxyModel, SectionModel } from "./model.js";
import { parseAddress, parseAddressList, rangeInWord, spanWords, type SocketAddress } from "./options.js";
import { describe, effectiveMode, frontendsReaching, globalStatements, withDefaults } from "./proxy-settings.js";

/** `stats` sub-keywords that do not belong to the statistics page. */
const NOT_PAGE = new Set(["socket", "bind-process", "timeout", "maxconn"]);

/** Passwords found in every list of default credentials. */
const GUESSABLE = new Set([
  "", "admin", "administrator", "password", "passw0rd", "password1", "haproxy", "stats", "statistics", "secret",
  "changeme", "change-me", "default", "root", "toor", "test", "guest", "pass", "letmein", "qwerty", "1234", "12345",
  "123456", "12345678", "123456789", "admin123", "admin1234",
]);

interface Exposure {
  readonly word: Word;
  readonly address: SocketAddress;
  readonly frontend: SectionModel;
}

/** The first bind of a frontend that listens on a non-loopback IP address. */
function exposedBind(model: HaproxyModel, section: SectionModel): Exposure | undefined {
  for (const statement of model.keywordIn(section, "bind")) {
    if (!statement.args[0]) continue;
    const word = statement.args[0];
    const address = parseAddressList(word).find((a) => a.kind === "inet" && !a.loopback);
    if (address) return { word, address, frontend: section };
  }
  return undefined;
}

const REFUSING_HTTP = new Set(["deny", "reject", "tarpit", "silent-drop", "auth"]);
const REFUSING_TCP = new Set(["reject", "silent-drop"]);

/** Whether the proxy (or its defaults) asks for credentials. */
function authenticates(model: HaproxyModel, section: SectionModel): boolean {
  return withDefaults(model, section).some(
    (owner) =>
      model.keywordIn(owner, "stats").some((s) => s.args[0]?.value === "auth" || (s.args[0]?.value === "http-request" && s.args[1]?.value === "auth")) ||
      model.keywordIn(owner, "http-request").some((s) => s.args[0]?.value === "auth"),
  );
}

/** Whether the proxy has any rule that refuses some requests or connections: an access restriction we trust. */
function restricts(model: HaproxyModel, section: SectionModel): boolean {
  if (authenticates(model, section)) return true;
  return withDefaults(model, section).some(
    (owner) =>
      model.keywordIn(owner, "stats").some((s) => s.args[0]?.value === "http-request" && s.args[1]?.value === "deny") ||
      model.keywordIn(owner, "http-request").some((s) => REFUSING_HTTP.has(s.args[0]?.value ?? "")) ||
      model.keywordIn(owner, "tcp-request").some((s) => REFUSING_TCP.has(s.args[1]?.value ?? "")),
  );
}

/** Whether `if`/`unless` always holds: `if TRUE`, `unless FALSE`, `if !FALSE`. */
function alwaysTrue(condition: Condition | undefined): boolean {
  const alternatives = condition?.expression?.alternatives;
  if (!condition || !alternatives || alternatives.length !== 1 || alternatives[0]!.terms.length !== 1) return false;
  const term = alternatives[0]!.terms[0]!;
  if (term.kind !== "acl" || (term.name !== "TRUE" && term.name !== "FALSE")) return false;
  return (term.name === "TRUE") !== term.negated !== condition.negated;
}

function where(exposure: Exposure, section: SectionModel): string {
  const through = exposure.frontend === section ? "" : ` through ${describe(exposure.frontend)}`;
  return `'${exposure.word.value}'${through}`;
}

export const statsWithoutAuth: HaproxyRule = {
  meta: {
    id: "HA040",
    alias: "stats-without-auth",
    product: "haproxy",
    severity: "warning",
    category: "security",
    description: "the statistics page or the runtime API is open to anyone who can reach it",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const seen = new Set<Statement>();
    const once = (statement: Statement, problem: Report) => {
      if (seen.has(statement)) return;
      seen.add(statement);
      report(problem);
    };

    for (const section of model.sectionsOfType("frontend", "listen", "backend")) {
      // Most proxies have no `stats` line, nor have their defaults.
      if (!model.has(section, "stats") && !model.defaultsChain(section).some((owner) => model.has(owner, "stats"))) continue;
      if (effectiveMode(model, section) !== "http") continue;
      const owners = withDefaults(model, section);
      const stats = owners.flatMap((owner) =>
        model.keywordIn(owner, "stats").filter((s) => s.args[0] !== undefined && !NOT_PAGE.has(s.args[0].value)).map((statement) => ({ statement, owner })),
      );
      if (stats.length === 0 || restricts(model, section)) continue;
      const frontends = section.type === "backend" ? frontendsReaching(model, section) : [section];
      const exposure = frontends
        .filter((fe) => fe === section || !restricts(model, fe))
        .map((fe) => exposedBind(model, fe))
        .find((e): e is Exposure => e !== undefined);
      if (!exposure) continue;

      const own = stats.filter((s) => s.owner === section);
      const enabling = own.find((s) => ["enable", "uri"].includes(s.statement.args[0]!.value)) ?? own[0] ?? stats[0]!;
      const { statement, owner } = enabling;
      once(statement, {
        uri: owner.uri,
        range: spanWords(statement.keyword, statement.args[statement.args[0]!.value === "uri" && statement.args[1] ? 1 : 0]!),
        message: `the statistics page of ${describe(section)} is served on ${where(exposure, section)} without authentication or an access rule`,
      });
      for (const { statement: admin, owner: adminOwner } of stats) {
        if (admin.args[0]!.value !== "admin" || !alwaysTrue(admin.condition)) continue;
        once(admin, {
          uri: adminOwner.uri,
          range: admin.condition!.range,
          message: `with 'stats admin ${admin.condition!.range.text}' and no authentication, anyone who reaches ${where(exposure, section)} can disable servers and kill sessions`,
        });
      }
    }

    // Credentials anyone would try first.
    for (const { statement, section } of [...model.withKeyword("stats"), ...model.withKeyword("user")]) {
      let credentials: { user: string; password: string; word: Word; range: Range } | undefined;
      if (statement.keyword.value === "stats" && statement.args[0]?.value === "auth" && statement.args[1]) {
        const word = statement.args[1];
        const colon = word.value.indexOf(":");
        if (colon >= 0) credentials = { user: word.value.slice(0, colon), password: word.value.slice(colon + 1), word, range: rangeInWord(word, colon + 1, word.value.length) };
      } else if (section.type === "userlist" && statement.keyword.value === "user" && statement.args[1]?.value === "insecure-password" && statement.args[2]) {
        credentials = { user: statement.args[0]!.value, password: statement.args[2].value, word: statement.args[2], range: statement.args[2].range };
      }
      if (!credentials) continue;
      const { user, password, word, range } = credentials;
      if (!GUESSABLE.has(password.toLowerCase()) && password.toLowerCase() !== user.toLowerCase()) continue;
      report({
        uri: section.uri,
        range: password === "" ? word.range : range,
        message: password === "" ? `user '${user}' has an empty password` : `'${password}' is a password anyone would try first for user '${user}'`,
      });
    }

    // The runtime API has no authentication of its own.
    for (const { statement, section } of globalStatements(model)) {
      if (statement.keyword.value !== "stats" || statement.args[0]?.value !== "socket" || !statement.args[1]) continue;
      const word = statement.args[1];
      const address = parseAddress(word.value);
      if (address.kind !== "inet" || address.loopback) continue;
      const level = statement.args.findIndex((w) => w.value === "level");
      const admin = level >= 0 && statement.args[level + 1]?.value === "admin";
      report({
        uri: section.uri,
        range: word.range,
        message: `the runtime API listens on '${word.value}' with no authentication: anyone who reaches it can ${admin ? "change anything, servers and maps included" : "read everything it shows"}`,
      });
    }
  },
};
