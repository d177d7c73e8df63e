// KA008: lines of a value block (`virtual_ipaddress`, `unicast_peer`, `track_script`, …) that
// keepalived reads differently from what they say. Each line is one entry: a second address on the
// same line is taken for an option, and keepalived drops the whole entry (`track_script { a b }`
// tracks neither). An unknown option or a missing option value does the same.
import type { Word } from "../../../../grammars/keepalived/ast.js";
import { keepalivedEntries, readValueLine, type KeepalivedEntries, type ValueLineReading } from "../../facts/keepalived-entries.js";
import { checkShape, isIp, isIpv4, isIpv6 } from "../../facts/shapes.js";
import { addressAsRead } from "./ip.js";
import type { Fix, KeepalivedRule } from "../../lint/rule.js";
import { describeBlock, valueBlocks } from "./keywords.js";
import type { PlacedStatement } from "./model.js";

/** The first positional word (`10.0.0.1 abc` in a virtual_server_group: the port) that is not what its shape says. */
function positionalProblem(grammar: KeepalivedEntries, values: readonly string[], reading: ValueLineReading): { index: number; problem: string } | undefined {
  for (const entry of reading.entries) {
    const shapes = grammar.byFirst?.[values[entry.first]!] ?? grammar.positional ?? [];
    for (let k = 0; k < entry.positional.length; k++) {
      const index = entry.positional[k]!;
      const shape = shapes[k]?.replace(/\?$/, "");
      const problem = shape ? checkShape(shape, values[index]!, "keepalived") : undefined;
      if (problem) return { index, problem };
    }
  }
  return undefined;
}

/** Blocks of `ip rule` entries, whose `from` and `to` take an address with an optional prefix length. */
const RULE_BLOCKS = new Set(["static_rules", "vrrp_instance>virtual_rules"]);

/**
 * A rule's `from` or `to` address keepalived 2.2.7 cannot read ("Invalid rule to address
 * 192.168.100./24": the rule is dropped), or one whose prefix length it cuts to the address's
 * size ("Invalid address prefix len 33 … - using 32"). `all` and `default` are words it takes.
 */
function ruleAddressProblem(values: readonly string[]): { index: number; message: string; cut: boolean } | undefined {
  for (let i = 0; i < values.length - 1; i++) {
    if (values[i] !== "from" && values[i] !== "to") continue;
    const value = values[i + 1]!;
    if (value === "all" || value === "default") continue;
    const problem = checkShape("cidr", value, "keepalived");
    if (!problem) continue;
    const cut = /prefix length above/.test(problem);
    return { index: i + 1, cut, message: `'${value}' ${problem} for '${values[i]}'; keepalived ${cut ? "uses the longest prefix instead" : "drops this rule"}` };
  }
  return undefined;
}

/**
 * How keepalived 2.2.7 reads an address entry's prefix length it cannot use, instead of skipping the
 * entry: a unicast peer's prefix is not read at all (a `-` in it is read as a range); an empty one (`10.0.0.1/`) is read as /0
 * without a word; a word or a number too large is reported and the address gets its full length
 * ("Invalid address prefix len abc for address 10.0.0.1/abc - using 32"). Undefined when the
 * problem is not the prefix; null when keepalived takes the entry as meant.
 */
function prefixReading(blockId: string, value: string, problem: string): string | null | undefined {
  if (!/prefix length/.test(problem)) return undefined;
  // A peer's prefix is not read; a `-` after the `/` leaves `ADDRESS/`, which is none ("malformed unicast peer address").
  if (blockId === "vrrp_instance>unicast_peer") return value.includes("-") ? `'${value}' is not an IP address; keepalived skips this unicast_peer (in vrrp_instance) entry` : null;
  const full = value.includes(":") ? 128 : 32;
  // Read with strtoul(), which takes a '+' (measured: `10.0.0.1/+24` is /24 without a word).
  if (/\/\+\d+$/.test(value) && Number(value.slice(value.lastIndexOf("+") + 1)) <= full) return null;
  if (value.endsWith("/")) return `'${value}' has an empty prefix length; keepalived reads it as /0 without a word`;
  return `'${value}' ${problem}; keepalived reports it and uses /${full}`;
}

export const valueEntries: KeepalivedRule = {
  meta: {
    id: "KA008",
    alias: "value-entries",
    product: "keepalived",
    severity: "error",
    category: "syntax",
    description: "several entries on one line of a value block, or an entry keepalived cannot read",
    fixable: true,
    native: "partly",
    stricter: "keepalived -t reads a VIP with an empty prefix length (`10.0.0.1/`) as /0 without a word, which puts the whole address space on the interface",
  },
  check({ model, report }) {
    // The lines of value blocks (`virtual_ipaddress`, `track_script`…).
    const lines: PlacedStatement[] = [];
    for (const block of valueBlocks(model)) for (const placed of block.statements) lines.push(placed);
    lines.sort((a, b) => a.order - b.order);
    // Neighbouring lines mostly share their block id: the tables are asked when it changes.
    let grammarId: string | undefined;
    let grammar: KeepalivedEntries | undefined;
    for (const { statement, uri, blockId } of lines) {
      if (blockId !== grammarId) {
        grammarId = blockId;
        grammar = keepalivedEntries(blockId)!;
      }
      if (grammar === undefined) continue;
      // The values are read from the table (a variable needs a `$`); the words are made for a finding.
      const values: string[] = [];
      let variable = false;
      const count = statement.wordCount;
      for (let i = 0; i < count && !variable; i++) {
        variable = statement.wordText(i)!.includes("$");
        values.push(statement.wordValue(i)!);
      }
      if (variable) continue;
      const reading = readValueLine(blockId, values);
      if (!reading) continue;
      const where = describeBlock(blockId);
      // `fwmark N` in a virtual_server_group: the first word is a literal, the rest positional.
      if (!grammar.freeForm && !grammar.single && !grammar.byFirst?.[values[0]!]) {
        const firstProblem = checkShape(grammar.first, values[0]!, "keepalived");
        // A peer is read up to a `-` (see addressAsRead): `10.0.0.2-5` is the one peer 10.0.0.2.
        const asRead = firstProblem && blockId === "vrrp_instance>unicast_peer" ? addressAsRead(values[0]!) : undefined;
        if (asRead?.range && isIp(asRead.address)) {
          report({
            uri,
            range: statement.words[0]!.range,
            severity: "warning",
            message: `'${values[0]!}' is read as ${asRead.address}: a unicast_peer entry takes one address, not a range, and keepalived drops '${asRead.dropped}' without a word`,
          });
        } else if (firstProblem && blockId === "vrrp_instance>unicast_peer" && values[0]!.includes("/") && !values[0]!.includes("-")) {
          // keepalived 2.2.7 reads a peer up to its first '/', as IPv6 when the word holds a ':' anywhere
          // (measured: `10.0.0.2/24/24` and `/abc` pass, `10.0.0.2/24:80` and `/2:4` are "malformed unicast
          // peer address"; found by the twelfth mutation round).
          const value = values[0]!;
          const head = value.slice(0, value.indexOf("/"));
          if (!(value.includes(":") ? isIpv6(head) : isIpv4(head))) {
            report({ uri, range: statement.words[0]!.range, message: `'${value}' is not an IP address: keepalived reads a peer up to its '/', ${value.includes(":") ? "as an IPv6 address since the word holds a ':'" : "and finds no IPv4 address"}, and skips this unicast_peer (in vrrp_instance) entry` });
            continue;
          }
        } else if (firstProblem) {
          const prefix = grammar.first === "cidr" ? prefixReading(blockId, values[0]!, firstProblem) : undefined;
          if (prefix !== null) report({ uri, range: statement.words[0]!.range, message: prefix ?? `'${values[0]!}' ${firstProblem}; keepalived skips this ${where} entry` });
          if (prefix !== null) continue;
        }
      }
      const positional = positionalProblem(grammar, values, reading);
      if (positional) {
        report({ uri, range: statement.words[positional.index]!.range, message: `'${values[positional.index]!}' ${positional.problem}; keepalived skips this ${where} entry` });
        continue;
      }
      if (RULE_BLOCKS.has(blockId)) {
        const found = ruleAddressProblem(values);
        if (found) {
          report({ uri, range: statement.words[found.index]!.range, message: found.message, ...(found.cut ? { severity: "warning" as const } : {}) });
          continue;
        }
      }
      if (reading.problems.length === 0) continue;
      const words: readonly Word[] = statement.words;
      // An address entry of a virtual_server_group is read as its address and port: keepalived 2.2.7 and
      // 2.3.3 ignore what follows without a word and keep the entry (a group of `10.0.0.1 80 80` alone is
      // not "removed" as one with no entries is; fifteenth mutation round).
      if (blockId === "virtual_server_group" && values[0] !== "fwmark" && words.length > 2) {
        const dropped = words.slice(2);
        const second = checkShape(grammar.first, dropped[0]!.value, "keepalived") === undefined;
        report({
          uri,
          range: { start: dropped[0]!.range.start, end: dropped[dropped.length - 1]!.range.end },
          severity: "warning",
          message: `keepalived reads a virtual_server_group entry as an address and a port, and ignores '${dropped.map((word) => word.value).join(" ")}' without a word${second ? "; put each entry on its own line" : ""}`,
          ...(second ? { fix: { description: "put each entry on its own line", edits: [{ start: words[1]!.range.end.offset, end: dropped[0]!.range.start.offset, newText: `\n${" ".repeat(Math.max(0, words[0]!.range.start.column))}` }] } } : {}),
        });
        continue;
      }
      const last = words[words.length - 1]!;
      const reportMissingValue = () => report({ uri, range: last.range, message: `'${last.value}' needs a value after it; keepalived skips this ${where} entry` });
      for (const problem of reading.problems) {
        if (problem.kind === "missing-value") {
          reportMissingValue();
          break;
        }
        const word = words[problem.index]!;
        // A tracker entry is read by position (`NAME weight N reverse`), measured on 2.2.7: a word out
        // of place after the weight's value is reported and ignored (a track_file or track_bfd entry is
        // dropped); a word after that is ignored without a word; anywhere else the entry is dropped.
        const afterWeight = grammar.sequence !== undefined && problem.index >= 3 && values[1] === "weight";
        const outcome = afterWeight && !/track_(?:file|bfd)$/.test(blockId) ? "reports it and ignores the word" : "drops the entry";
        if (afterWeight && problem.index > 3) {
          report({ uri, range: word.range, severity: "warning", message: `keepalived reads no more than '${words.slice(0, 4).map((w) => w.value).join(" ")}' of a ${where} entry and ignores '${word.value}' without a word` });
          break;
        }
        if (grammar.sequence !== undefined && Object.hasOwn(grammar.options, word.value)) {
          const order = grammar.sequence.map((alternatives) => alternatives.join("|")).join(" N, then ");
          report({ uri, range: word.range, message: `'${word.value}' is out of place: a ${where} entry reads ${order} in this order after the name; keepalived ${outcome}` });
          break;
        }
        const isSecondEntry = checkShape(grammar.first, word.value, "keepalived") === undefined;
        if (afterWeight) {
          report({ uri, range: word.range, message: `'${word.value}' is not ${grammar.sequence![1]!.map((w) => `'${w}'`).join(" or ")}, the only words a ${where} entry takes after its weight; keepalived ${outcome}` });
        } else if (isSecondEntry) {
          const before = words[problem.index - 1]!;
          const fix: Fix = {
            description: "put each entry on its own line",
            edits: [{ start: before.range.end.offset, end: word.range.start.offset, newText: `\n${" ".repeat(Math.max(0, words[0]!.range.start.column))}` }],
          };
          report({
            uri,
            range: word.range,
            message: `one ${where} entry per line: keepalived reads '${word.value}' as an option of '${words[0]!.value}' and drops the entry`,
            fix,
          });
        } else {
          report({ uri, range: word.range, message: `'${word.value}' is not an option of a ${where} entry; keepalived drops the entry` });
          // keepalived reads on past a word it does not know ("Unknown configuration entry '//' for ip
          // address - ignoring") and still reports an option left without its value after it.
          if (reading.problems.some((later) => later.kind === "missing-value")) reportMissingValue();
        }
        break;
      }
    }
  },
};
