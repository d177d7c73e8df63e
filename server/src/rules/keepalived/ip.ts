// IP addresses as keepalived reads them in VIPs, peers, virtual servers and multicast groups: an
// IPv4 or IPv6 address with an optional `/prefix`, compared in a canonical form so that `fe80::1`
// and `FE80:0::1` are the same address.

/** An IPv4 or IPv6 address as keepalived reads it, with its optional prefix. */
export interface Address {
  readonly family: 4 | 6;
  /** The address alone, canonical: dotted quad, or eight lower-case hex groups joined by `:`. */
  readonly address: string;
  readonly bytes: readonly number[];
  /** The prefix length written after `/`, when there is one and it is a number. */
  readonly prefix: number | undefined;
  /** Whether a `/` was written at all. */
  readonly hasPrefix: boolean;
}

/** Set by `parseIPv4`: whether the address it read has a number written with a leading zero (`10.0.01.1`). */
let leadingZero = false;

/**
 * `text[0, end)` as four dot-separated numbers of 1 to 3 digits, each at most 255 (read by
 * character: it runs on every address).
 */
function parseIPv4(text: string, end = text.length): number[] | undefined {
  const bytes: number[] = [];
  let value = 0;
  let digits = 0;
  leadingZero = false;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 46;
    if (c >= 48 && c <= 57) {
      if (++digits > 3) return undefined;
      if (digits === 2 && value === 0) leadingZero = true;
      value = value * 10 + (c - 48);
    } else if (c === 46) {
      if (digits === 0 || value > 255 || bytes.length === 4) return undefined;
      bytes.push(value);
      value = 0;
      digits = 0;
    } else return undefined;
  }
  return bytes.length === 4 ? bytes : undefined;
}

/** Whether `text[from, to)` is one or more digits. */
function allDigits(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function parseIPv6(text: string): number[] | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(text)) return undefined;
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = (half: string): number[] | undefined => {
    if (half === "") return [];
    const out: number[] = [];
    const parts = half.split(":");
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i === parts.length - 1 && part.includes(".")) {
        const v4 = parseIPv4(part);
        if (!v4) return undefined;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else {
        if (!/^[0-9A-Fa-f]{1,4}$/.test(part)) return undefined;
        out.push(parseInt(part, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  let all: number[];
  if (halves.length === 2) {
    if (head.length + tail.length > 7) return undefined;
    all = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    if (head.length !== 8) return undefined;
    all = head;
  }
  return all.flatMap((group) => [group >> 8, group & 0xff]);
}

/** Parses `ADDRESS[/PREFIX]`; undefined when it is not an address (a host name, a variable…). */
export function parseAddress(text: string): Address | undefined {
  const slash = text.indexOf("/");
  const end = slash < 0 ? text.length : slash;
  const prefix = slash >= 0 && allDigits(text, slash + 1, text.length) ? Number(text.slice(slash + 1)) : undefined;
  const v4 = parseIPv4(text, end);
  // Written without leading zeros (most are), the address is its own canonical form.
  if (v4) return { family: 4, address: leadingZero ? v4.join(".") : text.slice(0, end), bytes: v4, prefix, hasPrefix: slash >= 0 };
  const head = text.slice(0, end);
  // A zone (`fe80::1%eth0`) names an interface; it is not part of the address.
  const v6 = parseIPv6(head.replace(/%[^%]*$/, ""));
  if (v6) {
    const address = Array.from({ length: 8 }, (_, i) => ((v6[2 * i]! << 8) | v6[2 * i + 1]!).toString(16)).join(":");
    return { family: 6, address, bytes: v6, prefix, hasPrefix: slash >= 0 };
  }
  return undefined;
}

/**
 * What keepalived 2.2.7 reads of a word where it takes one address (inet_stosockaddr: `real_server`,
 * `connect_ip`, `unicast_src_ip`, a `unicast_peer`, `vrrp_mcast_group4` …): it cuts the text at the
 * first `-` (a range), else at the first `/` (a prefix length), reads what comes before, and says
 * nothing about the rest (measured: `real_server 10.0.0.2-5 80` is 10.0.0.2; `10.0.0.2/-1` is cut to
 * `10.0.0.2/` and refused). Undefined when the word has neither.
 */
export function addressAsRead(value: string): { readonly address: string; readonly dropped: string; readonly range: boolean } | undefined {
  const dash = value.indexOf("-");
  const at = dash >= 0 ? dash : value.indexOf("/");
  if (at <= 0) return undefined;
  return { address: value.slice(0, at), dropped: value.slice(at), range: dash >= 0 };
}

/** Whether an address lies in `network/prefix` (same family). */
export function inNetwork(address: Address, network: string): boolean {
  const net = parseAddress(network);
  if (!net || net.family !== address.family || net.prefix === undefined) return false;
  let bits = net.prefix;
  for (let i = 0; i < address.bytes.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((address.bytes[i]! & mask) !== (net.bytes[i]! & mask)) return false;
  }
  return true;
}
