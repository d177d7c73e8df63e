// KA003 for the keywords keepalived 2.2.7 reads word by word with rules of their own, which no
// argument shape states: `garp_extra_if 5 all` (a delay and `all`, in any order),
// `vrrp_rx_bufs_policy MTU|ADVERT|SIZE`, `persistence_granularity` (a netmask read with inet_aton,
// or a prefix length for IPv6), UDP_CHECK's hexadecimal `payload` / `require_reply`, the length
// of a VRRP instance's interface name and of its VMAC's (`use_vmac`), and DNS_CHECK's `name`. Every
// verdict was measured with keepalived -t (test/rules/KA003-words-oracle.test.ts holds the table).
import type { Word } from "../../../../grammars/keepalived/ast.js";
import type { KeepalivedRule, Report } from "../../lint/rule.js";
import type { PlacedStatement } from "./model.js";
import { isIpv4, isIpv6 } from "../../facts/shapes.js";
import { isDynamic } from "./vrrp.js";

type Context = Parameters<KeepalivedRule["check"]>[0];
type WordsCheck = (name: string, args: readonly Word[], placed: PlacedStatement) => Report[];

const UINT_MAX = 4294967295;
/** keepalived's read_unsigned: decimal, a `+` allowed (`0x10` and `1.5` are "invalid number"). */
const UNSIGNED = /^\+?\d+$/;

function unsignedIn(value: string, low: number, high: number): boolean {
  return UNSIGNED.test(value) && Number(value) >= low && Number(value) <= high;
}

/**
 * `garp_extra_if` / `vrrp_garp_extra_if` (and their deprecated names): each word is `all` or a delay
 * in seconds; the first other word makes keepalived ignore the line ("'abc' invalid - ignoring"), no
 * delay at all too ("specified without time"), and of several delays the last one is used.
 */
const garpExtraIf = (low: number): WordsCheck => (name, args, placed) => {
  const delays: Word[] = [];
  for (const word of args) {
    if (word.value === "all") continue;
    if (!unsignedIn(word.value, low, 86400)) {
      const what = UNSIGNED.test(word.value) ? `is not a delay from ${low} to 86400 seconds` : `is neither a delay in seconds nor 'all'`;
      return [{ range: word.range, message: `'${word.value}' ${what} for '${name}'; keepalived reports it and ignores the line` }];
    }
    delays.push(word);
  }
  const last = delays[delays.length - 1];
  if (!last) return [{ range: placed.statement.keyword.range, message: `'${name}' needs a delay in seconds, not only 'all'; keepalived reports it and ignores the line` }];
  if (delays.length === 1) return [];
  return [{ range: delays[0]!.range, severity: "warning", message: `'${delays[0]!.value}' is overridden by the later delay '${last.value}'; keepalived uses the last one and says nothing` }];
};

/**
 * `vrrp_rx_bufs_policy`: `MTU` or `ADVERT` (any case), or a size in bytes. keepalived reads every
 * size from the first word, so a size after a policy word is refused ("invalid number 'MTU'") and a
 * second size is never read; it refuses MTU with ADVERT, and a size with either.
 */
const rxBufsPolicy: WordsCheck = (name, args) => {
  const reports: Report[] = [];
  const policies: Word[] = [];
  const first = args[0]!;
  const size = unsignedIn(first.value, 0, UINT_MAX);
  for (const [index, word] of args.entries()) {
    if (/^(mtu|advert)$/i.test(word.value)) policies.push(word);
    else if (index > 0 && size) reports.push({ range: word.range, severity: "warning", message: `keepalived reads a size from the first word only and says nothing about '${word.value}'` });
    else if (index > 0 && UNSIGNED.test(word.value)) reports.push({ range: word.range, message: `keepalived reads a size from the first word ('${first.value}'), so it reports '${word.value}' as invalid and ignores it; give the size alone` });
    else if (!size) reports.push({ range: word.range, message: `'${word.value}' is not MTU, ADVERT or a buffer size in bytes for '${name}'; keepalived reports it and ignores it` });
  }
  if (size && policies.length > 0) {
    reports.push({ range: policies[0]!.range, message: `'${name}' takes a size or a policy, not both; keepalived reports it and ignores '${policies.map((w) => w.value).join(" ")}'` });
  } else {
    const advert = policies.find((w) => /^advert$/i.test(w.value));
    if (advert && policies.some((w) => /^mtu$/i.test(w.value))) reports.push({ range: advert.range, message: `'${name}' takes MTU or ADVERT, not both; keepalived reports it and ignores ADVERT` });
  }
  return reports;
};

/** inet_aton's reading: one to four parts, each decimal, octal (`0…`) or hexadecimal (`0x…`), the last one filling the remaining bytes. */
export function inetAton(value: string): number | undefined {
  const parts = value.split(".");
  if (parts.length > 4) return undefined;
  let result = 0;
  for (const [index, part] of parts.entries()) {
    const number = /^0x[0-9a-f]+$/i.test(part) ? Number.parseInt(part.slice(2), 16) : /^0[0-7]*$/.test(part) ? Number.parseInt(part, 8) : /^[1-9]\d*$/.test(part) ? Number(part) : NaN;
    const last = index === parts.length - 1;
    const bits = last ? 8 * (4 - index) : 8;
    if (!(number < 2 ** bits)) return undefined;
    result = last ? result * 2 ** bits + number : result * 256 + number;
  }
  return result;
}

function dotted(mask: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(mask / 2 ** shift) % 256).join(".");
}

/**
 * `persistence_granularity`: for an IPv6 virtual server a prefix length from 1 to 128; otherwise a
 * netmask read by inet_aton, so `24` is taken, silently, as the mask 0.0.0.24.
 */
const persistenceGranularity: WordsCheck = (name, args, placed) => {
  const word = args[0]!;
  const address = placed.parent?.header?.wordValue(1);
  // A `group` or `fwmark` virtual server has no family of its own: keepalived 2.2.7 and 2.3.3 read a
  // value without a '.' as an IPv6 prefix length ("invalid number '/33'", "Invalid IPv6
  // persistence_granularity") and one with a '.' as a netmask (fourteenth mutation round).
  const familyless = (address === "group" || address === "fwmark") && !placed.within?.statements.some((line) => line.keyword === "ip_family");
  if ((address !== undefined && isIpv6(address)) || (familyless && !word.value.includes("."))) {
    const what = familyless ? `of a ${address} virtual server (a value without a '.' is read as an IPv6 prefix length)` : "of an IPv6 virtual server";
    return unsignedIn(word.value, 1, 128) ? [] : [{ range: word.range, message: `'${word.value}' is not a prefix length from 1 to 128 for '${name}' ${what}; keepalived reports it and ignores it` }];
  }
  if (address === undefined || (!isIpv4(address) && !familyless)) return [];
  const mask = inetAton(word.value);
  if (mask === undefined) return [{ range: word.range, message: `'${word.value}' is not a netmask (such as 255.255.255.0) for '${name}'; keepalived reports it and ignores it` }];
  const inverted = UINT_MAX - mask;
  // Contiguous when the bits it leaves out are all low ones (the 32-bit `&` wraps 2^32 to 0).
  if ((inverted & (inverted + 1)) === 0) return [];
  if (!word.value.includes(".") && mask <= 32) {
    const prefix = dotted(UINT_MAX - (2 ** (32 - mask) - 1));
    return [{ range: word.range, severity: "warning", message: `keepalived reads '${word.value}' as the netmask ${dotted(mask)}, not as a prefix length, and says nothing; write ${prefix}` }];
  }
  const shown = dotted(mask) === word.value ? `'${word.value}'` : `'${word.value}' (${dotted(mask)})`;
  return [{ range: word.range, severity: "warning", message: `${shown} is not a contiguous netmask; keepalived says nothing and groups clients by those bits` }];
};

/** UDP_CHECK's `payload` and `require_reply`: hexadecimal digits in any grouping (`Ab12f 3 456`); require_reply also takes `x` for a digit it does not compare. */
const hexString = (wildcard: boolean): WordsCheck => (name, args) => {
  const digits = wildcard ? /^[0-9a-fx]+$/i : /^[0-9a-f]+$/i;
  const word = args.find((w) => !digits.test(w.value));
  if (!word) return [];
  const what = wildcard ? "made of hexadecimal digits (or x for one not compared)" : "made of hexadecimal digits";
  return [{ range: word.range, message: `'${word.value}' is not ${what} for UDP_CHECK '${name}'; keepalived reports an invalid hex string and ignores the line` }];
};

/**
 * A VRRP instance's `interface`: the kernel allows names of up to 15 characters, without a '/', and keepalived
 * 2.2.7 ignores a longer one ("Interface name '…' too long - ignoring"), leaving the instance
 * without an interface ("Unknown interface!"), which stops the VRRP process.
 */
const interfaceName: WordsCheck = (_name, args) => {
  const word = args[0]!;
  // A statement ends at the line's end, so `interface eth1;` names the interface 'eth1;' (the kernel
  // allows the name): keepalived 2.2.7 reports "interface eth1; for vrrp_instance VI_1 doesn't exist"
  // and -t exits 5, where the same file's numbers with a ';' are refused outright (tenth real-world round).
  if (word.value.length > 1 && word.value.endsWith(";") && word.value.length <= 15 && !word.value.includes("/")) {
    const name = word.value.slice(0, -1);
    const end = word.range.end.offset;
    return [{ range: word.range, severity: "warning", message: `'${word.value}' ends with ';', which keepalived keeps in the name (a keepalived line needs no ';'): it looks for an interface named '${word.value}', not '${name}'`, fix: { description: "remove the ';'", edits: [{ start: end - 1, end, newText: "" }] } }];
  }
  // `ip link` shows an interface with the one it is linked to after '@' (a veth pair's `eth0@if2`,
  // a VLAN's `eth0.10@eth0`); the name is what comes before. keepalived 2.2.7 looks for the whole word
  // ("WARNING - interface eth0@if2 for vrrp_instance … doesn't exist", -t exits 5; tenth real-world round).
  const linked = /^([^@/]+)@[^@/]+$/.exec(word.value);
  if (linked && word.value.length <= 15) {
    const name = linked[1]!;
    return [{ range: word.range, severity: "warning", message: `'${word.value}' reads like 'ip link' output, which shows an interface with its link after '@': the interface is '${name}', and keepalived looks for one named '${word.value}'`, fix: { description: `write '${name}'`, edits: [{ start: word.range.start.offset + name.length, end: word.range.end.offset, newText: "" }] } }];
  }
  // A '/' is in no interface's name (`interface 192.168.0.92/24`: "WARNING - interface … doesn't exist", and -t exits 5; eleventh mutation round).
  if (word.value.length <= 15 && !word.value.includes("/")) return [];
  if (word.value.length <= 15) return [{ range: word.range, message: `'${word.value}' holds a '/', which no interface name may have; keepalived reports the interface missing` }];
  return [{ range: word.range, message: `'${word.value}' is ${word.value.length} characters long, more than the 15 an interface name may have; keepalived ignores it, and the instance has no interface` }];
};

/**
 * `use_vmac NAME`: the VMAC interface's name, which keepalived 2.2.7 ignores when it is longer than
 * 15 characters or holds a character the kernel refuses ('/', ':', a blank): "VMAC interface name
 * '//primary' too long or invalid characters - ignoring" (measured); the VMAC then gets its default name.
 */
const vmacName: WordsCheck = (_name, args) => {
  const word = args[0]!;
  const problem = word.value.length > 15 ? `is ${word.value.length} characters long, more than the 15 an interface name may have` : /[/:\s]/.test(word.value) || word.value === "." || word.value === ".." ? "is not a name the kernel takes for an interface" : undefined;
  return problem ? [{ range: word.range, message: `'${word.value}' ${problem}; keepalived ignores it and names the VMAC interface itself` }] : [];
};

/**
 * DNS_CHECK's `name`: keepalived 2.2.7 and 2.3.3 report a name with an empty label and ignore it
 * ("DNS_CHECK name 'a..b' has empty label - ignoring"), so the check asks for its default name: a
 * `.` at the start or two in a row. A final `.` (a fully qualified name) passes, except, as both
 * releases measure, when the first label is one character long (`a.`, `x.example.com.`). The root
 * `.` alone passes; long labels pass unremarked.
 */
const dnsName: WordsCheck = (_name, args) => {
  const word = args[0]!;
  const value = word.value;
  if (value === ".") return [];
  const labels = value.split(".");
  const inner = labels.slice(0, -1).includes("");
  const oddTrailing = !inner && value.length > 1 && value.endsWith(".") && labels[0]!.length === 1;
  if (!inner && !oddTrailing) return [];
  if (inner) return [{ range: word.range, message: `'${value}' has an empty label (a '.' at its start or two in a row); keepalived reports it and ignores the name` }];
  const end = word.range.end.offset;
  const fix = word.text === value ? { fix: { description: "remove the final '.'", edits: [{ start: end - 1, end, newText: "" }] } } : {};
  return [{ range: word.range, message: `keepalived reads '${value}' as having an empty label (a final '.' after a one-character first label) and ignores the name`, ...fix }];
};

/** Which keywords, in which block, and their check. */
const CHECKS: readonly { block: string; keywords: readonly string[]; check: WordsCheck }[] = [
  { block: "vrrp_instance", keywords: ["garp_extra_if", "vmac_garp_intvl"], check: garpExtraIf(0) },
  { block: "global_defs", keywords: ["vrrp_garp_extra_if", "vrrp_vmac_garp_intvl"], check: garpExtraIf(1) },
  { block: "global_defs", keywords: ["vrrp_rx_bufs_policy"], check: rxBufsPolicy },
  { block: "vrrp_instance", keywords: ["interface"], check: interfaceName },
  { block: "vrrp_instance", keywords: ["use_vmac"], check: vmacName },
  { block: "virtual_server", keywords: ["persistence_granularity"], check: persistenceGranularity },
  { block: "virtual_server>real_server>UDP_CHECK", keywords: ["payload"], check: hexString(false) },
  { block: "virtual_server>real_server>UDP_CHECK", keywords: ["require_reply"], check: hexString(true) },
  { block: "virtual_server>real_server>DNS_CHECK", keywords: ["name"], check: dnsName },
];

export function wordValueReports(model: Context["model"], report: Context["report"]): void {
  for (const { block, keywords, check } of CHECKS) {
    for (const keyword of keywords) {
      for (const placed of model.withKeyword(keyword)) {
        const args = placed.statement.args;
        // Without a value KA003 reports the missing one; a variable is known only at run time.
        if (placed.blockId !== block || args.length === 0 || args.some(isDynamic)) continue;
        for (const item of check(keyword, args, placed)) report({ uri: placed.uri, ...item });
      }
    }
  }
}
