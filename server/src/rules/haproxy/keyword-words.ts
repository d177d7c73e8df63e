// HA004 checks of proxy keywords whose words haproxy reads one by one, each measured with haproxy
// 2.6.12 ("'retry-on': unknown keyword 'all'", "'hash-type' only supports 'sdbm', 'djb2', 'crc32',
// or 'wt6' hash functions", "'domain' expects <domain> as argument", "unknown log level",
// "'option forwardfor except' expects <address>[/mask]", "persist rdp-cookie(name)' requires an
// rdp cookie name", "'declare capture' requires a direction", "'source' only supports optional
// keywords 'interface' and 'usesrc'"). Where the 3.4 manual lists more words (retry-on 421 and
// 429, hash-type none), targets after 2.6 take them.
import { holdsVariable, notIn } from "./word-lists.js";
import { PROCESS_CHECKS } from "./process-words.js";
import { SECTION_CHECKS } from "./section-words.js";
import { LATER_GLOBAL_CHECKS, ocspDelayReports } from "./later-global-words.js";
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule, Report } from "../../lint/rule.js";
import { haproxyConverter, haproxyFetch } from "../../facts/haproxy.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import { suggest } from "../../lint/suggest.js";
import { compareVersions } from "../../facts/versions.js";
import { addressProblem } from "./acl-address-pattern.js";
import { captureReports, httpErrorReports, markValueReports, trackReports } from "./action-options.js";
import { variableNameProblem } from "./action-words.js";
import { badHost, portColon } from "./log-target.js";
import { parseTime, type Placed } from "./model.js";
import { atolInt32, C_INTEGER, leadingInteger, timeTooLong, toleratedTimeNote } from "./numbers.js";
import { hasVariable } from "./keywords.js";
import { lastConverterName } from "./sample-expr.js";

type Context = Parameters<HaproxyRule["check"]>[0];

const RETRY_ON_26 = ["none", "conn-failure", "empty-response", "junk-response", "response-timeout", "0rtt-rejected", "all-retryable-errors", "401", "403", "404", "408", "425", "500", "501", "502", "503", "504"];
// Measured: 3.0.11 takes 429 and refuses 421 ("'retry-on': unknown keyword '421'"), 3.2.26 takes both.
const RETRY_ON_30 = [...RETRY_ON_26, "429"];
const RETRY_ON_LATER = [...RETRY_ON_26, "421", "429"];
const HASH_FUNCTIONS_26 = ["sdbm", "djb2", "wt6", "crc32"];
const HASH_FUNCTIONS_LATER = [...HASH_FUNCTIONS_26, "none"];
const LOG_LEVELS = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];
/** `cookie` options: those alone, and those followed by a value. */
const COOKIE_FLAGS = new Set(["rewrite", "insert", "prefix", "indirect", "nocache", "postonly", "preserve", "httponly", "secure", "dynamic"]);
const COOKIE_VALUES = new Set(["domain", "maxidle", "maxlife", "attr"]);



function retryOnReports(args: readonly Word[], version: string): Report[] {
  const list = version === "2.6" ? RETRY_ON_26 : version === "3.0" ? RETRY_ON_30 : RETRY_ON_LATER;
  return args.flatMap((word) => notIn(word, list, "a retry-on event"));
}

function hashTypeReports(args: readonly Word[], version: string): Report[] {
  // The method (args[0]) is a closed list checked with the other keywords' values.
  return [...notIn(args[1], version === "2.6" ? HASH_FUNCTIONS_26 : HASH_FUNCTIONS_LATER, "a hash function"), ...notIn(args[2], ["avalanche"], "a hash modifier")];
}

/** Seconds per unit of a time read in seconds (a unit below the second comes to 0). */
const SECONDS: Readonly<Record<string, number>> = { us: 0, ms: 0, s: 1, m: 60, h: 3600, d: 86400 };

function cookieReports(args: readonly Word[], version: string): Report[] {
  const warnings: Report[] = [];
  for (let i = 1; i < args.length; i++) {
    const word = args[i]!;
    if (holdsVariable(word) || COOKIE_FLAGS.has(word.value)) continue;
    if (!COOKIE_VALUES.has(word.value)) {
      return [{ range: word.range, message: `'${word.value}' is not a cookie option (${[...COOKIE_FLAGS, ...COOKIE_VALUES].join(", ")}); haproxy refuses the line` }];
    }
    const value = args[i + 1];
    if (!value) return [{ range: word.range, message: `'${word.value}' needs a value; haproxy refuses the line` }];
    i++;
    if (word.value === "domain" && !holdsVariable(value)) {
      const domain = cookieDomainReport(value);
      if (domain?.severity === "warning") warnings.push(domain);
      else if (domain) return [domain];
    }
    if ((word.value === "maxidle" || word.value === "maxlife") && !holdsVariable(value)) {
      // In seconds, held to 2147483647 of them ("timer overflow in argument <25000d> to <maxidle>"); at 2.6 a
      // unit with more after it (`3600ss`) is read with a warning (measured).
      if (parseTime(value.value)) {
        const seconds = Number(parseTime(value.value)!.number) * (SECONDS[parseTime(value.value)!.unit ?? "s"] ?? 1);
        if (seconds > 2147483647) return [{ range: value.range, message: `'${value.value}' is longer than haproxy's limit of 2147483647 s for '${word.value}'; haproxy refuses the line` }];
        continue;
      }
      const tolerated = toleratedTimeNote(value.value, version, "cookie");
      const message = `'${value.value}' is not a time for '${word.value}' (a number with an optional unit: us, ms, s, m, h, d)`;
      return [tolerated ? { severity: "warning" as const, range: value.range, message: `${message}${tolerated}` } : { range: value.range, message: `${message}; haproxy refuses the line` }];
    }
  }
  return warnings;
}

/**
 * A cookie `domain`: haproxy 2.6.12 refuses an ASCII character other than a letter, a digit, '.', '-'
 * or '_' ("character ':' is not permitted in domain name 'a:b.com'") and warns about a domain
 * without a dot ("contains no embedded dot, this configuration may not work properly"; measured).
 */
function cookieDomainReport(value: Word): Report | undefined {
  const bad = /[\x00-\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]/.exec(value.value)?.[0];
  if (bad !== undefined) return { range: value.range, message: `character '${bad}' is not allowed in the cookie domain '${value.value}' (letters, digits, '.', '-' and '_'); haproxy refuses the line` };
  if (!value.value.includes(".")) return { severity: "warning", range: value.range, message: `the cookie domain '${value.value}' has no dot, which haproxy warns may not work (RFC 6265, 5.2.3)` };
  return undefined;
}

function forwardforReports(args: readonly Word[]): Report[] {
  const except = args.findIndex((word) => word.value === "except");
  const network = except >= 0 ? args[except + 1] : undefined;
  if (!network || holdsVariable(network)) return [];
  const problem = addressProblem(network.value);
  return problem ? [{ range: network.range, message: `'${network.value}': ${problem}, where 'except' takes an address or network; haproxy refuses the line` }] : [];
}

/**
 * `persist rdp-cookie[(NAME)]`, the method the keyword's own second word, read from the line. haproxy
 * 2.6.12 wants a name up to the first ')' and ignores what follows it, refuses a word after
 * `rdp-cookie(NAME)` but not after a bare `rdp-cookie` (measured: `rdp-cookie(x)y`, `rdp-cookie(a(b)`
 * and `rdp-cookie x` pass; `rdp-cookie()`, `rdp-cookieabc` and `rdp-cookie(x) y` do not).
 */
function persistReports(_args: readonly Word[], _version: string, statement: Statement): Report[] {
  const method = statement.args[0];
  if (!method || holdsVariable(method) || !method.value.startsWith("rdp-cookie") || method.value === "rdp-cookie") return [];
  if (!/^rdp-cookie\([^)]/.test(method.value) || !method.value.includes(")")) return [{ range: method.range, message: `'${method.value}' is not 'rdp-cookie' or 'rdp-cookie(NAME)'; haproxy refuses the line` }];
  const extra = statement.args[1];
  return extra && !holdsVariable(extra) ? [{ range: extra.range, message: `'persist ${method.value}' takes nothing after it ('${extra.value}'); haproxy refuses the line` }] : [];
}

function declareCaptureReports(args: readonly Word[]): Report[] {
  // `declare capture request|response len N`: args start after `declare capture`.
  const reports = notIn(args[0], ["request", "response"], "a capture direction");
  if (reports.length > 0) return reports;
  if (args[1] && args[1].value !== "len" && !holdsVariable(args[1])) return [{ range: args[1].range, message: `'${args[1].value}': 'declare capture' wants 'len' and a length here; haproxy refuses the line` }];
  // Measured: `len` alone is "'len' requires a numeric value", `len +32` passes.
  if (args[1]?.value === "len" && !args[2]) return [{ range: args[1].range, message: "'len' needs the capture length; haproxy refuses the line" }];
  const length = args[1]?.value === "len" ? args[2] : undefined;
  if (!length || holdsVariable(length) || (/^\+?\d+$/.test(length.value) && Number(length.value) > 0)) return [];
  return [{ range: length.range, message: `'${length.value}' is not a capture length (a number of bytes); haproxy refuses the line` }];
}

function rateLimitReports(args: readonly Word[]): Report[] {
  // `rate-limit sessions N`: args start after `rate-limit sessions`.
  const rate = args[0];
  // Read as strtol(…, 0) does, sign and hexadecimal included (measured: `+10`, `0xa`, `-10` pass; `10x` does not).
  if (!rate || holdsVariable(rate) || /^[-+]?(?:0[xX][0-9a-fA-F]+|\d+)$/.test(rate.value)) return [];
  return [{ range: rate.range, message: `'${rate.value}' is not a number of sessions per second; haproxy refuses the line` }];
}

/**
 * The problem with the address of `source` or of its `usesrc`, as haproxy 2.6.12 reads it (measured:
 * "invalid address: '0.0.0.0/x'", "invalid port '65536'", "port offset not permitted here", "port
 * range not permitted here"). Host names are resolved, so only what no name can be is judged.
 */
export function sourceAddressProblem(value: string): string | undefined {
  if (value.includes("@")) return undefined;
  const colon = portColon(value);
  // The port follows the last ':' past any ']' (an IPv6 address goes in brackets or takes one more ':').
  const host = colon < 0 ? value : value.slice(0, colon);
  const port = colon < 0 ? "" : value.slice(colon + 1);
  const hostProblem = badHost(host);
  if (hostProblem) return hostProblem;
  if (/^[+-]/.test(port)) return `'${value}': a port offset is not taken here`;
  // Any '-' makes a range (a sweep: `0.0.0.0:1.2.3.4-5` is "port range not permitted here").
  if (port.includes("-")) return `'${value}': a port range is not taken here`;
  if (port !== "" && !/^\d/.test(port)) return `'${port}' is not a port`;
  // Kept in an int before its range is checked, as a server's port (a sweep: `:4294967296` is 0 and passes).
  if (/^\d+$/.test(port) && (atolInt32(port) < 0 || atolInt32(port) > 65535)) return `'${port}' is not a port between 0 and 65535`;
  return undefined;
}

function sourceReports(args: readonly Word[]): Report[] {
  const reports: Report[] = [];
  const address = args[0];
  const problem = address && !holdsVariable(address) ? sourceAddressProblem(address.value) : undefined;
  if (problem) reports.push({ range: address!.range, message: `${problem} in 'source'; haproxy refuses the line` });
  for (let i = 1; i < args.length; i++) {
    const word = args[i]!;
    if (holdsVariable(word)) return reports;
    if (word.value !== "usesrc" && word.value !== "interface") {
      return [...reports, { range: word.range, message: `'${word.value}' is not an option of 'source' (usesrc, interface); haproxy refuses the line` }];
    }
    if (!args[i + 1]) return [...reports, { range: word.range, message: `'${word.value}' needs a value; haproxy refuses the line` }];
    const used = args[i + 1]!;
    // `usesrc` takes an address, or `client`, `clientip` or `hdr_ip(…)`.
    const usesrc = word.value === "usesrc" && !holdsVariable(used) && !/^(?:client|clientip|hdr_ip\()/.test(used.value) ? sourceAddressProblem(used.value) : undefined;
    if (usesrc) reports.push({ range: used.range, message: `${usesrc} in 'usesrc'; haproxy refuses the line` });
    i++;
  }
  return reports;
}

/** What `ssl-default-bind-options` and `ssl-default-server-options` take in haproxy 2.6.12 (measured: every bind and server option tried). */
const TLS_DEFAULTS_26 = ["force-sslv3", "force-tlsv10", "force-tlsv11", "force-tlsv12", "force-tlsv13", "no-sslv3", "no-tls-tickets", "no-tlsv10", "no-tlsv11", "no-tlsv12", "no-tlsv13", "ssl-max-ver", "ssl-min-ver"];
const TLS_VERSIONS = ["SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"];

/** What 3.2.26 takes besides (measured: every bind and server option tried, as for 2.6.12; 3.0.11 takes what 2.6.12 does). */
const TLS_BIND_DEFAULTS_32 = ["strict-sni", "no-strict-sni", "tls-tickets"];

function tlsDefaultsReports(side: "bind" | "server"): (args: readonly Word[], version: string) => Report[] {
  return (args, version) => {
    const later = version !== "2.6" && version !== "3.0";
    const accepted = side === "bind" ? [...TLS_DEFAULTS_26, "prefer-client-ciphers", ...(later ? TLS_BIND_DEFAULTS_32 : [])] : TLS_DEFAULTS_26;
    for (let i = 0; i < args.length; i++) {
      const word = args[i]!;
      if (holdsVariable(word)) return [];
      if (word.value === "ssl-min-ver" || word.value === "ssl-max-ver") {
        const value = args[++i];
        if (!value) return [{ range: word.range, message: `'${word.value}' needs a TLS version (${TLS_VERSIONS.join(", ")}); haproxy refuses the line` }];
        if (!TLS_VERSIONS.includes(value.value) && !holdsVariable(value)) return [{ range: value.range, message: `'${value.value}' is not a TLS version (${TLS_VERSIONS.join(", ")}); haproxy refuses the line` }];
        continue;
      }
      if (!accepted.includes(word.value)) return [{ range: word.range, message: `'${word.value}' is not an option 'ssl-default-${side}-options' takes in haproxy ${later ? "3.2" : version} (${accepted.join(", ")}); haproxy refuses the line` }];
    }
    return [];
  };
}

/** `tcp-check connect` and `http-check connect`: their options, alone or with a value (manual 2.6 and 3.4 alike). */
const CONNECT_FLAGS = new Set(["default", "send-proxy", "via-socks4", "ssl", "linger"]);
const CONNECT_VALUES = new Set(["port", "addr", "sni", "alpn", "proto", "comment"]);

function checkConnectReports(args: readonly Word[], version: string): Report[] {
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (holdsVariable(word) || CONNECT_FLAGS.has(word.value)) continue;
    if (!CONNECT_VALUES.has(word.value)) {
      return [{ range: word.range, message: `'${word.value}' is not an option of a check's connect rule (${[...CONNECT_FLAGS, ...CONNECT_VALUES].join(", ")}); haproxy refuses the line` }];
    }
    const value = args[i + 1];
    if (!value) return [{ range: word.range, message: `'${word.value}' needs a value; haproxy refuses the line` }];
    i++;
    // A port is a number from 1 to 65535, or a sample expression (which starts with a letter).
    if (word.value === "port" && /^\d+$/.test(value.value) && (Number(value.value) < 1 || Number(value.value) > 65535)) {
      return [{ range: value.range, message: `'${value.value}' is not a port (1 to 65535); haproxy refuses the line` }];
    }
    // Dotted numbers are an IPv4 address (measured: `addr 1.2.3.300` is refused); names are not judged.
    const problem = word.value === "addr" && /^[\d.]+$/.test(value.value) ? addressProblem(value.value) : undefined;
    if (problem) return [{ range: value.range, message: `'${value.value}': ${problem}; haproxy refuses the line` }];
    // Measured: "'proto' : unknown MUX protocol 'bogus'".
    if (word.value === "proto" && !holdsVariable(value) && !MUXES.has(value.value) && !muxAt(value.value, version)) {
      return [{ range: value.range, message: `'${value.value}' is not a multiplexer haproxy knows (h1, h2, fcgi, …); haproxy refuses the line` }];
    }
  }
  return [];
}

/** `stats http-request { allow | deny | auth [realm REALM] }`, then only a condition. */
function statsRuleReports(args: readonly Word[]): Report[] {
  const action = args[0];
  if (!action || holdsVariable(action)) return [];
  if (!["allow", "deny", "auth"].includes(action.value)) {
    return [{ range: action.range, message: `'${action.value}' is not an action of 'stats http-request' (allow, deny, auth); haproxy refuses the line` }];
  }
  const next = args[1];
  if (!next || next.value === "if" || next.value === "unless" || holdsVariable(next)) return [];
  if (action.value === "auth" && next.value === "realm") return [];
  return [{ range: next.range, message: `'${next.value}' may not follow 'stats http-request ${action.value}'${action.value === "auth" ? " (only 'realm NAME')" : ""}, only a condition; haproxy refuses the line` }];
}

/** `mailer NAME ADDRESS:PORT` (mailers section): haproxy wants the port, and reads an IPv4-looking host as an address. */
function mailerReports(args: readonly Word[], version: string): Report[] {
  const address = args[1];
  if (!address || holdsVariable(address) || address.text.includes("$") || address.value.includes("@")) return [];
  const colon = portColon(address.value);
  // The port is read by its leading digits (measured: `:25abc` is 25), then held to 1..65535 ("invalid port '0'").
  const port = colon < 0 ? "" : address.value.slice(colon + 1);
  if (/^\d/.test(port) && !(Number(/^\d+/.exec(port)![0]) >= 1 && Number(/^\d+/.exec(port)![0]) <= 65535)) {
    return [{ range: address.range, message: `mailer address '${address.value}' has a port outside 1..65535; haproxy refuses it` }];
  }
  // 3.0 and 3.2 read the port whole (measured: "invalid character 'x' in port number '25x'").
  if (version !== "2.6" && /^\d+\D/.test(port)) return [{ range: address.range, message: `'${port}' is not a port in mailer address '${address.value}'; haproxy ${version} refuses it (2.6 read its leading digits)` }];
  if (colon < 0 || !/^\d/.test(port)) {
    return [{ range: address.range, message: `mailer address '${address.value}' has no port; haproxy refuses it (write '${/^\[[^\]]*\]/.exec(address.value)?.[0] ?? address.value.replace(/:.*$/, "")}:25')` }];
  }
  // A sweep: `:1.2.3.4-5` is "port range not permitted here".
  if (port.includes("-")) return [{ range: address.range, message: `mailer address '${address.value}' has a port range; haproxy refuses it` }];
  const host = badHost(address.value.slice(0, colon));
  return host ? [{ range: address.range, message: `${host} in mailer address '${address.value}'; haproxy refuses it` }] : [];
}

/** The global `set-var NAME EXPR` and `set-var-fmt NAME FORMAT`: a variable name haproxy can read. */
function globalVariableReports(args: readonly Word[]): Report[] {
  const name = args[0];
  const problem = name && !holdsVariable(name) ? variableNameProblem(name.value) : undefined;
  return problem ? [{ range: name!.range, message: `${problem}; haproxy refuses the line` }] : [];
}

/** A value haproxy refuses when it is zero (`stats timeout 0`, `tune.bufsize 0`), whatever else it reads. */
function notZero(what: string, after26 = false): (args: readonly Word[], version: string) => Report[] {
  return (args, version) => {
    // For 2.6, a keyword whose number has a range in the tables is checked there already.
    if (after26 && version === "2.6") return [];
    const value = args[0];
    if (!value || !/^0+(?:us|ms|s|m|h|d)?$/.test(value.value)) return [];
    return [{ range: value.range, message: `'${value.value}': ${what} must be above 0; haproxy refuses it` }];
  };
}

/**
 * `tune.bufsize`: not 0, and at 2.6 not below 337 bytes (352 once rounded up to 16), where haproxy's
 * default error messages do not fit: "invalid default message for HTTP return code 400" once a
 * proxy is declared (measured: 336 fails, 337 passes, whatever `tune.maxrewrite` says).
 */
function bufsizeReports(args: readonly Word[], version: string): Report[] {
  const value = args[0];
  // The same limit in 3.0.11 and 3.2.26 ("invalid default message for HTTP return code 405"; 336 fails, 337 passes).
  if (value && /^\d+$/.test(value.value) && Number(value.value) >= 1 && Number(value.value) <= 336) {
    return [{ range: value.range, message: `a buffer of ${value.value} bytes cannot hold haproxy's default error messages (337 at least); haproxy refuses the configuration` }];
  }
  // 2.6 and 3.0 read `16k` as 16 bytes with atol(), and then fail the same way, or crash below about
  // 100 bytes (measured on 2.6.12 and 3.0.11: `16k` and `2k` end -c with a segmentation fault, `64k`
  // is "invalid default message"); 3.2 reads the unit.
  const read = value && compareVersions(version, "3.2") < 0 && /^\d+[^\d]/.test(value.value) ? leadingInteger(value.value) : 0;
  if (value && read >= 1 && read <= 336) {
    return [{ range: value.range, message: `haproxy ${version === "2.6" ? "2.6" : "3.0"} reads '${value.value}' as ${read} bytes (it ignores what follows the digits), too small for its default error messages (337 at least): it refuses the configuration or crashes` }];
  }
  return notZero("the buffer size", true)(args, version);
}

/** C's atoi(): leading blanks, a sign, the digits that follow; 0 when there are none. */
function atoi(text: string): number {
  const match = /^[ \t]*([+-]?\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

/**
 * `server-template PREFIX NUMBER|LOW-HIGH ADDRESS`. haproxy 2.6.12 reads the number or each end of
 * the range with atoi() (`0x10` is 0, `10abc` is 10) and refuses a first server number below 0, a
 * range that runs backwards, and a count of 0 ("Wrong server-template number or range arg").
 */
function serverTemplateReports(args: readonly Word[]): Report[] {
  const range = args[1];
  if (!range || range.value.includes("$")) return [];
  const value = range.value;
  const dash = value.indexOf("-");
  // atoi() is strtol() kept in an int (measured on 2.6.12: `4294967297` is 1 server and passes,
  // `2147483648` and `4294967296` are "Wrong server-template number or range arg").
  const ends = dash < 0 ? [value] : [value, value.slice(dash + 1)];
  const low = dash < 0 ? 1 : atolInt32(value);
  const high = atolInt32(ends[ends.length - 1]!);
  const wrapped = ends.find((end) => atolInt32(end) !== atoi(end));
  if (low >= 0 && low <= high) {
    if (wrapped !== undefined && high > 65535) return [{ range: range.range, message: `'${value}' does not fit in an int: haproxy reads it as ${high} and tries to make that many servers` }];
    return wrapped === undefined ? [] : [{ severity: "warning", range: range.range, message: `'${value}' does not fit in an int: haproxy keeps the low 32 bits and reads ${dash < 0 ? `${high} server${high === 1 ? "" : "s"}` : `the range ${low}-${high}`} without a word` }];
  }
  const why = dash < 0 ? `haproxy reads ${high} servers` : low < 0 ? `haproxy reads the first server number as ${low}` : `haproxy reads the range ${low}-${high}, which runs backwards`;
  return [{ range: range.range, message: `'${value}' is not a server count or a range LOW-HIGH: ${why}${wrapped === undefined ? "" : " (it keeps the low 32 bits of the number)"}; haproxy refuses the line` }];
}

/**
 * The words after a balance algorithm, as haproxy 2.6.12 reads them ("balance hash requires a
 * sample expression", "balance hash takes no other argument", "balance url_param requires an URL
 * parameter name" / "only accepts 'check_post' modifier", "balance hdr(host) only accepts
 * 'use_domain_only' modifier", "balance uri : 'len' expects a positive integer", "balance uri only
 * accepts parameters 'len', 'depth', 'path-only', and 'whole'"). The other algorithms ignore what
 * follows them.
 */
function balanceReports(args: readonly Word[]): Report[] {
  const algorithm = args[0];
  if (!algorithm || args.some(holdsVariable)) return [];
  const name = algorithm.value;
  const refuse = (word: Word, message: string): Report[] => [{ range: word.range, message: `${message}; haproxy refuses the line` }];
  if (name === "hash") {
    if (!args[1]) return refuse(algorithm, "'balance hash' needs a sample expression to hash (balance hash req.hdr(host))");
    return args[2] ? refuse(args[2], `'balance hash' takes one expression and nothing after it ('${args[2].value}')`) : [];
  }
  if (name === "url_param") {
    if (!args[1]) return refuse(algorithm, "'balance url_param' needs the name of a URL parameter");
    return args[2] && args[2].value !== "check_post" ? refuse(args[2], `'${args[2].value}' may not follow 'balance url_param NAME', only 'check_post'`) : [];
  }
  if (name.startsWith("hdr(")) {
    return args[1] && args[1].value !== "use_domain_only" ? refuse(args[1], `'${args[1].value}' may not follow 'balance ${name}', only 'use_domain_only'`) : [];
  }
  if (name !== "uri") return [];
  for (let i = 1; i < args.length; i++) {
    const word = args[i]!;
    if (word.value === "path-only" || word.value === "whole") continue;
    if (word.value !== "len" && word.value !== "depth") return refuse(word, `'${word.value}' is not a 'balance uri' parameter (len, depth, path-only, whole)`);
    const value = args[i + 1];
    // haproxy reads the number with atoi(): leading digits, the rest ignored, kept in an int (measured:
    // `len 2147483648` and `4294967296` are refused, `4294967297` is 1).
    if (!value || !(atolInt32(value.value) > 0)) return refuse(value ?? word, `'${word.value}' needs a number above 0${value ? ` ('${value.value}'${atolInt32(value.value) === atoi(value.value) ? "" : `, read as ${atolInt32(value.value)}`})` : ""}`);
    i++;
  }
  return [];
}

/**
 * A ring's `size` below the 16384 bytes a ring starts with: haproxy 2.6.12 reads the value with
 * atol(), so `size 1M` is 1 byte, warns "ignoring new size '1' that is smaller than current size
 * '16384'" and then refuses the configuration (measured: exit 1). Later versions read the unit.
 */
function ringSizeReports(args: readonly Word[], version: string, _statement: Statement, sectionType?: string): Report[] {
  const value = args[0];
  if (sectionType !== "ring" || !value || holdsVariable(value)) return [];
  // Later versions read the unit, and refuse only 0 (measured on 3.0.11 and 3.2.26: "invalid size '0' for new sink buffer"; `size 100` passes).
  if (version !== "2.6") return /^0+[kmgKMG]?$/.test(value.value) ? [{ range: value.range, message: "a ring's size must be above 0; haproxy refuses the line" }] : [];
  const read = atoi(value.value);
  // haproxy allocates the buffer as it reads the line: `size 99999999999` is "fail to set sink buffer
  // size" on a machine of 23 GB, `size 21474836480` passes (measured): how much is too much depends
  // on the machine. Above 64 GB it is an error, from 2 GB a warning.
  if (read > 2147483647) {
    const huge = read > 68719476736;
    return [{ range: value.range, ...(huge ? {} : { severity: "warning" as const }), message: `'${value.value}' bytes for the ring's buffer, which haproxy allocates as it reads the file; it refuses the configuration ${huge ? "unless the machine can give that much" : "where the machine cannot give that much"}` }];
  }
  if (read <= 0 || read >= 16384) return [];
  return [{ range: value.range, message: `haproxy 2.6 reads '${value.value}' as ${read} bytes${/^\d+$/.test(value.value) ? "" : " (it ignores the unit)"}, below the 16384 a ring starts with, and refuses a ring made smaller` }];
}

/**
 * `tcp-request content` rules whose words are checked here: `track-sc*` and `capture` (as in the
 * http rule sets), and `switch-mode http [proto NAME]`: haproxy 2.6.12 knows one mode ("expects a
 * valid mode (got 'htttp')"), the multiplexers of `proto`, and nothing else before the condition
 * ("only accepts 'if' or 'unless'"), and not in a backend.
 */
function tcpContentReports(args: readonly Word[], version: string, _statement: Statement, sectionType?: string): Report[] {
  if (args.some(holdsVariable)) return [];
  if (/^track-sc\d+$/.test(args[0]?.value ?? "")) return trackReports(args);
  if (args[0]?.value === "capture") return captureReports("tcp-request content", args, version, sectionType);
  if (args[0]?.value === "set-mark" || args[0]?.value === "set-tos") return markValueReports(args[0].value, args[1]);
  if (args[0]?.value !== "switch-mode") return [];
  // Measured on 2.6.12: "'tcp-request switch-mode' not allowed because backend 'be' has no frontend capability" (a defaults section passes).
  if (sectionType === "backend") return [{ range: args[0].range, message: "'switch-mode' works in a frontend or listen section only: a backend has no frontend capability; haproxy refuses the line" }];
  const mode = args[1];
  if (!mode) return [];
  if (mode.value !== "http") return [{ range: mode.range, message: `'${mode.value}' is not a mode switch-mode takes (only 'http'); haproxy refuses the line` }];
  for (let i = 2; i < args.length; i++) {
    const word = args[i]!;
    if (word.value !== "proto" || i > 2) return [{ range: word.range, message: `'${word.value}' may not follow 'switch-mode http', only 'proto NAME' and a condition; haproxy refuses the line` }];
    const name = args[i + 1];
    if (!name) return [{ range: word.range, message: "'proto' needs a multiplexer (h1, h2, …); haproxy refuses the line" }];
    if (!MUXES.has(name.value) && !muxAt(name.value, version)) return [{ range: name.range, message: `'${name.value}' is not a multiplexer haproxy knows (h1, h2, fcgi, …); haproxy refuses the line` }];
    // Measured on 2.6.12: "MUX protocol 'fcgi' is not compatible with the selected mode" (and 'none'),
    // "'proto' expects a valid MUX protocol, if specified (got 'h3')" (and 'quic', which need QUIC).
    if (!["h1", "h2"].includes(name.value) && MUXES.has(name.value)) return [{ range: name.range, message: `'switch-mode http' takes 'proto h1' or 'proto h2', not '${name.value}'; haproxy refuses the line` }];
    i++;
  }
  return [];
}
/** The `track-sc` rules of `tcp-request connection` and `session`. */
function trackRuleReports(args: readonly Word[]): Report[] {
  if (args[0]?.value === "set-mark" || args[0]?.value === "set-tos") return markValueReports(args[0].value, args[1]);
  // "'tcp-request connection expect-proxy' only supports 'layer4' … (got 'layer5')" (haproxy 2.6.12).
  const layer = args[0]?.value === "expect-proxy" || args[0]?.value === "expect-netscaler-cip" ? args[1] : undefined;
  if (layer && layer.value !== "layer4" && !holdsVariable(layer)) return [{ range: layer.range, message: `'${args[0]!.value}' takes only 'layer4', not '${layer.value}'; haproxy refuses the line` }];
  return /^track-sc\d+$/.test(args[0]?.value ?? "") && !args.some(holdsVariable) ? trackReports(args) : [];
}
/**
 * `acl NAME var(VAR) …`: a variable has no type of its own, so haproxy 2.6.12 wants the matching
 * method among the flags before the patterns ("matching method must be specified first (using
 * '-m') when using a sample fetch of this type ('var')"). A converter after it gives the type.
 */
/**
 * Whether an ACL criterion's fetch gives no type an ACL matches by default: `var()`, and the fetches
 * of binary data (`req.payload`, `req.body`, `bin()`…), with no converter after them (measured:
 * "matching method must be specified first (using '-m') when using a sample fetch of this type").
 */
export function typelessFetch(value: string): boolean {
  if (/^var\([^)]*\)$/.test(value)) return true;
  // A converter after the fetch (a ',' outside its arguments) gives the type, unless its output is
  // of any type: json_query, jwt_header_query, jwt_payload_query, debug, set-var, unset-var (measured
  // on 2.6.12: `req.hdr(x),json_query('$.a') 5` and `path,debug /x` are "matching method must be
  // specified first (using '-m') when using a sample fetch of this type").
  if (value.replace(/\([^)]*\)/, "").includes(",")) return typelessConverter(value) !== undefined;
  const name = value.replace(/\(.*$/, "");
  return BINARY_PAYLOADS.has(name) || (haproxyFetch(name)?.output === "bin" && name !== "payload" && name !== "payload_lv");
}

/** The last converter of a criterion when its output has no type of its own (see `typelessFetch`). */
function typelessConverter(value: string): string | undefined {
  const name = lastConverterName(value);
  return name !== undefined && haproxyConverter(name)?.output === "any" ? name : undefined;
}

/** Binary fetches the keyword dump gives no output type for; `payload` and `payload_lv`, ACL keywords, match by default (measured). */
const BINARY_PAYLOADS = new Set(["req.payload", "req.payload_lv", "res.payload", "res.payload_lv"]);

/**
 * The types a matching method cannot take (measured on 2.6.12, "matching method 'ip' cannot be used
 * with fetch keyword 'ssl_fc'"): `-m ip` a boolean, binary data or a method; `-m int` and `-m bool`
 * binary data, a method or an IPv6 address. The type is the expression's last: `ssl_fc,not -m ip` is
 * refused, `always_true,add(1) -m ip` is not. 3.0.11 and 3.2.26 refuse the same, and `-m int` and `-m
 * bool` on an IPv4 address too (`src -m int 1`, `str(a),ipmask(24) -m bool 1`), which 2.6.12 takes.
 */
const METHOD_REFUSES: Readonly<Record<string, ReadonlySet<string>>> = {
  ip: new Set(["bool", "bin", "meth"]),
  int: new Set(["bin", "meth", "ipv6"]),
  bool: new Set(["bin", "meth", "ipv6"]),
};
const METHOD_REFUSES_LATER: Readonly<Record<string, ReadonlySet<string>>> = {
  ...METHOD_REFUSES,
  int: new Set(["bin", "meth", "ipv6", "ipv4"]),
  bool: new Set(["bin", "meth", "ipv6", "ipv4"]),
};

/** The type an ACL criterion's expression gives (its fetch's, or its last converter's), when the tables know it. */
function criterionOutput(value: string): string | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  const name = (part: string) => part.replace(/\(.*$/s, "");
  const fetch = name(parts[0]!);
  // The constant fetches whose type the dump leaves open: `ipv6()` is an IPv6 address, `bin()` binary data.
  let type = BINARY_PAYLOADS.has(fetch) || fetch === "bin" ? "bin" : fetch === "ipv6" ? "ipv6" : haproxyFetch(fetch)?.output;
  for (let i = 1; i < parts.length && type !== undefined; i++) type = haproxyConverter(name(parts[i]!))?.output;
  return type;
}

/** A matching method the criterion's type cannot be matched with (see `METHOD_REFUSES`). */
function methodTypeReports(words: readonly Word[], version: string): Report[] {
  const fetch = words[0];
  if (!fetch) return [];
  for (let i = 1; i < words.length && words[i]!.value.startsWith("-"); i++) {
    const flag = words[i]!.value;
    if (flag === "--") break;
    if (flag === "-f" || flag === "-u") i++;
    if (flag !== "-m") continue;
    const method = words[i + 1];
    const refused = method && (compareVersions(version, "3.0") >= 0 ? METHOD_REFUSES_LATER : METHOD_REFUSES)[method.value];
    if (!refused) return [];
    const type = criterionOutput(fetch.value);
    if (type === undefined || !refused.has(type)) return [];
    const what = { bool: "a boolean", bin: "binary data", meth: "a method", ipv6: "an IPv6 address", ipv4: "an IPv4 address" }[type] ?? type;
    return [{ range: method.range, message: `'-m ${method.value}' cannot match ${what}, which '${fetch.value}' gives; haproxy refuses the ACL` }];
  }
  return [];
}

/** A criterion (its fetch first) on a typeless fetch without `-m` (see `typelessFetch`), or with a method its type cannot take. */
export function typelessCriterionReports(words: readonly Word[], version: string): Report[] {
  const fetch = words[0];
  // Only a variable haproxy expands is unknown here, not a '$' of a JSON path (`json_query('$.a')`).
  if (!fetch || words.some(hasVariable)) return [];
  if (!typelessFetch(fetch.value)) return methodTypeReports(words, version);
  for (let i = 1; i < words.length && words[i]!.value.startsWith("-"); i++) {
    const flag = words[i]!.value;
    if (flag === "-m") return methodTypeReports(words, version);
    if (flag === "--") break;
    if (flag === "-f" || flag === "-u") i++;
  }
  const converter = typelessConverter(fetch.value);
  const what = converter ? `'${fetch.value}' ends with '${converter}', whose output has` : `'${fetch.value}' has`;
  return [{ range: fetch.range, message: `${what} no type an ACL matches by default: write the matching method before the patterns ('-m int', '-m str', '-m bin', …); haproxy refuses the ACL` }];
}

function aclVarReports(args: readonly Word[], version: string): Report[] {
  return typelessCriterionReports(args.slice(1), version);
}

const MUXES = new Set(["h1", "h2", "fcgi", "none", "h3", "quic"]);
/** Multiplexers after 2.6, and the release that has them (measured: 3.0.11 knows neither, 3.2.26 `spop`, "unknown MUX protocol 'qmux'"). */
const LATER_MUXES: ReadonlyMap<string, string> = new Map([["spop", "3.2"], ["qmux", "3.4"]]);

function muxAt(name: string, version: string): boolean {
  const since = LATER_MUXES.get(name);
  return since !== undefined && compareVersions(version, since) >= 0;
}

/**
 * A userlist's `user NAME [password|insecure-password PASS] [groups G,…]` and `group NAME [users
 * U,…]`: haproxy 2.6.12 refuses any other word ("only supports 'password', 'insecure-password' and
 * 'groups' options", "'group' only supports 'users' option") and takes an option left without its
 * value silently.
 */
const USER_OPTIONS = ["password", "insecure-password", "groups"];

/** A userlist's `user` or `group` line: each option from `options` with its value, nothing else. */
/**
 * The global `user` or `group` in typographic quotes (`user “haproxy”`, pasted from a document):
 * haproxy knows only ASCII quotes, keeps the marks, and looks up a user named with them, which no
 * system has (2.6.12: "cannot find user id for '“haproxy”'").
 */
function pastedQuoteReports(word: Word | undefined, keyword: string): Report[] {
  if (!word || !/^[“”‘’].*[“”‘’]$/.test(word.value)) return [];
  const name = word.value.slice(1, -1);
  return [{ range: word.range, message: `haproxy knows only ASCII quotes: it keeps the marks of ${word.value} and looks for a ${keyword} named so, which no system has; write ${name}`, ...replacementFixes(word.range, [name]) }];
}

function userlistReports(keyword: string, options: readonly string[]): (args: readonly Word[], version: string, statement: Statement, sectionType?: string) => Report[] {
  return (args, _version, _statement, sectionType) => {
    if (sectionType === "global" || sectionType === "program") return pastedQuoteReports(args[0], keyword);
    if (sectionType !== "userlist") return [];
    for (let i = 1; i < args.length; i += 2) {
      const word = args[i]!;
      if (holdsVariable(word)) return [];
      if (!options.includes(word.value)) {
        const candidates = suggest(word.value, options);
        return [{ range: word.range, message: `'${word.value}' is not a ${keyword} option (${options.join(", ")}); haproxy refuses the line${didYouMean(candidates)}`, ...replacementFixes(word.range, candidates) }];
      }
    }
    return [];
  };
}

/**
 * `hash-balance-factor N`: read with atol() into an int, 0 (off) or above 100 (measured on 2.6.12:
 * `99`, `-1`, `1x` and `4294967396` are "'hash-balance-factor' must be 0 or greater than 100"; `abc`
 * is 0 and `150x` is 150, taken without a word).
 */
function hashBalanceFactorReports(args: readonly Word[]): Report[] {
  const word = args[0];
  if (!word || holdsVariable(word)) return [];
  const factor = atolInt32(word.value);
  if (factor === 0 || factor > 100) return [];
  return [{ range: word.range, message: `'${word.value}' is read as ${factor}: a hash balance factor is 0 (off) or above 100; haproxy refuses the line` }];
}

/**
 * `max-spread-checks DELAY`: digits and an optional unit, held to the timers' limit (2.6.12: "unsupported
 * character '-' in 'max-spread-checks' (wants an integer delay)", "timer overflow in argument <25d>").
 * What follows a unit haproxy ignores without a word (measured: `1sabc`, `1s,` and `1sec` pass).
 */
function maxSpreadChecksReports(args: readonly Word[]): Report[] {
  const word = args[0];
  if (!word || holdsVariable(word)) return [];
  const read = /^\d+(?:us|ms|m|s|h|d)?/.exec(word.value)?.[0];
  if (!read || (read === /^\d+/.exec(word.value)![0] && read !== word.value)) return [{ range: word.range, message: `'${word.value}' is not a delay (a number with an optional unit: us, ms, s, m, h, d); haproxy refuses the line` }];
  const tooLong = timeTooLong("max-spread-checks", read);
  return tooLong ? [{ range: word.range, message: `'${word.value}' ${tooLong}; haproxy refuses the line` }] : [];
}

/** `tune.lua.maxmem N`: a whole number of megabytes, no unit (2.6.12: "invalid number 10m (error at 'm')"). */
function luaMaxmemReports(args: readonly Word[]): Report[] {
  const word = args[0];
  if (!word || holdsVariable(word) || /^[+-]?\d+$/.test(word.value)) return [];
  return [{ range: word.range, message: `'${word.value}' is not a whole number of megabytes (no unit); haproxy refuses the line` }];
}

/** By keyword as the tables name it: what to check in its arguments. */
const CHECKS: Readonly<Record<string, (args: readonly Word[], version: string, statement: Statement, sectionType?: string) => Report[]>> = {
  "retry-on": retryOnReports,
  "hash-type": hashTypeReports,
  cookie: cookieReports,
  "email-alert level": (args) => notIn(args[0], LOG_LEVELS, "a log level"),
  "option forwardfor": forwardforReports,
  "option forwarded": forwardedReports,
  // Read alike (measured: "'option originalto except' expects <address>[/mask] as argument").
  "option originalto": forwardforReports,
  "persist rdp-cookie": persistReports,
  "declare capture": declareCaptureReports,
  "rate-limit sessions": rateLimitReports,
  source: sourceReports,
  mailer: mailerReports,
  "server-template": serverTemplateReports,
  balance: balanceReports,
  "tcp-request content": tcpContentReports,
  acl: aclVarReports,
  "tcp-request connection": trackRuleReports,
  "tcp-request session": trackRuleReports,
  user: userlistReports("user", USER_OPTIONS),
  // `group NAME [users A,B]`: haproxy 2.6.12 refuses any other word ("'group' only supports 'users' option").
  group: userlistReports("group", ["users"]),
  size: ringSizeReports,
  "stats timeout": notZero("the stats socket's timeout"),
  // "'stats maxconn' expects a positive value", of what atol() makes of it in an int (measured: `0x5`, `abc`, `4294967296` are refused).
  "stats maxconn": (args) => {
    const limit = args[0];
    if (!limit || holdsVariable(limit) || atolInt32(limit.value) > 0) return [];
    return [{ range: limit.range, message: `'${limit.value}' is read as ${atolInt32(limit.value)}: 'stats maxconn' needs a number above 0; haproxy refuses the line` }];
  },
  "tune.bufsize": bufsizeReports,
  "tcp-check connect": checkConnectReports,
  "http-check connect": checkConnectReports,
  "stats http-request": statsRuleReports,
  "set-var": globalVariableReports,
  "set-var-fmt": globalVariableReports,
  "ssl-default-bind-options": tlsDefaultsReports("bind"),
  "ssl-default-server-options": tlsDefaultsReports("server"),
  "hash-balance-factor": hashBalanceFactorReports,
  "max-spread-checks": maxSpreadChecksReports,
  // Read with strtol(…, 0), all of it (measured on 2.6.12: `0x10`, `+5`, `-5` and 10^20 pass; `10abc`,
  // `1.5` and `08` are "unexpected character '8' in integer value '08'").
  "max-keep-alive-queue": (args) => {
    const size = args[0];
    if (!size || holdsVariable(size) || C_INTEGER.test(size.value.trimStart())) return [];
    return [{ range: size.range, message: `'${size.value}' is not an integer (decimal, hexadecimal after 0x, or octal after 0) for 'max-keep-alive-queue'; haproxy refuses the line` }];
  },
  "tune.lua.maxmem": luaMaxmemReports,
  unsetenv: (args, _version, statement) => (args.length === 0 ? [{ range: statement.keyword.range, message: "'unsetenv' needs at least one variable name; haproxy refuses the line" }] : []),
  "http-error": httpErrorReports,
  // Measured on 2.6.12: "'use-server' requires either 'if' or 'unless' followed by a condition" (so do
  // force-persist and ignore-persist); `use_backend` takes none.
  "use-server": conditionRequired("use-server"),
  "force-persist": conditionRequired("force-persist"),
  "ignore-persist": conditionRequired("ignore-persist"),
  // `stick on EXPR [table NAME]`, then only a condition ("'stick': unknown keyword 'x'").
  "stick on": stickReports,
  "stick match": stickReports,
  "stick store-request": stickReports,
  "stick store-response": stickReports,
  "stats bind-process": processSetReports,
  "bind-process": processSetReports,
  ...PROCESS_CHECKS,
  ...SECTION_CHECKS,
  ...LATER_GLOBAL_CHECKS,
};

/**
 * `[stats] bind-process all|odd|even|N[-M]…` at 2.6, which runs one process: haproxy 2.6.12 takes `all`,
 * `odd`, `even` (and ignores what follows them), `1`, `01`, `1-` and `1-1`, and refuses any other
 * number ("'2' is not a valid number/range. It supports numbers from 1 to 1.") or word ("'1x' is
 * not a valid number/range."). Later versions have no such keyword (HA004 is not their judge).
 */
function processSetReports(args: readonly Word[], version: string): Report[] {
  if (version !== "2.6") return [];
  for (const word of args) {
    if (holdsVariable(word) || ["all", "odd", "even"].includes(word.value)) return [];
    const range = /^(\d+)(?:-(\d*))?$/.exec(word.value);
    if (!range) return [{ range: word.range, message: `'${word.value}' is not a process number or range (all, odd, even, 1); haproxy refuses the line` }];
    if (Number(range[1]) !== 1 || (range[2] && Number(range[2]) !== 1)) return [{ range: word.range, message: `'${word.value}' names a process other than 1, and haproxy 2.6 runs only process 1; it refuses the line` }];
  }
  return [];
}

function conditionRequired(keyword: string): (args: readonly Word[], version: string, statement: Statement) => Report[] {
  return (_args, _version, statement) =>
    statement.hasCondition ? [] : [{ range: statement.keyword.range, message: `'${keyword}' needs 'if' or 'unless' and a condition; haproxy refuses it without one` }];
}

function stickReports(args: readonly Word[], _version: string, _statement: Statement, sectionType?: string): Report[] {
  // A frontend skips the line unread (a warning: HA002).
  if (sectionType === "frontend") return [];
  let i = 1;
  if (args[i]?.value === "table") i += 2;
  const extra = args[i];
  if (!extra || CONDITION_WORDS.has(extra.value) || args.some(holdsVariable)) return [];
  return [{ range: extra.range, message: `'${extra.value}' may not follow 'stick … EXPR [table NAME]', only 'if' or 'unless' and a condition; haproxy refuses the line` }];
}
const CONDITION_WORDS: ReadonlySet<string> = new Set(["if", "unless"]);

/** The `option …` keywords checked here (the other options take no words worth reading). */
const CHECKED_OPTIONS: ReadonlySet<string> = new Set(["option forwardfor", "option forwarded", "option originalto", "option max-reqs"]);

/**
 * `option forwarded [proto] [host|host-expr EXPR] [by|by-expr EXPR] [by_port|by_port-expr EXPR]
 * [for|for-expr EXPR] [for_port|for_port-expr EXPR]` (3.0 and later; measured on 3.0.11 and 3.2.26:
 * "'option forwarded' only supports optional values: 'proto', 'host', …", "'for-expr' expects <expr>
 * as argument").
 */
function forwardedReports(args: readonly Word[], version: string): Report[] {
  if (version === "2.6") return [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (holdsVariable(word)) return [];
    if (FORWARDED_WORDS.has(word.value)) continue;
    if (!FORWARDED_WORDS.has(word.value.replace(/-expr$/, "")) || !word.value.endsWith("-expr") || word.value === "proto-expr") {
      return [{ range: word.range, message: `'${word.value}' is not a parameter of 'option forwarded' (${[...FORWARDED_WORDS].join(", ")}, or one of them with -expr and an expression); haproxy refuses the line` }];
    }
    if (!args[i + 1]) return [{ range: word.range, message: `'${word.value}' needs an expression after it; haproxy refuses the line` }];
    i++;
  }
  return [];
}
const FORWARDED_WORDS: ReadonlySet<string> = new Set(["proto", "host", "by", "by_port", "for", "for_port"]);

/** Balance algorithms that `balanceReports` has nothing to say about, for `plainArgMatches` (the whole word). */
const WORDLESS_BALANCE = /(?:roundrobin|static-rr|leastconn|first|source|random|sticky)/y;

/** The first word of each keyword checked here: where to look them up. */
const FIRST_WORDS = [...new Set(Object.keys(CHECKS).map((name) => name.split(" ")[0]!))];

function reportsOf(placed: Placed, version: string): Report[] {
  const reading = placed.reading;
  if (reading.kind !== "known" || reading.match.negated) return [];
  const check = Object.hasOwn(CHECKS, reading.match.keyword.name) ? CHECKS[reading.match.keyword.name] : undefined;
  return check ? check(reading.args, version, placed.statement, placed.section.type) : [];
}

/** Whether an `acl` line's flags (after its name and fetch) ask for a matching method some types cannot take (`-m ip`, `-m int`, `-m bool`). */
function typedMethod(statement: Statement): boolean {
  for (let i = 3; i + 1 < statement.wordCount; i++) {
    const flag = statement.wordText(i)!;
    if (flag[0] !== "-" || flag === "--") return false;
    if (flag === "-m") return Object.hasOwn(METHOD_REFUSES, statement.wordText(i + 1)!);
  }
  return false;
}

export function keywordWordReports(model: Context["model"], report: Context["report"]): void {
  for (const first of FIRST_WORDS) {
    for (const placed of model.withKeyword(first)) {
      if (first === "option" && placed.reading.kind === "known" && !CHECKED_OPTIONS.has(placed.reading.match.keyword.name)) continue;
      // Of the ACLs only those on `var()` are judged here: most lines of a large file are ACLs, whose
      // words are not made for nothing (a quoted or escaped line may hide one, and is read).
      if (first === "acl" && placed.plain && !typelessFetch(placed.statement.wordText(2) ?? "") && !typedMethod(placed.statement)) continue;
      // Every backend's `balance roundrobin`: an algorithm without words of its own (balanceReports reads those of hash, url_param, hdr() and uri), told in place.
      if (first === "balance" && placed.reading.kind === "known" && placed.reading.plainArgMatches(0, WORDLESS_BALANCE)) continue;
      for (const item of reportsOf(placed, model.version)) report({ uri: placed.section.uri, ...item });
    }
  }
  ocspDelayReports(model, report);
}
