// Which proxies parse a format string (`log-format` and its kin): haproxy parses one in each proxy
// that uses it, not where it is written, so a string that no proxy uses is never read, and a mistake
// in it goes unreported by haproxy.
import { ignoredInBackend } from "./keywords.js";
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyModel, SectionModel } from "./model.js";

/** Format keywords a proxy uses only when it takes connections: a frontend or a listen. */
const FRONTEND_FORMATS: ReadonlySet<string> = new Set(["log-format", "log-format-sd", "error-log-format"]);
/** Format keywords every proxy uses (a backend's unique id too). */
const PROXY_FORMATS: ReadonlySet<string> = new Set(["unique-id-format"]);

/**
 * Whether haproxy never parses the format string of `keyword` written in `section`, so that no
 * mistake in it is reported: `log-format` in a backend (ignored, string and all), or a string of a
 * defaults section that proxies inherit but none of them uses. Measured on 2.6.12, 3.0.11 and 3.2.26:
 * a defaults' `log-format "%[nosuchfetch]"` passes when only backends inherit it, or when the
 * frontends inherit another `log-format` from a nearer defaults (`defaults mid from base`), and fails
 * as soon as a frontend inherits it; a bad `unique-id-format` fails with a backend heir. A defaults
 * section no proxy inherits is still checked: it is most often one file of a configuration split
 * over several, whose proxies are in the others.
 */
export function formatNeverParsed(model: HaproxyModel, section: SectionModel, keyword: string): boolean {
  if (ignoredInBackend(section, keyword)) return true;
  if (section.type !== "defaults") return false;
  const frontendOnly = FRONTEND_FORMATS.has(keyword);
  if (!frontendOnly && !PROXY_FORMATS.has(keyword)) return false;
  const proxies = model.heirs(section).filter((heir) => heir.type !== "defaults");
  if (proxies.length === 0) return false;
  return !proxies.some((proxy) => {
    if (frontendOnly && proxy.type === "backend") return false;
    // The proxy's own string, or a nearer defaults', replaces this one before it is parsed.
    if (model.has(proxy, keyword)) return false;
    for (const parent of model.defaultsChain(proxy)) {
      if (parent === section) return true;
      if (model.has(parent, keyword)) return false;
    }
    return false;
  });
}

/**
 * Whether haproxy never parses the expression of a `balance hash EXPR` line: it parses the one
 * algorithm a proxy ends up with, when it checks the proxy. Measured on 2.6.12, 3.0.11 and 3.2.26 (the
 * fourteenth mutation round): `balance hash nosuchfetch` passes when a later `balance` of the same
 * section replaces it, and in a defaults section whose heirs are all frontends or set a `balance` of
 * their own (or a nearer defaults does); it fails in a backend that inherits it. A defaults section no
 * proxy inherits is still checked, as for format strings.
 */
export function balanceNeverParsed(model: HaproxyModel, section: SectionModel, statement: Statement, last: Statement | undefined): boolean {
  if (last !== undefined && last !== statement) return true;
  if (section.type !== "defaults") return false;
  const proxies = model.heirs(section).filter((heir) => heir.type !== "defaults");
  if (proxies.length === 0) return false;
  return !proxies.some((proxy) => {
    if (proxy.type === "frontend" || model.has(proxy, "balance")) return false;
    for (const parent of model.defaultsChain(proxy)) {
      if (parent === section) return true;
      if (model.has(parent, "balance")) return false;
    }
    return false;
  });
}
