// iptables-save output (/etc/sysconfig/iptables, ip6tables, rules.v4): `*table`, `:CHAIN POLICY
// [n:m]`, `-A CHAIN …` rules and `COMMIT`. Each rule is read into the shared rule shape; options
// lblint does not model make the rule "might match" rather than being dropped, so evaluation stays
// on the safe side. The same reader takes the iptables arguments of firewalld direct rules.
import { physicalLines, skip, wordRange, type SiteFile } from "../files.js";
import { parsePorts, type Action, type Chain, type FirewallRule, type Match } from "../firewall/rules.js";

/** Tables by name, each a map of its chains. */
export type Tables = Map<string, Map<string, Chain>>;

/** Splits shell-like words, keeping double-quoted strings together. */
export function splitWords(text: string): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ word: m[1] ?? m[2] ?? m[3]!, at: m.index });
  return out;
}

const TERMINAL: Readonly<Record<string, Action>> = { ACCEPT: "accept", DROP: "drop", REJECT: "reject", RETURN: "return" };
/** Targets that let the packet go on to the next rule. */
const CONTINUING = new Set(["LOG", "MARK", "CONNMARK", "NFLOG", "ULOG", "TRACE", "CT", "AUDIT", "TOS", "DSCP", "TTL", "HL", "CLASSIFY", "SET", "CHECKSUM", "TCPMSS", "SECMARK", "CONNSECMARK", "NOTRACK"]);
/** Targets of the nat and mangle tables: they end the packet's walk through that table, not the filter's. */
const OTHER_TABLES = new Set(["TPROXY", "REDIRECT", "DNAT", "SNAT", "MASQUERADE", "NETMAP"]);
/** Options with one value that match nothing: comments, counters, and the options of targets (`--reject-with`). */
const IGNORED_OPTIONS = new Set(["--comment", "-c", "--set-counters", "--reject-with", "--log-prefix", "--log-level", "--to-destination", "--to-source", "--nflog-group", "--nflog-prefix"]);

export interface ParsedRule {
  readonly match: Match;
  readonly action: Action;
  readonly target?: string;
  readonly setMark?: number;
  /** `-j REDIRECT --to-ports N`: the local port the packet is sent to. */
  readonly toPort?: number;
}

/** Reads the arguments of one rule (after `-A CHAIN`). */
export function readRuleArgs(words: readonly string[]): ParsedRule {
  const match: { -readonly [K in keyof Match]: Match[K] } = { opaque: [] };
  const opaque: string[] = [];
  let action: Action = "continue";
  let target: string | undefined;
  let setMark: number | undefined;
  let toPort: number | undefined;
  let negated = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === "!") {
      negated = true;
      continue;
    }
    const next = () => {
      let value = words[++i] ?? "";
      if (value === "!") {
        negated = true;
        value = words[++i] ?? "";
      }
      return value;
    };
    switch (word) {
      case "-p":
      case "--protocol":
        match.proto = { value: next(), negated };
        break;
      case "-s":
      case "--source":
      case "--src":
        match.src = { value: next().split(","), negated };
        break;
      case "-d":
      case "--destination":
      case "--dst":
        match.dst = { value: next().split(","), negated };
        break;
      case "-i":
      case "--in-interface":
        match.inIface = { value: next(), negated };
        break;
      case "--dport":
      case "--destination-port":
      case "--dports":
      case "--destination-ports": {
        const ports = parsePorts(next());
        if (ports) match.dports = { value: ports, negated };
        else opaque.push(word);
        break;
      }
      case "--state":
      case "--ctstate":
        if (negated) opaque.push(word);
        match.states = next().toUpperCase().split(",");
        break;
      case "-m":
      case "--match":
        next();
        break;
      case "-j":
      case "--jump":
      case "-g":
      case "--goto": {
        const name = next();
        const terminal = TERMINAL[name];
        if (terminal) action = terminal;
        else if (CONTINUING.has(name) || OTHER_TABLES.has(name)) action = "continue";
        else action = word === "-g" || word === "--goto" ? "goto" : "jump";
        target = name;
        break;
      }
      case "--set-mark":
      case "--set-xmark": {
        const value = next().split("/")[0]!;
        const n = Number(value);
        if (Number.isInteger(n)) setMark = n;
        break;
      }
      case "--to-ports":
      case "--to-port": {
        const ports = parsePorts(next());
        if (ports) toPort = ports[0]![0];
        else opaque.push(word);
        break;
      }
      default:
        if (IGNORED_OPTIONS.has(word)) next();
        else if (word.startsWith("-")) {
          opaque.push(word);
          // Skip the option's values: every word up to the next option.
          while (words[i + 1] !== undefined && !words[i + 1]!.startsWith("-") && words[i + 1] !== "!") i++;
        }
    }
    if (word !== "!") negated = false;
  }
  match.opaque = opaque;
  return { match, action, ...(target !== undefined ? { target } : {}), ...(setMark !== undefined ? { setMark } : {}), ...(toPort !== undefined ? { toPort } : {}) };
}

const POLICIES: Readonly<Record<string, "accept" | "drop">> = { ACCEPT: "accept", DROP: "drop" };

export function parseIptablesSave(file: SiteFile): Tables {
  const tables: Tables = new Map();
  let table: Map<string, Chain> | undefined;
  const chain = (name: string) => {
    if (!table) tables.set("filter", (table = new Map()));
    let found = table.get(name);
    if (!found) table.set(name, (found = { name, rules: [] }));
    return found;
  };
  for (const line of physicalLines(file)) {
    const text = line.text.trim();
    if (text === "" || text.startsWith("#") || text === "COMMIT") continue;
    if (text.startsWith("*")) {
      const name = text.slice(1).trim();
      table = tables.get(name) ?? new Map();
      tables.set(name, table);
      continue;
    }
    const policy = /^:(\S+)\s+(\S+)/.exec(text);
    if (policy) {
      const at = line.text.indexOf(policy[2]!, line.text.indexOf(policy[1]!) + policy[1]!.length);
      const value = POLICIES[policy[2]!];
      const existing = chain(policy[1]!);
      if (value) table!.set(policy[1]!, { ...existing, policy: { value, uri: file.uri, range: wordRange(file, line, at, policy[2]!.length) } });
      continue;
    }
    const words = splitWords(line.text);
    if ((words[0]?.word === "-A" || words[0]?.word === "--append" || words[0]?.word === "-I") && words[1]) {
      let rest = words.slice(2).map((w) => w.word);
      // `-I CHAIN 1 …` inserts at a position: rare in saved files; read it in order.
      if (words[0].word === "-I" && /^\d+$/.test(rest[0] ?? "")) rest = rest.slice(1);
      const parsed = readRuleArgs(rest);
      const rule: FirewallRule = { ...parsed, where: { value: line.text.trim(), uri: file.uri, range: wordRange(file, line, words[0].at, line.text.trimEnd().length - words[0].at) } };
      chain(words[1].word).rules.push(rule);
      continue;
    }
    skip(file, line.start, line.start + line.text.length, "not an iptables-save line");
  }
  return tables;
}
