// HA042: TLS settings that let connections fall back to broken protocol versions or cipher suites:
// `ssl-min-ver` below TLSv1.2, `ssl-max-ver` below it, `force-sslv3|tlsv10|tlsv11`, cipher lists
// that enable RC4, DES/3DES, MD5, NULL, export or anonymous suites, and DH groups under 2048 bits.
// haproxy 2.6 accepts them silently (h38). How much of it takes effect depends on the OpenSSL
// build: with OpenSSL 3 at security level 2, a cipher list made only of such suites or `force-sslv3`
// is refused at startup, while a mixed list is accepted and its weak part dropped by OpenSSL.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { replaceRange } from "../../lint/fixes.js";
import type { Fix, HaproxyRule, Report } from "../../lint/rule.js";
import { bindOptions, optionList, rangeInWord, serverOptions, spanWords, type LineOption } from "./options.js";
import { globalStatements, integer } from "./proxy-settings.js";
import { searchFor } from "./model.js";

const VERSIONS = ["SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"];
const MODERN = VERSIONS.indexOf("TLSv1.2");

const FORCED_OLD: Readonly<Record<string, string>> = { "force-sslv3": "SSL 3.0", "force-tlsv10": "TLS 1.0", "force-tlsv11": "TLS 1.1" };

/** Cipher-string words that select broken suites (OpenSSL names and aliases). */
const WEAK_CIPHERS: Readonly<Record<string, string>> = {
  RC4: "RC4",
  DES: "DES",
  "3DES": "3DES",
  CBC3: "3DES",
  MD5: "MD5",
  NULL: "no encryption",
  eNULL: "no encryption",
  aNULL: "no authentication",
  ADH: "no authentication",
  AECDH: "no authentication",
  EXP: "export-grade keys",
  EXPORT: "export-grade keys",
  EXPORT40: "export-grade keys",
  EXPORT56: "export-grade keys",
  LOW: "low-strength keys",
};

function human(version: string): string {
  return version === "SSLv3" ? "SSL 3.0" : version.replace("TLSv", "TLS ");
}

/** Findings for a list of bind or server options. */
function checkOptions(options: readonly LineOption[], uri: string, report: (r: Report) => void): void {
  for (const option of options) {
    const forced = FORCED_OLD[option.name];
    if (forced) {
      report({ uri, range: option.word.range, message: `'${option.name}' allows ${forced} only, a protocol version with known attacks` });
      continue;
    }
    if ((option.name === "ssl-min-ver" || option.name === "ssl-max-ver") && option.value) {
      const index = VERSIONS.indexOf(option.value.value);
      if (index < 0 || index >= MODERN) continue;
      report({
        uri,
        range: spanWords(option.word, option.value),
        message:
          option.name === "ssl-min-ver"
            ? `'ssl-min-ver ${option.value.value}' lets connections fall back to ${human(option.value.value)}; 1.0 and 1.1 are deprecated (RFC 8996)`
            : `'ssl-max-ver ${option.value.value}' holds connections at ${human(option.value.value)} or older`,
        ...(option.name === "ssl-min-ver" ? { suggestions: [replaceRange(option.value.range, "TLSv1.2", "require TLS 1.2 or later")] } : {}),
      });
      continue;
    }
    if (option.name === "ciphers" && option.value) checkCiphers(option.value, uri, report);
  }
}

/** Reports the elements of an OpenSSL cipher string that enable broken suites and are not removed later with `!`. */
export function checkCiphers(word: Word, uri: string, report: (r: Report) => void): void {
  const value = word.value;
  const elements: { text: string; start: number }[] = [];
  const separator = /[:, ]+/g;
  let start = 0;
  for (const match of value.matchAll(separator)) {
    elements.push({ text: value.slice(start, match.index), start });
    start = match.index + match[0].length;
  }
  elements.push({ text: value.slice(start), start });
  const removed = new Set(elements.filter((e) => e.text.startsWith("!")).map((e) => e.text.slice(1)));
  /** Taking an element out of the list with one of the separators beside it (the list keeps the others). */
  const listed = elements.filter((e) => e.text !== "").length;
  const removal = (index: number): { suggestions?: Fix[] } => {
    if (listed < 2) return {};
    const element = elements[index]!;
    const next = elements[index + 1];
    const previous = elements[index - 1];
    const [from, to] = next ? [element.start, next.start] : [previous!.start + previous!.text.length, element.start + element.text.length];
    const range = rangeInWord(word, from, to);
    // A quoted or escaped word where the piece cannot be placed gives the whole word back: never remove that.
    if (range.end.offset - range.start.offset !== to - from || range.start.offset === word.range.start.offset && range.end.offset === word.range.end.offset) return {};
    return { suggestions: [replaceRange(range, "", `remove '${element.text}' from the list`)] };
  };
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    const text = element.text.replace(/^\++/, "");
    if (text === "" || text.startsWith("!") || text.startsWith("-")) continue;
    if (/^@SECLEVEL=0$/i.test(text)) {
      report({ uri, range: rangeInWord(word, element.start, element.start + element.text.length), message: "'@SECLEVEL=0' turns off every minimum OpenSSL enforces on keys and protocol versions" });
      continue;
    }
    const parts = text.split(/[-+]/);
    // DES-CBC3-SHA is triple DES: name it so rather than single DES.
    const weak = parts.includes("CBC3") && !removed.has("3DES") ? "CBC3" : parts.find((part) => WEAK_CIPHERS[part] !== undefined && !removed.has(part));
    if (weak === undefined) continue;
    report({
      uri,
      range: rangeInWord(word, element.start, element.start + element.text.length),
      message: `'${text}' enables cipher suites with ${WEAK_CIPHERS[weak]}`,
      ...removal(index),
    });
  }
}

/** The option names `checkOptions` reports on. */
const CHECKED_OPTIONS: ReadonlySet<string> = new Set([...Object.keys(FORCED_OLD), "ssl-min-ver", "ssl-max-ver", "ciphers"]);

searchFor(...CHECKED_OPTIONS);

export const weakTls: HaproxyRule = {
  meta: {
    id: "HA042",
    alias: "weak-tls",
    product: "haproxy",
    severity: "warning",
    category: "security",
    description: "TLS settings allow protocol versions, cipher suites or DH groups that are known to be broken",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    // Only the lines that name one of the options looked at.
    for (const { statement, section, keyword } of model.mentioning(...CHECKED_OPTIONS)) {
      if (!section.isProxy) continue;
      if (keyword === "bind") checkOptions(bindOptions(statement), section.uri, report);
      else if (keyword === "server" || keyword === "server-template" || keyword === "default-server") checkOptions(serverOptions(statement), section.uri, report);
    }
    for (const { statement, section } of globalStatements(model)) {
      switch (statement.keyword.value) {
        case "ssl-default-bind-options":
          checkOptions(optionList(statement.args, "bind"), section.uri, report);
          break;
        case "ssl-default-server-options":
          checkOptions(optionList(statement.args, "server"), section.uri, report);
          break;
        case "ssl-default-bind-ciphers":
        case "ssl-default-server-ciphers":
          if (statement.args[0]) checkCiphers(statement.args[0], section.uri, report);
          break;
        case "tune.ssl.default-dh-param": {
          const bits = integer(statement.args[0]);
          if (bits !== undefined && bits < 2048) {
            report({ uri: section.uri, range: statement.args[0]!.range, message: `${bits}-bit Diffie-Hellman parameters can be broken (Logjam); use 2048 or more` });
          }
          break;
        }
      }
    }
  },
};
