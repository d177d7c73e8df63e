// Small value-level facts the keyword tables cannot hold: which section kinds exist in which version,
// and the closed word lists of a few keywords (`mode`, `balance`, `hash-type`, `log` facilities and
// levels), each value with its own availability. Read from the 2.6 and 3.4 manuals and checked
// against haproxy 2.6.12, and each later value asked of 3.0.11 and 3.2.26 (a line alone): "3.0"
// means 3.0 takes it and 2.6 does not (2.8 is not known), as in the generated tables.
import type { Availability } from "./types.js";

export interface HaproxyValue {
  readonly value: string;
  /** The value takes a parenthesised argument (`hdr(<name>)`, `random(<draws>)`). */
  readonly call?: "optional" | "required";
  readonly availability?: Availability;
}

/** Section kinds (grammars/haproxy/sections.ts) and when haproxy has them. */
export const HAPROXY_SECTION_AVAILABILITY: Readonly<Record<string, Availability | undefined>> = {
  global: undefined,
  defaults: undefined,
  frontend: undefined,
  backend: undefined,
  listen: undefined,
  userlist: undefined,
  peers: undefined,
  resolvers: undefined,
  mailers: undefined,
  // documented in the 2.6 manual (3.7), gone from the 3.4 one
  program: { deprecated: "3.2", removed: "3.4" },
  "http-errors": undefined,
  ring: undefined,
  cache: undefined,
  "fcgi-app": undefined,
  "log-forward": undefined,
  // Asked of haproxy 3.0.11 and 3.2.26 (a header alone): 3.0 reads `crt-store`; `traces`, `acme`
  // (experimental) and `log-profile` are "unknown keyword" to 3.0 and read by 3.2; both refuse
  // `healthcheck`. 3.2 warns that `program` is deprecated.
  "crt-store": { since: "3.0" },
  traces: { since: "3.2", absentThrough: "3.0" },
  acme: { since: "3.2", absentThrough: "3.0" },
  // 2.6.12: "unknown keyword 'healthcheck' in 'defaults' section"
  healthcheck: { since: "3.4", absentThrough: "3.2" },
  "log-profile": { since: "3.2", absentThrough: "3.0" },
};

export const HAPROXY_VALUES: Readonly<Record<string, readonly HaproxyValue[]>> = {
  // `mode { tcp|http }` (2.6), `mode { tcp|http|log|spop }` (3.4); 2.6.12 refuses `mode health`
  // ("doesn't exist anymore. Please use 'http-request return status 200' instead") and `mode log`
  // ("unknown proxy mode 'log'").
  mode: [
    { value: "tcp" },
    { value: "http" },
    { value: "log", availability: { since: "3.0" } },
    // 3.0.11: "unknown proxy mode 'spop'"
    { value: "spop", availability: { since: "3.2", absentThrough: "3.0" } },
    { value: "health", availability: { removed: "2.6", replacement: "http-request return status 200" } },
  ],
  // `balance <algorithm>`: the algorithm list of 4.2 "balance"
  balance: [
    { value: "roundrobin" },
    { value: "static-rr" },
    { value: "leastconn" },
    { value: "first" },
    { value: "hash" },
    { value: "source" },
    { value: "uri" },
    { value: "url_param" },
    { value: "hdr", call: "required" },
    { value: "random", call: "optional" },
    { value: "rdp-cookie", call: "optional" },
    { value: "log-hash", availability: { since: "3.0" } },
    { value: "sticky", availability: { since: "3.0" } },
  ],
  /** `hash-type <method> <function> <modifier>`: methods. */
  "hash-type": [{ value: "map-based" }, { value: "consistent" }],
  /** `hash-type` functions (second word). */
  "hash-type function": [{ value: "sdbm" }, { value: "djb2" }, { value: "wt6" }, { value: "crc32" }, { value: "none", availability: { since: "3.0" } }],
  /** `hash-type` modifier (third word). */
  "hash-type modifier": [{ value: "avalanche" }],
  "http-reuse": [{ value: "never" }, { value: "safe" }, { value: "aggressive" }, { value: "always" }],
  /** `compression <what> …`: 2.6 has algo, type and offload; the 3.4 manual splits them per direction. */
  compression: [
    { value: "algo" },
    { value: "type" },
    { value: "offload" },
    ...["algo-req", "algo-res", "type-req", "type-res", "direction"].map((value) => ({ value, availability: { since: "3.0" } })),
    // 3.0.11: "'compression' expects 'algo', 'type' 'direction' or 'offload'"
    ...["minsize-req", "minsize-res"].map((value) => ({ value, availability: { since: "3.2", absentThrough: "3.0" } })),
  ],
  /** The 24 syslog facilities of `log … <facility>`. */
  "log facility": [
    "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
    "uucp", "cron", "auth2", "ftp", "ntp", "audit", "alert", "cron2",
    "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
  ].map((value) => ({ value })),
  /** The eight levels of `log … <facility> [<level> [<minlevel>]]`. */
  "log level": ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"].map((value) => ({ value })),
};

/**
 * A value of a closed list, as written: `hdr(host)` is `hdr`. Undefined when the list does not know
 * it (or when there is no such list).
 */
export function haproxyValue(list: string, word: string): HaproxyValue | undefined {
  const values = HAPROXY_VALUES[list];
  if (!values) return undefined;
  const paren = word.indexOf("(");
  const name = paren > 0 ? word.slice(0, paren) : word;
  return values.find((v) => v.value === name && (paren > 0 ? v.call !== undefined : v.call !== "required"));
}
