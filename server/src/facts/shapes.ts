// Argument shapes (see ShapeText in types.ts): parsed once per distinct text, then used to check a
// word's value. A check answers with a short reason when the value does not fit, never throws.
// Values that hold a variable (`${X}`, `"$X"`) are never judged: they are known only at run time.

export interface Shape {
  readonly text: string;
  readonly kind: string;
  /** Enum values, when `kind` is `enum`. */
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** The `KIND` of `ref:KIND` / `def:KIND`. */
  readonly target?: string;
  /** Why `value` does not fit, or undefined when it does. */
  check(value: string, product: "haproxy" | "keepalived"): string | undefined;
  /** Set when every value fits (`check` never finds anything), so that a caller may skip it. */
  readonly anyValue?: true;
}

const cache = new Map<string, Shape>();

const INT = /^[-+]?\d+$/;
// keepalived refuses `.2` ("invalid number"): a digit must come first.
const NUMBER = /^[-+]?\d+(?:\.\d*)?$/;
/** keepalived reads decimals with strtod: `.5` is 0.5 (measured: `vrrp_garp_interval .5` and, in 2.3.3, `interval .2` pass). */
const LEADING_DOT_NUMBER = /^[-+]?\.\d+$/;
const HAPROXY_TIME = /^\d+(?:us|ms|s|m|h|d)?$/;
const HAPROXY_SIZE = /^\d+[kmg]?$/i;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const BOOLEAN = new Set(["on", "off", "true", "false", "yes", "no"]);

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const PORT = "(?:[1-9]\\d{0,3}|[1-5]\\d{4}|6[0-4]\\d{3}|65[0-4]\\d\\d|655[0-2]\\d|6553[0-5])";
const PLAIN_IPV4_AND_PORT = new RegExp(`^(?:${OCTET}\\.){3}${OCTET}:${PORT}$`);
/**
 * `isPlainIpv4AndPort` as a sticky expression, for a word tested in place (`plainWordMatches`): the
 * lookahead makes the port's alternatives give way to the longer ones (`6553` then `65535`).
 */
export const PLAIN_IPV4_AND_PORT_WORD = new RegExp(`(?:${OCTET}\\.){3}${OCTET}:${PORT}(?![0-9])`, "y");

/**
 * Whether `value` is written `A.B.C.D:PORT`, each part a decimal without a leading zero (octets up
 * to 255, a port from 1 to 65535): the usual server address, which every address check passes.
 * One regular expression: it runs as native code from the start, where a loop over the characters
 * would run in the interpreter for most of a single command-line run.
 */
export function isPlainIpv4AndPort(value: string): boolean {
  return PLAIN_IPV4_AND_PORT.test(value);
}

export function isIpv4(value: string): boolean {
  return IPV4.test(value);
}

export function isIpv6(value: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(value) || !value.includes(":")) return false;
  const [head, tail, ...more] = value.split("::");
  if (more.length > 0) return false;
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const all = [...groups(head), ...groups(tail)];
  const last = all[all.length - 1];
  const embedsV4 = last !== undefined && last.includes(".");
  if (embedsV4 && !IPV4.test(last!)) return false;
  const hexGroups = embedsV4 ? all.slice(0, -1) : all;
  if (!hexGroups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return false;
  const count = hexGroups.length + (embedsV4 ? 2 : 0);
  return tail === undefined ? count === 8 : count < 8;
}

export function isIp(value: string): boolean {
  return isIpv4(value) || isIpv6(value);
}

/** A host name as resolvers accept it (single labels included). */
export function isHostName(value: string): boolean {
  return value.length <= 253 && /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62}))*\.?$/.test(value);
}

/**
 * Whether a value may hold something substituted at run time. Both daemons substitute only `$NAME`
 * and `${NAME}`: any other `$` (`100$`, `$5`) is read as written (measured: keepalived's "invalid
 * number '100$'", haproxy's "unknown proxy mode 'http$'").
 */
function hasVariable(value: string): boolean {
  return value.includes("$") && KEEPALIVED_VARIABLE.test(value);
}

/** Where keepalived (and haproxy) start a substitution: `$NAME` or `${NAME}`. */
export const KEEPALIVED_VARIABLE = /\$[{A-Za-z_]/;

function range(text: string | undefined): { min?: number; max?: number } {
  if (!text) return {};
  const [low, high] = text.split("..");
  return {
    ...(low !== undefined && low !== "" ? { min: Number(low) } : {}),
    ...(high !== undefined && high !== "" ? { max: Number(high) } : {}),
  };
}

function inRange(value: number, min: number | undefined, max: number | undefined): string | undefined {
  if (min !== undefined && value < min) return `must be at least ${min}`;
  if (max !== undefined && value > max) return `must be at most ${max}`;
  return undefined;
}

function checkCidr(value: string): string | undefined {
  const [address, prefix, ...rest] = value.split("/");
  if (rest.length > 0 || address === undefined) return "is not an address";
  if (!isIp(address)) return "is not an IP address";
  if (prefix === undefined) return undefined;
  if (!/^\d+$/.test(prefix)) return "has a prefix length that is not a number";
  const limit = isIpv4(address) ? 32 : 128;
  return Number(prefix) > limit ? `has a prefix length above ${limit}` : undefined;
}

/**
 * An IP address or a host name. Dotted numbers are read as an address (`10.1.1` is 10.1.0.1, a part
 * with a leading 0 is octal): more than four, four with one above 255 (`10.1.1.300`), or an octal
 * part with an 8 or a 9 (`192.168.1.079`, measured: keepalived 2.2.7's "Invalid smtp server") are
 * neither, and no resolver finds them.
 */
function checkAddressOrName(value: string): string | undefined {
  if (isIp(value)) return undefined;
  const parts = /^[\d.]+$/.test(value) ? value.split(".") : undefined;
  if (parts && (parts.length > 4 || parts.includes("") || (parts.length === 4 && parts.some((part) => Number(part) > 255)) || parts.some((part) => /^0\d*[89]/.test(part)))) return "is not an IP address";
  return isHostName(value) ? undefined : "is neither an IP address nor a host name";
}

/**
 * An HTTP status code from 100 to 599, or a range of them (`200-299`), as a url's status_code takes them.
 * keepalived 2.2.7 reads each number in base 10 with a `+` allowed before it (`+200`, `200-+300` and
 * `0200` pass silently; `-200`, `0x12c` and `2e2` are "Invalid HTTP_GET status code").
 */
function checkStatusCode(value: string): string | undefined {
  // Each number read with strtoul(), which takes a '+' (keepalived 2.2.7 takes `+200` and `200-+300`).
  const match = /^\+?(\d+)(?:-\+?(\d+))?$/.exec(value);
  const low = Number(match?.[1]);
  const high = match?.[2] === undefined ? low : Number(match[2]);
  return match && low >= 100 && high <= 599 && low <= high ? undefined : "is not a status code (100-599) or a range of them (200-299)";
}

/**
 * A virtual_server_group entry's address: an IP address, or a range that changes its last part
 * (`10.0.0.1-10`, `2001:db8::1-a`), with an optional prefix length that names a network
 * (`10.0.0.0/24`, `192.168.202.8/29`). keepalived 2.2.7 skips the entry otherwise ("Address mask bits
 * not empty", "Invalid netmask", "Invalid virtual server group IP address", "range … end … too large",
 * "Invalid range end").
 */
function checkAddressRange(value: string): string | undefined {
  const slash = value.indexOf("/");
  const span = slash < 0 ? value : value.slice(0, slash);
  const dash = span.indexOf("-");
  const address = dash < 0 ? span : span.slice(0, dash);
  if (!isIp(address)) return "is not an IP address or address range";
  if (dash >= 0) {
    const end = span.slice(dash + 1);
    if (isIpv4(address)) {
      // The end is read with strtoul(), which takes a '+' (measured: `10.0.0.1-+10` passes).
      if (!/^\+?\d+$/.test(end)) return "does not end its range with a number (10.0.0.1-10)";
      if (Number(end) > 255) return "ends its range above 255";
      // "Address range end is not greater than address range start" (keepalived 2.2.7)
      if (Number(end) <= Number(address.split(".")[3])) return "does not end its range above where it starts";
    } else if (!/^[0-9a-f]{1,4}$/i.test(end)) return "does not end its range with a hexadecimal group (2001:db8::1-a)";
  }
  if (slash < 0) return undefined;
  const limit = isIpv4(address) ? 32 : 128;
  const prefix = value.slice(slash + 1);
  if (!/^\d+$/.test(prefix) || Number(prefix) < 1 || Number(prefix) > limit) return `has a prefix length that is not a number from 1 to ${limit}`;
  return addressBits(address).includes("1", Number(prefix)) ? `has bits set past its /${Number(prefix)} prefix (write the network's address, or a range: 10.0.0.1-10)` : undefined;
}

/** An address that `isIp` accepts, as its 32 or 128 bits. */
function addressBits(address: string): string {
  if (isIpv4(address)) return address.split(".").map((byte) => Number(byte).toString(2).padStart(8, "0")).join("");
  const groups = (part: string | undefined): number[] =>
    (part ? part.split(":") : []).flatMap((group) => {
      if (!group.includes(".")) return [parseInt(group, 16)];
      const [a, b, c, d] = group.split(".").map(Number);
      return [a! * 256 + b!, c! * 256 + d!];
    });
  const [head, tail] = address.split("::");
  const front = groups(head);
  const back = groups(tail);
  const all = tail === undefined ? front : [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
  return all.map((group) => group.toString(2).padStart(16, "0")).join("");
}

/** The permission bits keepalived's `umask` takes by name, joined with `|`. */
const UMASK_BITS = new Set(["IRUSR", "IWUSR", "IXUSR", "IRGRP", "IWGRP", "IXGRP", "IROTH", "IWOTH", "IXOTH"]);

/** keepalived's `umask`: a number read with base 0 (`022` octal, `0x1ff`, `18`) up to 0777, or bit names (`IWGRP|IWOTH`). */
function checkUmask(value: string): string | undefined {
  if (/^[0-9]/.test(value)) {
    const number = /^0x[0-9a-f]+$/i.test(value) ? Number.parseInt(value.slice(2), 16) : /^0[0-7]*$/.test(value) ? Number.parseInt(value, 8) : /^[1-9]\d*$/.test(value) ? Number(value) : NaN;
    return number <= 0o777 ? undefined : "is not a umask (an octal mode up to 0777, or bit names such as IWGRP|IWOTH)";
  }
  const unknown = value.split("|").find((bit) => !UMASK_BITS.has(bit));
  return unknown === undefined ? undefined : `has '${unknown}', which is no umask bit (${[...UMASK_BITS].join(", ")})`;
}

/** A port number; `lowest` is 0 where the daemon takes port 0 (keepalived's real_server: the virtual server's port). */
/** `plusSign`: a leading '+' is read (keepalived reads a port with strtoul(); measured: `connect_port +80`). */
function checkPort(value: string, lowest = 1, plusSign = false): string | undefined {
  if (!(plusSign ? /^\+?\d+$/ : /^\d+$/).test(value)) return "is not a port number";
  const port = Number(value);
  if (port >= lowest && port <= 65535) return undefined;
  return lowest === 0 ? "is neither 0 nor a port between 1 and 65535" : "is not a port between 1 and 65535";
}

function build(text: string): Shape {
  const colon = text.indexOf(":");
  const kind = colon < 0 ? text : text.slice(0, colon);
  const param = colon < 0 ? undefined : text.slice(colon + 1);
  const base = { text, kind };
  switch (kind) {
    case "int":
    case "number": {
      const { min, max } = range(param);
      const pattern = kind === "int" ? INT : NUMBER;
      return {
        ...base,
        min,
        max,
        check: (value, product) =>
          pattern.test(value) || (kind === "number" && product === "keepalived" && LEADING_DOT_NUMBER.test(value)) ? inRange(Number(value), min, max) : kind === "int" ? "is not a whole number" : "is not a number",
      };
    }
    case "time":
      return { ...base, check: (value, product) => (product === "keepalived" ? (NUMBER.test(value) ? undefined : "is not a number of seconds") : HAPROXY_TIME.test(value) ? undefined : "is not a time (a number with an optional unit: us, ms, s, m, h, d)") };
    case "size":
      return { ...base, check: (value) => (HAPROXY_SIZE.test(value) ? undefined : "is not a size (a number with an optional k, m or g)") };
    case "bool":
      // keepalived compares the words case-sensitively (check_true_false: strcmp; measured with 2.2.7).
      return {
        ...base,
        values: [...BOOLEAN],
        check: (value, product) => {
          if (BOOLEAN.has(value)) return undefined;
          if (!BOOLEAN.has(value.toLowerCase())) return "is not on/off, true/false or yes/no";
          return product === "keepalived" ? "is not on/off, true/false or yes/no (keepalived reads them in lower case only)" : undefined;
        },
      };
    case "enum": {
      const values = (param ?? "").split("|");
      return { ...base, values, check: (value) => (values.includes(value) ? undefined : `is not one of ${values.join(", ")}`) };
    }
    case "ip":
      return { ...base, check: (value) => (isIp(value) ? undefined : "is not an IP address") };
    case "ip4":
      return { ...base, check: (value) => (isIpv4(value) ? undefined : "is not an IPv4 address") };
    case "ip6":
      return { ...base, check: (value) => (isIpv6(value) ? undefined : "is not an IPv6 address") };
    case "cidr":
      return { ...base, check: checkCidr };
    case "addr":
      return { ...base, check: checkAddressOrName };
    case "port": {
      // `port:0..65535`: port 0 is taken too.
      const lowest = param === "0..65535" ? 0 : 1;
      return { ...base, check: (value, product) => checkPort(value, lowest, product === "keepalived") };
    }
    case "addrrange":
      return { ...base, check: checkAddressRange };
    case "portrange":
      return {
        ...base,
        check: (value) => {
          const [low, high, ...rest] = value.split("-");
          if (rest.length > 0) return "is not a port range";
          return checkPort(low ?? "") ?? (high === undefined ? undefined : checkPort(high));
        },
      };
    case "statuscode":
      return { ...base, check: checkStatusCode };
    case "umask":
      return { ...base, check: checkUmask };
    case "hex": {
      const length = Number(param);
      return { ...base, check: (value) => (/^[0-9a-f]+$/i.test(value) && value.length === length ? undefined : `is not ${length} hexadecimal digits`) };
    }
    case "email":
      return { ...base, check: (value) => (/^[^\s@]+@[^\s@]+$/.test(value) ? undefined : "is not an e-mail address") };
    case "ref":
    case "def":
      return { ...base, target: param, anyValue: true, check: () => undefined };
    default:
      // string, expr, path, file, command, ipport (checked by the bind/server rules), and anything new.
      return { ...base, anyValue: true, check: () => undefined };
  }
}

export function parseShape(text: string): Shape {
  let shape = cache.get(text);
  if (!shape) {
    shape = build(text);
    cache.set(text, shape);
  }
  return shape;
}

/** Checks a value against a shape text; undefined when it fits or holds a variable. */
export function checkShape(text: string, value: string, product: "haproxy" | "keepalived"): string | undefined {
  if (hasVariable(value)) return undefined;
  return parseShape(text).check(value, product);
}
