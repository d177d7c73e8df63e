// The words of a `log` line (HA004): `log ADDRESS [len N] [format F] [sample R:S] FACILITY [LEVEL
// [MINLEVEL]]`. Measured on haproxy 2.6.12: a length is read with atoi() and must come to 80 …
// 65535; the formats are a closed list (no `json`); an IP-looking address that is not one (`1.2.3.256`,
// `127.0.0.1.1`), a port above 65535 or a port range are refused; more than two levels after the
// facility too ("cannot handle unexpected argument").
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { isIpv4, isIpv6 } from "../../facts/shapes.js";
import { compareVersions } from "../../facts/versions.js";
import { didYouMean } from "../../lint/fixes.js";
import type { Report } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import { closedListReport } from "./closed-list.js";
import { hasVariable } from "./keywords.js";
import { leadingInteger } from "./numbers.js";

const LOG_FORMATS = ["local", "rfc3164", "rfc5424", "short", "raw", "priority", "iso", "timed"];

/** Why haproxy cannot read the host of an address (`1.2.3.256`, `10.0.0.1.1`, `a;b`, `1:` in `1::80`), or undefined. */
/**
 * Whether libc's inet_aton() reads a dotted address: haproxy hands a host that is no plain IPv4
 * address to getaddrinfo(), which reads `127.000.000.001` (octal parts), `0x7f.0.0.1` and `127.1` so
 * (measured on haproxy 2.6.12 with `log`; `09.0.0.1` and `127.0.0.0400` are refused).
 */
function inetAton(host: string): boolean {
  const parts = host.split(".");
  if (parts.length > 4) return false;
  const values = parts.map((part) => (/^0x[0-9a-f]+$/i.test(part) ? parseInt(part, 16) : /^0[0-7]*$/.test(part) ? parseInt(part, 8) : /^[1-9]\d*$/.test(part) ? Number(part) : NaN));
  if (values.some((value) => Number.isNaN(value))) return false;
  // the last part fills the bytes the earlier ones leave
  const last = values[values.length - 1]!;
  return values.slice(0, -1).every((value) => value <= 255) && last < 256 ** (5 - values.length);
}

export function badHost(host: string): string | undefined {
  // `127.0.0.1::514`, `*::80`: one ':' too many after an IPv4 address or '*' (IPv6 goes in brackets).
  if (/^(?:\*|\d+\.\d+\.\d+\.\d+):$/.test(host)) return `'${host}' is not an address (one ':' too many)`;
  // haproxy takes the brackets off a host that starts with '[' and ends with ']' (4 characters at
  // least) and reads what is inside; a bracket anywhere else is no address and no host name
  // (measured: `[::1` and `::1]` are "invalid address", `[]`, `[*]` too; `[localhost]` resolves).
  const bracketed = /^\[([^[\]]*)\]$/.exec(host);
  if (bracketed) return host.length < 4 || bracketed[1] === "*" ? `'${host}' is not an address (nothing to read between the brackets)` : badHost(bracketed[1]!);
  if (/[[\]]/.test(host)) return `'${host}' is not an address: brackets go around a whole IPv6 address, as in '[::1]:80'`;
  if (host === "" || host === "*") return undefined;
  // haproxy takes the port after the last ':', so what is left must be a whole IPv6 address
  // (measured: `::8000` is "invalid address: ':'", `1::80` "invalid address: '1:'").
  if (host.includes(":")) return isIpv6(host) ? undefined : `'${host}' is not an IPv6 address (an IPv6 address takes its port after one more ':', as in ':::80')`;
  if (/^[\d.]+$/.test(host)) return isIpv4(host) || inetAton(host) ? undefined : `'${host}' is not an IPv4 address`;
  return /^[\w.-]+$/.test(host) ? undefined : `'${host}' is neither an IP address nor a host name`;
}

/**
 * Where haproxy splits an address into host and port: at the last ':' after the last ']' (measured:
 * `[::1]8000` has no port, "missing port specification"), or -1 when there is none.
 */
export function portColon(value: string): number {
  const colon = value.lastIndexOf(":");
  return colon > value.lastIndexOf("]") ? colon : -1;
}

/** The problem with a log target address, or undefined (sockets, streams, families and bracketed IPv6 are left alone). */
function addressProblem(value: string): string | undefined {
  // `fd@N`: a whole number, a '+' allowed (measured on 2.6.12, 3.0.11 and 3.2.26: `fd@x`, `fd@1x`,
  // `fd@-1`, `fd@0x1` and `fd@` are "file descriptor … is not a valid integer"; found by the thirteenth mutation round).
  if (value.startsWith("fd@") && !value.includes("$") && !/^fd@\+?\d+$/.test(value)) return `'${value.slice(3)}' is not a file descriptor number in log address '${value}'; haproxy refuses it`;
  if (value.includes("$") || value.includes("@") || value.startsWith("/") || value === "stdout" || value === "stderr") return undefined;
  // haproxy knows `stdout` and `stderr` in lower case only: `STDOUT` is a host name that does not resolve (measured).
  if (/^std(?:out|err)$/i.test(value)) return `'${value}' is neither an address nor '${value.toLowerCase()}' (haproxy reads that word in lower case only); haproxy refuses it`;
  const colon = portColon(value);
  const host = colon < 0 ? value : value.slice(0, colon);
  const port = colon < 0 ? "" : value.slice(colon + 1);
  // With a port, `stdout` is a host name to resolve (measured on 2.6.12, 3.0.11 and 3.2.26:
  // `stdout:514` is "invalid address: 'stdout'"); the streams take no port.
  if (colon >= 0 && /^std(?:out|err)$/i.test(host)) {
    return `'${host}' with a port is a host name to haproxy, not the ${host.toLowerCase() === "stdout" ? "standard output" : "standard error"}: write 'log ${host.toLowerCase()}' without a port; haproxy refuses it`;
  }
  const hostProblem = badHost(host);
  if (hostProblem) return `${hostProblem} in log address '${value}'; haproxy refuses it`;
  if (/^\d+-/.test(port)) return `log address '${value}' has a port range; haproxy takes one port here`;
  if (/^\d+/.test(port) && leadingInteger(port) > 65535) return `'${port}' is not a port between 0 and 65535 in log address '${value}'; haproxy refuses it`;
  return undefined;
}

/**
 * The problem with a log line's `sample RANGES:SIZE` (`1-2,4:4`: of every 4 messages, send the 1st,
 * 2nd and 4th), as haproxy 2.6.12 reads it: ranges of whole numbers from 1, each low to high, and a
 * size of at least the highest (measured: "Missing sample size", "wrong sample range '2-1'", "sample
 * size 2 should be greater or equal to 3").
 */
function sampleProblem(text: string): string | undefined {
  const colon = text.lastIndexOf(":");
  if (colon < 0) return `'${text}' has no sample size: write RANGES:SIZE (e.g. 1:2, one message in two)`;
  const ranges = text.slice(0, colon);
  const size = text.slice(colon + 1);
  if (ranges === "") return `'${text}' gives no sampling range before its size`;
  let highest = 0;
  for (const range of ranges.split(",")) {
    const parts = /^(\d+)(?:-(\d+))?$/.exec(range);
    const low = parts ? Number(parts[1]) : 0;
    const high = parts?.[2] !== undefined ? Number(parts[2]) : low;
    if (range === "") return `'${ranges}' has an empty sample range`;
    if (!parts || low < 1 || high < low) return `'${range}' is not a sample range (N, or N-M from low to high, counting from 1)`;
    highest = Math.max(highest, high);
  }
  if (!/^\d+$/.test(size) || Number(size) < 1) return `'${size}' is not a sample size (a whole number above 0)`;
  if (Number(size) < highest) return `the sample size ${size} is below the highest range limit ${highest}`;
  return undefined;
}

/** The option words of a log line before its facility; `profile` (a log-profile section's name) from 3.2 on (3.0.11 reads it as the facility). */
const LOG_OPTIONS = ["len", "format", "sample"];
const LOG_OPTIONS_32 = [...LOG_OPTIONS, "profile"];

export function logReports(args: readonly Word[], version: string): Report[] {
  // `log global` stands alone (measured: `log global on` is "unknown log facility 'on'", `log
  // global local0` "invalid address: 'global'").
  if (args[0]?.value === "global" && args.length > 1) {
    return [{ range: { start: args[1]!.range.start, end: args[args.length - 1]!.range.end }, message: "'log global' takes nothing after 'global'; haproxy refuses the line" }];
  }
  if (args.length < 2 || args[0]!.value === "global") return [];
  const reports: Report[] = [];
  const address = hasVariable(args[0]!) ? undefined : addressProblem(args[0]!.value);
  if (address) reports.push({ range: args[0]!.range, message: address });
  let i = 1;
  const options = compareVersions(version, "3.2") >= 0 ? LOG_OPTIONS_32 : LOG_OPTIONS;
  while (i < args.length && options.includes(args[i]!.value)) {
    const value = args[i + 1];
    if (value && !hasVariable(value) && args[i]!.value === "len") {
      const length = leadingInteger(value.value);
      if (length < 80 || length > 65535) reports.push({ range: value.range, message: `'${value.value}' is not a log length between 80 and 65535; haproxy refuses it` });
    }
    const sample = value && !hasVariable(value) && args[i]!.value === "sample" ? sampleProblem(value.value) : undefined;
    if (sample) reports.push({ range: value!.range, message: `${sample}; haproxy refuses the line` });
    if (value && !hasVariable(value) && args[i]!.value === "format" && !LOG_FORMATS.includes(value.value)) {
      reports.push({ range: value.range, message: `'${value.value}' is not a log format haproxy knows (${LOG_FORMATS.join(", ")})${didYouMean(suggest(value.value, LOG_FORMATS))}` });
    }
    i += 2;
  }
  const facility = args[i];
  // After its options a target still needs a facility ("log : unknown log facility ''"); HA003
  // counts only the words, so `log stdout format raw` passes there.
  if (!facility) return i > 1 ? [...reports, { range: args[i - 1]!.range, message: "a syslog facility must follow (local0 … local7, daemon, …); haproxy refuses this log line without one" }] : reports;
  const bad = closedListReport("log facility", facility, "a syslog facility");
  if (bad) reports.push(bad);
  for (const level of args.slice(i + 1, i + 3)) {
    const badLevel = closedListReport("log level", level, "a log level");
    if (badLevel) reports.push(badLevel);
  }
  const extra = args[i + 3];
  if (extra) reports.push({ range: extra.range, message: `'${extra.value}' is one word too many: a log line ends with its facility and at most two levels; haproxy refuses it` });
  return reports;
}
