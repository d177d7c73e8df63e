// Reading `bind`, `server`, `default-server` and `server-template` lines: the address word and the
// options after it. Options are keyword words, some followed by one value word (`verify none`,
// `maxconn 100`); the others are flags (`ssl`, `check`). Until the facts layer carries the option
// tables, the value-taking options of haproxy 2.6 (configuration manual 5.1 and 5.2) are listed here.
// Also: socket addresses as haproxy reads them (`ipv4@`, `unix@`, `[::1]:80`, `:8000-8010`), and
// ranges inside a word.
import type { Range } from "../../../../grammars/common/text.js";
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import { haproxyBindOption, haproxyServerOption } from "../../facts/haproxy.js";

/** Bind options followed by one value word (manual 5.1; `stats socket` and `ssl-default-bind-options` take the same). */
const BIND_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  "accept-netscaler-cip", "alpn", "backlog", "curves", "ecdhe", "ca-file", "ca-ignore-err", "ca-sign-file",
  "ca-sign-pass", "ca-verify-file", "ciphers", "ciphersuites", "client-sigalgs", "crl-file", "crt", "crt-ignore-err",
  "crt-list", "expose-fd", "gid", "group", "id", "interface", "level", "severity-output", "maxconn", "mode", "mss",
  "name", "namespace", "nice", "npn", "process", "proto", "quic-cc-algo", "shards", "sigalgs", "ssl-max-ver",
  "ssl-min-ver", "tcp-ut", "thread", "tls-ticket-keys", "uid", "user", "verify",
]);

/** Server and default-server options followed by one value word (manual 5.2). */
const SERVER_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  "addr", "agent-send", "agent-inter", "agent-addr", "agent-port", "alpn", "ca-file", "check-alpn", "check-proto",
  "check-sni", "ciphers", "ciphersuites", "client-sigalgs", "cookie", "crl-file", "crt", "curves", "downinter",
  "error-limit", "fall", "fastinter", "hash-key", "id", "init-addr", "inter", "log-bufsize", "log-proto", "maxconn",
  "maxqueue", "max-reuse", "minconn", "namespace", "npn", "observe", "on-error", "on-marked-down", "on-marked-up",
  "pool-low-conn", "pool-max-conn", "pool-purge-delay", "port", "proto", "proxy-v2-options", "redir", "resolve-opts",
  "resolve-prefer", "resolve-net", "resolvers", "rise", "shard", "sigalgs", "slowstart", "sni", "socks4", "source",
  "ssl-max-ver", "ssl-min-ver", "tcp-ut", "track", "usesrc", "interface", "verify", "verifyhost", "weight", "ws",
]);

export interface LineOption {
  /** The option keyword as haproxy reads it. */
  readonly name: string;
  readonly word: Word;
  /** The value word of a value-taking option (undefined when the line ends first). */
  readonly value: Word | undefined;
}

function readOptions(words: readonly Word[], values: ReadonlySet<string>): LineOption[] {
  const options: LineOption[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (values.has(word.value)) {
      options.push({ name: word.value, word, value: words[i + 1] });
      i++;
    } else options.push({ name: word.value, word, value: undefined });
  }
  return options;
}

/** An option of a line, read from its words' values; the words themselves are made when asked for. */
class StatementOption implements LineOption {
  constructor(
    readonly name: string,
    private readonly statement: Statement,
    /** Where the option's word and its value word stand in `statement.words` (-1: no value word). */
    private readonly at: number,
    private readonly valueAt: number,
  ) {}

  get word(): Word {
    return this.statement.words[this.at]!;
  }

  get value(): Word | undefined {
    return this.valueAt < 0 ? undefined : this.statement.words[this.valueAt];
  }
}

/** `readOptions` over `statement.args` from argument `from` on, without making the words. */
function statementOptions(statement: Statement, from: number, values: ReadonlySet<string>): LineOption[] {
  const options: LineOption[] = [];
  // Argument i is word i + 1.
  const end = statement.argCount + 1;
  for (let at = from + 1; at < end; at++) {
    const name = statement.wordValue(at)!;
    if (values.has(name)) {
      options.push(new StatementOption(name, statement, at, at + 1 < end ? at + 1 : -1));
      at++;
    } else options.push(new StatementOption(name, statement, at, -1));
  }
  return options;
}

/** The options of a `bind` line (after its address) or of a `stats socket` line (after its address). */
export function bindOptions(statement: Statement): LineOption[] {
  const from = statement.wordIs(0, "stats") ? 2 : 1;
  return statementOptions(statement, from, BIND_VALUE_OPTIONS);
}

/** Options written as a list of words, as in `ssl-default-bind-options` and `ssl-default-server-options`. */
export function optionList(words: readonly Word[], side: "bind" | "server"): LineOption[] {
  return readOptions(words, side === "bind" ? BIND_VALUE_OPTIONS : SERVER_VALUE_OPTIONS);
}

/** The text of `serverAddressWord`, read without making the words. */
export function serverAddressText(statement: Statement): string | undefined {
  switch (statement.wordValue(0)) {
    case "server":
      return statement.argCount > 1 ? statement.wordText(2) : undefined;
    case "server-template":
      return statement.argCount > 2 ? statement.wordText(3) : undefined;
    default:
      return undefined;
  }
}

/** The address word of a `server` (after its name) or `server-template` (after its name and count) line. */
export function serverAddressWord(statement: Statement): Word | undefined {
  switch (statement.keyword.value) {
    case "server":
      return statement.args[1];
    case "server-template":
      return statement.args[2];
    default:
      return undefined;
  }
}

const readServerOptions = new WeakMap<Statement, readonly LineOption[]>();
const NO_OPTIONS: readonly LineOption[] = [];

/** The options of a `server`, `server-template` or `default-server` line (read once per line: several rules ask). */
export function serverOptions(statement: Statement): readonly LineOption[] {
  let options = readServerOptions.get(statement);
  if (options === undefined) {
    const from = SERVER_OPTIONS_FROM.get(statement.wordValue(0)!);
    options = from === undefined ? NO_OPTIONS : statementOptions(statement, from, SERVER_VALUE_OPTIONS);
    readServerOptions.set(statement, options);
  }
  return options;
}

/** Where the options start on `server`, `server-template` and `default-server` lines. */
const SERVER_OPTIONS_FROM: ReadonlyMap<string, number> = new Map([
  ["server", 2],
  ["server-template", 3],
  ["default-server", 0],
]);

export const SERVER_KEYWORDS: ReadonlySet<string> = new Set(["server", "server-template", "default-server"]);

// ---- addresses -------------------------------------------------------------------------------

export interface SocketAddress {
  /** `inet` for IP sockets; the others are named after their haproxy prefix. */
  /** `dynamic`: holds an environment variable; `other`: a prefix that is not an IP socket (`rhttp@`). */
  readonly kind: "inet" | "unix" | "abns" | "fd" | "sockpair" | "dynamic" | "other";
  /** Stream (TCP) or datagram (UDP, QUIC) sockets: the same port may be used by both. */
  readonly transport: "stream" | "dgram";
  readonly family: 4 | 6 | undefined;
  /** The host part as written (without brackets or prefix); "" for a wildcard written as `:80`. */
  readonly host: string;
  readonly wildcard: boolean;
  readonly loopback: boolean;
  /** True when the host is neither an IP address nor a wildcard: a name to resolve. */
  readonly hostname: boolean;
  readonly portFrom: number | undefined;
  readonly portTo: number | undefined;
  /** Where the whole address and its host part stand in the word's value. */
  readonly start: number;
  readonly end: number;
  readonly hostStart: number;
  readonly hostEnd: number;
}

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

function isIpv6(text: string): boolean {
  return text.includes(":") && /^[0-9a-fA-F:.]+(?:%[\w.-]+)?$/.test(text);
}

function isLoopback(host: string, family: 4 | 6 | undefined): boolean {
  if (family === 4) return host.startsWith("127.");
  if (family === 6) return host === "::1" || /^0*:0*:0*:0*:0*:0*:0*:0*1$/.test(host) || host.toLowerCase().startsWith("::ffff:127.");
  return host.toLowerCase() === "localhost";
}

const INET_PREFIXES = new Set(["ipv4", "ipv6", "tcp", "tcp4", "tcp6", "udp", "udp4", "udp6", "quic4", "quic6"]);
const DGRAM_PREFIXES = new Set(["udp", "udp4", "udp6", "quic4", "quic6", "udp@", "uxdg"]);

/** Reads one address (`ipv4@10.0.0.1:80`, `:::443`, `[::1]:80`, `/run/x.sock`, `fd@3`) from a word's value. */
export function parseAddress(text: string, start = 0): SocketAddress {
  const end = start + text.length;
  // The result is one object literal per kind (no spread): this runs for every server and bind line.
  if (text.includes("$")) return other("dynamic", "stream", text, start);
  let transport: "stream" | "dgram" = "stream";
  let rest = text;
  let offset = start;
  let family: 4 | 6 | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    const prefix = rest.slice(0, at).toLowerCase();
    rest = rest.slice(at + 1);
    offset += at + 1;
    if (DGRAM_PREFIXES.has(prefix)) transport = "dgram";
    if (prefix === "unix" || prefix === "uxst" || prefix === "uxdg") return local("unix");
    if (prefix === "abns" || prefix === "fd" || prefix === "sockpair") return local(prefix);
    // Prefixes of other kinds of addresses (`rhttp@` reverse HTTP, …) are not judged.
    if (!INET_PREFIXES.has(prefix)) return other("other", transport, rest, offset);
    if (prefix.endsWith("4")) family = 4;
    if (prefix.endsWith("6")) family = 6;
  } else if (rest.startsWith("/")) return local("unix");

  let host: string;
  let port: string | undefined;
  let hostStart = offset;
  if (rest.startsWith("[")) {
    const close = rest.indexOf("]");
    host = rest.slice(1, close < 0 ? rest.length : close);
    hostStart = offset + 1;
    port = close >= 0 && rest[close + 1] === ":" ? rest.slice(close + 2) : undefined;
  } else {
    const colon = rest.lastIndexOf(":");
    if (colon < 0) {
      host = rest;
      port = undefined;
    } else {
      host = rest.slice(0, colon);
      port = rest.slice(colon + 1);
      // `::1` alone (no port) is an IPv6 address whose last group looks like a port.
      if (!/^[+-]?\d*(?:-\d+)?$/.test(port)) {
        host = rest;
        port = undefined;
      }
    }
  }
  if (family === undefined) family = isIpv4(host) || host === "*" || host === "" ? 4 : isIpv6(host) ? 6 : undefined;
  if (family === 6 && !isIpv6(host) && host !== "" && host !== "*") family = undefined;
  const wildcard = host === "" || host === "*" || host === "0.0.0.0" || host === "::" || /^[0:]+$/.test(host) && host.includes("::");
  const range = port === undefined ? undefined : /^(\d+)(?:-(\d+))?$/.exec(port);
  const portFrom = range ? Number(range[1]) : undefined;
  const portTo = range ? Number(range[2] ?? range[1]) : undefined;
  const ip = family === 4 ? isIpv4(host) : family === 6 ? isIpv6(host) : false;
  return {
    kind: "inet",
    transport,
    family,
    host,
    wildcard,
    loopback: isLoopback(host, family),
    hostname: !wildcard && !ip && host !== "" && !/^\d+$/.test(host),
    portFrom,
    portTo,
    start,
    end,
    hostStart,
    hostEnd: hostStart + host.length,
  };

  function local(kind: "unix" | "abns" | "fd" | "sockpair"): SocketAddress {
    return { kind, transport, family: undefined, host: rest, wildcard: false, loopback: true, hostname: false, portFrom: undefined, portTo: undefined, start, end, hostStart: offset, hostEnd: end };
  }

  function other(kind: "dynamic" | "other", how: "stream" | "dgram", host: string, from: number): SocketAddress {
    return { kind, transport: how, family: undefined, host, wildcard: false, loopback: false, hostname: false, portFrom: undefined, portTo: undefined, start, end, hostStart: from, hostEnd: end };
  }
}

/** The addresses of a bind word: several may be joined with commas (`:80,:8080`). */
export function parseAddressList(word: Word): SocketAddress[] {
  const value = word.value;
  const found: SocketAddress[] = [];
  let start = 0;
  for (const part of value.split(",")) {
    if (part !== "") found.push(parseAddress(part, start));
    start += part.length + 1;
  }
  return found;
}

// ---- ranges inside a word --------------------------------------------------------------------

/**
 * The range of `value.slice(from, to)` inside a word. A plain word's value is its text; for a quoted
 * or escaped word the piece is looked up in the text as written, and the whole word is the answer
 * when it cannot be found there exactly once.
 */
export function rangeInWord(word: Word, from: number, to: number): Range {
  const span = word.range;
  if (word.isPlain) return span.lines.range(span.localStart + from, span.localStart + to);
  const piece = word.value.slice(from, to);
  const at = word.text.indexOf(piece);
  if (piece === "" || at < 0 || word.text.indexOf(piece, at + 1) >= 0) return span;
  return span.lines.range(span.localStart + at, span.localStart + at + piece.length);
}

/** The range from the start of one word to the end of another on the same line. */
export function spanWords(first: Word, last: Word): Range {
  return first.range.lines.range(first.range.localStart, last.range.localEnd);
}

/**
 * Whether the word where a server or peer line wants its address is an option instead (`server s
 * check`): haproxy then tries to resolve `check` as a host name and refuses the line (measured).
 */
export function isOptionInAddressPlace(address: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(address) && (haproxyServerOption(address) !== undefined || haproxyBindOption(address) !== undefined);
}
