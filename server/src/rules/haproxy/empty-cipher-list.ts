// HA090: a cipher list that can select no cipher. OpenSSL takes a TLS 1.2 cipher string as long as
// one element selects a cipher, and a TLS 1.3 suite list as long as one name is a suite it knows;
// otherwise haproxy cannot set the list on a TLS bind or server and refuses the configuration
// ("unable to set SSL cipher list", "unable to set TLS 1.3 cipher suites"). Measured on haproxy
// 2.6.12, 3.0.11 and 3.2.26 (OpenSSL 3.0): a TLS 1.2 list made only of exclusions (`!aNULL`,
// `-ALL`), moves (`+HIGH`), `@STRENGTH` or `@SECLEVEL=n`, or of TLS 1.3 suites
// (`TLS_AES_128_GCM_SHA256`) is refused, and a TLS 1.3 list with no `TLS_` name (`ECDHE-RSA-…`,
// `FOO`). What the OpenSSL build decides is a warning: `PROFILE=SYSTEM` (Red Hat's OpenSSL only) and
// IANA names (`TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`: refused by 2.6.12 on OpenSSL 3.0, taken by
// 3.0.11 and 3.2.26 on OpenSSL 3.5). One element that may select something is enough: the list is then left alone.
// A list nothing uses (no `ssl` on the line, or a global default no TLS bind or server takes) is
// not set at all: haproxy says nothing, so the finding is a warning there.
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule, Report } from "../../lint/rule.js";
import { searchFor, type HaproxyModel } from "./model.js";
import { bindOptions, serverOptions, type LineOption } from "./options.js";
import { globalStatements } from "./proxy-settings.js";

type Kind = "ciphers" | "ciphersuites";

interface Verdict {
  readonly message: string;
  /** PROFILE=SYSTEM: the list works where OpenSSL is Red Hat's. */
  readonly buildDependent: boolean;
}

/** The TLS 1.3 suites OpenSSL knows: names it never reads in a TLS 1.2 cipher string. */
const TLS13_SUITES: ReadonlySet<string> = new Set([
  "TLS_AES_128_GCM_SHA256",
  "TLS_AES_256_GCM_SHA384",
  "TLS_CHACHA20_POLY1305_SHA256",
  "TLS_AES_128_CCM_SHA256",
  "TLS_AES_128_CCM_8_SHA256",
]);

/** Why a TLS 1.2 cipher string selects nothing, or undefined when one element may select a cipher. */
function emptyCipherString(value: string, where: string): Verdict | undefined {
  const elements = value.split(/[:, ]+/).filter((element) => element !== "");
  if (elements.length === 0) return undefined;
  let profile: string | undefined;
  let iana: string | undefined;
  let tls13: string | undefined;
  for (const element of elements) {
    const first = element[0];
    if (first === "!" || first === "-" || first === "+" || first === "@") continue;
    if (/^PROFILE=/i.test(element)) profile ??= element;
    else if (TLS13_SUITES.has(element)) tls13 ??= element;
    else if (/^TLS_\w+_WITH_\w+$/.test(element)) iana ??= element;
    else return undefined;
  }
  if (profile) {
    return {
      message: `'${profile}' is understood only by the OpenSSL of Red Hat systems (their system-wide crypto policy): with any other OpenSSL this cipher list selects nothing and haproxy refuses it ("unable to set SSL cipher list"); list the ciphers themselves`,
      buildDependent: true,
    };
  }
  if (iana) {
    return {
      message: `'${iana}' is an IANA cipher name, which OpenSSL reads in a cipher list only from 3.2 on: with an older OpenSSL this list selects nothing and haproxy refuses it ("unable to set SSL cipher list"); use OpenSSL's names (such as 'ECDHE-RSA-AES128-GCM-SHA256')`,
      buildDependent: true,
    };
  }
  if (tls13) {
    return {
      message: `this TLS 1.2 cipher list selects no cipher: '${tls13}' is a TLS 1.3 suite, which OpenSSL does not read here, so haproxy refuses the list ("unable to set SSL cipher list"); put TLS 1.3 suites in '${where}'`,
      buildDependent: false,
    };
  }
  return {
    message: `this cipher list only removes, reorders or ranks ciphers and selects none, so haproxy refuses it ("unable to set SSL cipher list"); start it with the ciphers to use (e.g. 'HIGH:!aNULL')`,
    buildDependent: false,
  };
}

/** Why a TLS 1.3 suite list selects nothing, or undefined when one name may be a suite. */
function emptySuiteList(value: string, where: string): Verdict | undefined {
  const names = value.split(":").filter((name) => name !== "");
  if (names.length === 0 || names.some((name) => /^TLS_/.test(name))) return undefined;
  const looksOld = names.find((name) => /[-+]/.test(name));
  return {
    message: `none of these is a TLS 1.3 cipher suite (they are named 'TLS_AES_128_GCM_SHA256' and so on), so haproxy refuses the list ("unable to set TLS 1.3 cipher suites")${looksOld ? `; '${looksOld}' belongs in '${where}'` : ""}`,
    buildDependent: false,
  };
}

function verdict(kind: Kind, value: string, side: "bind" | "server", global: boolean): Verdict | undefined {
  const other = global ? `ssl-default-${side}-${kind === "ciphers" ? "ciphersuites" : "ciphers"}` : kind === "ciphers" ? "ciphersuites" : "ciphers";
  return kind === "ciphers" ? emptyCipherString(value, other) : emptySuiteList(value, other);
}

searchFor("ciphers", "ciphersuites", "ssl", "check-ssl");

function own(options: readonly LineOption[], name: string): boolean {
  return options.some((option) => option.name === name);
}

/** Whether some TLS bind (or server) of the file takes the global default of that kind: it has `ssl` and no list of its own. */
function globalDefaultUsed(model: HaproxyModel, side: "bind" | "server", kind: Kind): boolean {
  for (const { statement, section, keyword } of model.mentioning(...(side === "server" ? ["ssl", "check-ssl"] : ["ssl"]))) {
    if (!section.isProxy) continue;
    const isSide = side === "bind" ? keyword === "bind" : keyword === "server" || keyword === "server-template" || keyword === "default-server";
    if (!isSide) continue;
    const options = side === "bind" ? bindOptions(statement) : serverOptions(statement);
    if ((own(options, "ssl") || (side === "server" && own(options, "check-ssl"))) && !own(options, kind)) return true;
  }
  return false;
}

function reportList(word: Word, found: Verdict, used: boolean, uri: string, report: (r: Report) => void): void {
  const severity = found.buildDependent || !used ? "warning" : "error";
  const unused = used ? "" : " (nothing uses this list now: no TLS bind or server takes it)";
  report({ uri, range: word.range, message: found.message + unused, ...(severity === "warning" ? { severity } : {}) });
}

function checkLine(statement: Statement, side: "bind" | "server", uri: string, report: (r: Report) => void): void {
  const options = side === "bind" ? bindOptions(statement) : serverOptions(statement);
  for (const option of options) {
    if ((option.name !== "ciphers" && option.name !== "ciphersuites") || !option.value) continue;
    const found = verdict(option.name, option.value.value, side, false);
    if (!found) continue;
    // Used when the line itself says `ssl` or `check-ssl` (TLS that a server takes from a default-server line is not
    // followed: the finding is then a warning, never an error haproxy would not give).
    const used = own(options, "ssl") || own(options, "check-ssl");
    reportList(option.value, found, used, uri, report);
  }
}

export const emptyCipherList: HaproxyRule = {
  meta: {
    id: "HA090",
    alias: "empty-cipher-list",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a cipher list or TLS 1.3 suite list selects no cipher, so haproxy cannot set it on a TLS bind or server",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const { statement, section, keyword } of model.mentioning("ciphers", "ciphersuites")) {
      if (!section.isProxy) continue;
      if (keyword === "bind") checkLine(statement, "bind", section.uri, report);
      else if (keyword === "server" || keyword === "server-template" || keyword === "default-server") checkLine(statement, "server", section.uri, report);
    }
    for (const { statement, section } of globalStatements(model)) {
      const match = /^ssl-default-(bind|server)-(ciphers|ciphersuites)$/.exec(statement.keyword.value);
      const word = statement.args[0];
      if (!match || !word) continue;
      const side = match[1] as "bind" | "server";
      const kind = match[2] as Kind;
      const found = verdict(kind, word.value, side, true);
      if (found) reportList(word, found, globalDefaultUsed(model, side, kind), section.uri, report);
    }
  },
};
