// HA055: an HTTP proxy that sees WebSocket (or other Upgrade) traffic, and backends that carry it
// without `timeout tunnel`. Once a connection is upgraded, haproxy applies `timeout tunnel`; when it
// is not set, the client and server timeouts (often 30 s to a minute) cut idle WebSockets. The
// evidence is an ACL on the Upgrade header, on `Connection: upgrade`, or a `websocket` pattern. In a
// frontend, the backends concerned are those its upgrade ACLs route to, else all it routes to.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import type { HaproxyModel, SectionModel } from "./model.js";
import { describe, effectiveMode, is, routes } from "./proxy-settings.js";
import { readCriterion } from "./sample-expr.js";
import { inlineAcls } from "./unanchored-host-regex.js";

const HEADER_FETCHES = new Set(["hdr", "req.hdr", "fhdr", "req.fhdr"]);

/** The word that shows an ACL tests for an upgrade, if it does. */
function upgradeEvidence(words: readonly Word[]): Word | undefined {
  const criterion = readCriterion(words);
  if (!criterion) return undefined;
  if (HEADER_FETCHES.has(criterion.base) && criterion.argument === "upgrade") return criterion.word;
  const patterns = criterion.patterns.map((w) => w.value.toLowerCase());
  if (HEADER_FETCHES.has(criterion.base) && criterion.argument === "connection" && patterns.some((p) => p.includes("upgrade"))) return criterion.word;
  const websocket = criterion.patterns.find((w) => w.value.toLowerCase() === "websocket");
  return websocket ? criterion.word : undefined;
}

/** Whether a non-zero `timeout tunnel` applies (measured: `timeout tunnel 0` falls back to the client and server timeouts). */
function hasTunnelTimeout(model: HaproxyModel, section: SectionModel): boolean {
  const setting = model.keywordSetting(section, "timeout", (s) => is(s, "timeout", "tunnel"));
  const value = setting?.statement.args[1]?.value;
  return value !== undefined && !/^0+(?:us|ms|s|m|h|d)?$/.test(value);
}

export const timeoutTunnel: HaproxyRule = {
  meta: {
    id: "HA055",
    alias: "timeout-tunnel",
    product: "haproxy",
    severity: "info",
    category: "best-practice",
    description: "WebSocket or other upgraded connections reach a backend that has no timeout tunnel",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    // Only sections with a line that speaks of an upgrade or a WebSocket can show the evidence.
    const speaking = new Set(model.mentioning(/upgrade|websocket/i).map((placed) => placed.section));
    for (const section of model.sectionsOfType("frontend", "listen", "backend")) {
      if (!speaking.has(section) || effectiveMode(model, section) !== "http") continue;
      // Upgrade ACLs by name, and the first word that shows one.
      const upgradeAcls = new Set<string>();
      let evidence: Word | undefined;
      for (const [name, statements] of model.aclsDefinedIn(section)) {
        for (const statement of statements) {
          const found = upgradeEvidence(statement.args.slice(1));
          if (found) {
            upgradeAcls.add(name);
            evidence ??= found;
          }
        }
      }
      const upgradeRoutes = new Set<string>();
      for (const statement of section.statements) {
        if (statement.condition === undefined) continue;
        for (const words of inlineAcls(statement.condition)) {
          const found = upgradeEvidence(words);
          if (found) {
            evidence ??= found;
            if (statement.keyword.value === "use_backend") upgradeRoutes.add(statement.args[0]?.value ?? "");
          }
        }
        const named = statement.condition?.expression?.alternatives.some((a) => a.terms.some((t) => t.kind === "acl" && !t.negated && upgradeAcls.has(t.name)));
        if (named && statement.keyword.value === "use_backend") upgradeRoutes.add(statement.args[0]?.value ?? "");
      }
      if (!evidence) continue;

      let targets: SectionModel[];
      if (section.type === "backend") targets = [section];
      else {
        const all = routes(model, section);
        const chosen = upgradeRoutes.size > 0 ? all.filter((r) => upgradeRoutes.has(r.name)) : all;
        targets = chosen.flatMap((r) => r.backends);
        if (section.type === "listen" && (upgradeRoutes.size === 0 || targets.length === 0)) targets.push(section);
      }
      const missing = [...new Set(targets)].filter((b) => !hasTunnelTimeout(model, b));
      if (missing.length === 0) continue;
      const names = missing.map(describe).join(", ");
      report({
        uri: section.uri,
        range: evidence.range,
        related: missing.map((b) => ({ uri: b.uri, range: b.section.header.keyword.range, message: `${describe(b)} has no timeout tunnel` })),
        message: `upgraded connections (WebSocket) go to ${names} without 'timeout tunnel': idle ones are cut when the client or server timeout expires`,
      });
    }
  },
};
