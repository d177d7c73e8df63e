// HA054: request rules written after the lines that choose a backend or a server. haproxy always
// evaluates tcp-request, monitor fail, http-request and redirect rules before use_backend,
// default_backend and use-server, whatever the order in the file, so such a layout misleads.
// haproxy 2.6 warns for rules placed after a `use_backend` or `use-server` rule ("a 'http-request'
// rule placed after a 'use_backend' rule will still be processed before"), and says nothing about
// rules after `default_backend`.
//
// haproxy names only one earlier rule per warning: it checks the kinds that run after the new rule
// in a fixed order (tcp-request session, tcp-request content, monitor, http-request, redirect,
// use_backend, use-server) and names the first one present. When that is a request rule
// (`tcp-request` after `http-request`, `http-request` after `redirect`), the warning belongs to
// HA028 (rule-order), which mirrors those; this rule reports only the cases where the backend or
// server choice is the first reason, so that one line never gets both findings.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { isGuarded } from "./model.js";
import type { SectionModel } from "./model.js";
import { moveAbove, MoveBarriers } from "./move-rules.js";
import { spanWords } from "./options.js";
import { lineOf } from "./proxy-settings.js";

type Kind = "tcp-conn" | "tcp-sess" | "tcp-cont" | "monitor" | "http-req" | "redirect" | "use_backend" | "use-server" | "default_backend";

/** The kinds haproxy looks for before a rule of each kind, in its order; the switching kinds come last. */
const CHECKED_AFTER: Readonly<Partial<Record<Kind, readonly Kind[]>>> = {
  "tcp-conn": ["tcp-sess", "tcp-cont", "monitor", "http-req", "redirect", "use_backend", "use-server"],
  "tcp-sess": ["tcp-cont", "monitor", "http-req", "redirect", "use_backend", "use-server"],
  "tcp-cont": ["monitor", "http-req", "redirect", "use_backend", "use-server"],
  monitor: ["http-req", "redirect", "use_backend", "use-server"],
  "http-req": ["redirect", "use_backend", "use-server"],
  redirect: ["use_backend", "use-server"],
};

const SWITCHING: ReadonlySet<Kind> = new Set(["use_backend", "use-server", "default_backend"]);

function kindOf(statement: Statement): Kind | undefined {
  const keyword = statement.keyword.value;
  const first = statement.args[0]?.value;
  switch (keyword) {
    case "tcp-request":
      return first === "connection" ? "tcp-conn" : first === "session" ? "tcp-sess" : first === "content" ? "tcp-cont" : undefined;
    case "monitor":
      return first === "fail" ? "monitor" : undefined;
    case "http-request":
      return "http-req";
    case "redirect":
    case "use_backend":
    case "use-server":
    case "default_backend":
      return keyword;
    default:
      return undefined;
  }
}

/** The keywords `kindOf` gives a kind to. */
const KIND_KEYWORDS: readonly string[] = ["tcp-request", "monitor", "http-request", "redirect", "use_backend", "use-server", "default_backend"];

/**
 * Whether the reported rules can all go above the first backend choice: no ACL or `.if` line
 * stands in between, nor a request rule that stays (it would change places with the moved ones).
 */
function movable(section: SectionModel, first: Statement, moved: readonly Statement[], rules: readonly Statement[]): boolean {
  const from = first.range.start.offset;
  const to = moved[moved.length - 1]!.range.start.offset;
  if (new MoveBarriers(section).between(from, to)) return false;
  const moving = new Set(moved);
  return rules.every((rule) => {
    const at = rule.range.start.offset;
    if (at <= from || at >= to || moving.has(rule)) return true;
    const kind = kindOf(rule);
    return !isGuarded(rule) && (kind === undefined || SWITCHING.has(kind));
  });
}

export const ruleAfterUseBackend: HaproxyRule = {
  meta: {
    id: "HA054",
    alias: "rule-after-use-backend",
    product: "haproxy",
    severity: "warning",
    category: "style",
    description: "a request rule is written after use_backend, default_backend or use-server, but haproxy evaluates it before them",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    const seen = new Map<Kind, Statement>();
    for (const section of model.sectionsOfType("frontend", "listen", "backend")) {
      const lines = model.keywordsIn(section, KIND_KEYWORDS);
      // A rule after a backend or server choice needs both.
      if (lines.length < 2) continue;
      seen.clear();
      const found: { statement: Statement; report: Parameters<typeof report>[0] }[] = [];
      let firstChoice: Statement | undefined;
      for (const statement of lines) {
        if (isGuarded(statement)) continue;
        const kind = kindOf(statement);
        if (!kind) continue;
        const checked = CHECKED_AFTER[kind];
        if (checked) {
          const named = checked.find((k) => seen.has(k));
          const switching = named !== undefined ? (SWITCHING.has(named) ? seen.get(named) : undefined) : seen.get("default_backend");
          if (switching) {
            const chooser = switching.keyword.value;
            const head = kind.startsWith("tcp") || kind === "monitor" ? spanWords(statement.keyword, statement.args[0]!) : statement.keyword.range;
            const written = statement.words.slice(0, kind.startsWith("tcp") || kind === "monitor" ? 2 : 1).map((w) => w.value).join(" ");
            found.push({
              statement,
              report: {
                uri: section.uri,
                range: head,
                related: [{ uri: section.uri, range: switching.keyword.range, message: `the ${chooser} it is written after` }],
                message: `this '${written}' rule is written after the ${chooser} on ${lineOf(switching, section.uri, section.uri)}, but haproxy evaluates it before choosing a ${chooser === "use-server" ? "server" : "backend"}; move it above`,
              },
            });
          }
        }
        if (SWITCHING.has(kind)) firstChoice ??= statement;
        if (!seen.has(kind)) seen.set(kind, statement);
      }
      if (found.length === 0) continue;
      // Offered, not applied by --fix: a reader may have meant the rules to come after.
      const moved = found.map(({ statement }) => statement);
      const move = firstChoice && movable(section, firstChoice, moved, lines) ? moveAbove(model, section, firstChoice, moved) : undefined;
      for (const each of found) report(move ? { ...each.report, suggestions: [move] } : each.report);
    }
  },
};
