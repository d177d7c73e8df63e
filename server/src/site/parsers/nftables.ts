// /etc/nftables.conf as `nft -f` reads it, as far as the checks need: `define`s, `table FAMILY NAME
// { chain NAME { type filter hook HOOK priority P; policy POLICY; RULES } }` and `add rule` lines.
// Rules are read word by word into the shared rule shape: protocols, addresses, ports, interfaces,
// conntrack state, verdicts, jumps and `meta mark set`. A word lblint does not know makes the rule
// "might match"; sets (`@name`) likewise. `include` is not followed.
import { skip, type Located, type SiteFile } from "../files.js";
import { parsePorts, type Action, type Chain, type FirewallRule, type Match } from "../firewall/rules.js";

export interface NftChain extends Chain {
  readonly family: string;
  readonly table: string;
  readonly hook: string | undefined;
  readonly type: string | undefined;
  readonly priority: number;
}

interface Token {
  readonly text: string;
  readonly start: number;
}

/** Words, quoted strings, and the punctuation `{ } ; ,` plus line breaks as their own tokens. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /#[^\n]*|"[^"\n]*"|\\\n|\n|[{};,]|[^\s{};,"#]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith("#") || m[0] === "\\\n") continue;
    tokens.push({ text: m[0], start: m.index });
  }
  return tokens;
}

const VERDICTS: Readonly<Record<string, Action>> = { accept: "accept", drop: "drop", reject: "reject", return: "return", jump: "jump", goto: "goto" };
const NEUTRAL = new Set(["counter", "notrack"]);
const PRIORITY_NAMES: Readonly<Record<string, number>> = { raw: -300, mangle: -150, dstnat: -100, filter: 0, security: 50, srcnat: 100 };

export function parseNftables(file: SiteFile): NftChain[] {
  const chains: NftChain[] = [];
  const tokens = tokenize(file.text);
  const defines = new Map<string, string[]>();
  let i = 0;
  const peek = () => tokens[i]?.text;
  /** The tokens of one statement: up to a line break, `;` or an unmatched `}`; sets `{…}` kept. */
  const statement = (): Token[] => {
    const out: Token[] = [];
    let depth = 0;
    while (i < tokens.length) {
      const t = tokens[i]!.text;
      if (depth === 0 && (t === "\n" || t === ";")) {
        i++;
        break;
      }
      if (depth === 0 && t === "}") break;
      if (t === "{") depth++;
      if (t === "}") depth--;
      if (t !== "\n") out.push(tokens[i]!);
      i++;
    }
    return out;
  };
  const skipBlock = () => {
    let depth = 0;
    while (i < tokens.length) {
      const t = tokens[i++]!.text;
      if (t === "{") depth++;
      else if (t === "}" && --depth <= 0) return;
    }
  };
  const expand = (words: Token[]): Token[] =>
    words.flatMap((t) => (t.text.startsWith("$") && defines.has(t.text.slice(1)) ? defines.get(t.text.slice(1))!.map((text) => ({ text, start: t.start })) : [t]));

  const readChain = (family: string, table: string, name: string) => {
    const chain: { -readonly [K in keyof NftChain]: NftChain[K] } = { name, family, table, hook: undefined, type: undefined, priority: 0, rules: [] };
    while (i < tokens.length && peek() !== "}") {
      const words = expand(statement());
      if (words.length === 0) continue;
      const first = words[0]!.text;
      if (first === "type") {
        chain.type = words[1]?.text;
        const hook = words.findIndex((w) => w.text === "hook");
        if (hook >= 0) chain.hook = words[hook + 1]?.text;
        const prio = words.findIndex((w) => w.text === "priority");
        if (prio >= 0) {
          const text = words.slice(prio + 1).map((w) => w.text).join("");
          const base = /^([a-z]+)?([+-]?\d+)?$/.exec(text);
          chain.priority = (base?.[1] ? PRIORITY_NAMES[base[1]] ?? 0 : 0) + Number(base?.[2] ?? 0);
        }
      } else if (first === "policy") {
        const value = words[1]?.text;
        if (value === "accept" || value === "drop") chain.policy = { value, uri: file.uri, range: file.lines.range(words[1]!.start, words[1]!.start + value.length) };
      } else if (first === "comment" || first === "devices" || first === "flags") {
        // chain comments and netdev devices: nothing to check.
      } else chain.rules.push(readRule(file, words));
    }
    i++;
    chains.push(chain);
  };
  const readTable = (family: string, table: string) => {
    while (i < tokens.length && peek() !== "}") {
      const t = peek();
      if (t === "\n" || t === ";") {
        i++;
        continue;
      }
      if (t === "chain") {
        i++;
        const name = tokens[i++]?.text ?? "";
        if (peek() === "{") {
          i++;
          readChain(family, table, name);
        }
        continue;
      }
      // sets, maps, flowtables, counters, quotas: not needed for the checks.
      const words = statement();
      if (peek() === "{") skipBlock();
      if (words.length > 0 && !/^(set|map|flowtable|counter|quota|ct|limit|secmark|synproxy|flags|comment)$/.test(words[0]!.text)) {
        skip(file, words[0]!.start, words[words.length - 1]!.start + words[words.length - 1]!.text.length, "not understood in a table");
      }
    }
    i++;
  };
  while (i < tokens.length) {
    const t = peek();
    if (t === "\n" || t === ";") {
      i++;
      continue;
    }
    const start = tokens[i]!;
    if (t === "table") {
      i++;
      let family = tokens[i]!.text;
      let name = tokens[i + 1]?.text ?? "";
      if (name === "{") {
        name = family;
        family = "ip";
      } else i++;
      i++;
      if (peek() === "{") {
        i++;
        readTable(family, name);
      }
      continue;
    }
    const words = statement();
    if (words[0]?.text === "define" && words[2]?.text === "=") {
      defines.set(words[1]!.text, expand(words.slice(3)).map((w) => w.text));
      continue;
    }
    if ((words[0]?.text === "add" || words[0]?.text === "insert") && words[1]?.text === "rule" && words.length > 4) {
      const [family, table, name] = [words[2]!.text, words[3]!.text, words[4]!.text];
      let chain = chains.find((c) => c.family === family && c.table === table && c.name === name);
      if (!chain) chains.push((chain = { name, family, table, hook: undefined, type: undefined, priority: 0, rules: [] }));
      chain.rules.push(readRule(file, expand(words.slice(5))));
      continue;
    }
    if (words[0]?.text === "flush" || words[0]?.text === "#!/usr/sbin/nft") continue;
    if (words.length > 0) {
      const last = words[words.length - 1]!;
      skip(file, start.start, last.start + last.text.length, words[0]!.text === "include" ? "include not followed" : "not understood");
    }
    if (peek() === "{") skipBlock();
  }
  return chains;
}

/** `{ 80, 443 }` or a single word → the words; `@set` → undefined (unknown content). */
function values(words: Token[], at: number): { list: string[] | undefined; next: number } {
  const first = words[at]?.text;
  if (first === "{") {
    const list: string[] = [];
    let j = at + 1;
    for (; j < words.length && words[j]!.text !== "}"; j++) if (words[j]!.text !== ",") list.push(words[j]!.text);
    return { list, next: j + 1 };
  }
  if (first === undefined || first.startsWith("@")) return { list: undefined, next: at + 1 };
  return { list: first.split(","), next: at + 1 };
}

function readRule(file: SiteFile, words: Token[]): FirewallRule {
  const match: { -readonly [K in keyof Match]: Match[K] } = { opaque: [] };
  const opaque: string[] = [];
  let action: Action = "continue";
  let target: string | undefined;
  let setMark: number | undefined;
  let toPort: number | undefined;
  let j = 0;
  const take = (): { list: string[] | undefined; negated: boolean } => {
    let negated = false;
    if (words[j]?.text === "!=") {
      negated = true;
      j++;
    } else if (words[j]?.text === "==") j++;
    const { list, next } = values(words, j);
    j = next;
    return { list, negated };
  };
  while (j < words.length) {
    const w = words[j]!.text;
    const n = words[j + 1]?.text;
    if ((w === "ip" || w === "ip6") && (n === "saddr" || n === "daddr")) {
      j += 2;
      const { list, negated } = take();
      if (!list) opaque.push(`${w} ${n}`);
      else if (n === "saddr") match.src = { value: list, negated };
      else match.dst = { value: list, negated };
    } else if ((w === "ip" && n === "protocol") || (w === "ip6" && n === "nexthdr") || (w === "meta" && n === "l4proto")) {
      j += 2;
      const { list, negated } = take();
      if (list) match.proto = { value: list.join(","), negated };
      else opaque.push(`${w} ${n}`);
    } else if ((w === "tcp" || w === "udp" || w === "th" || w === "sctp") && (n === "dport" || n === "sport")) {
      j += 2;
      if (w !== "th") match.proto = { value: w, negated: false };
      const { list, negated } = take();
      const ports = list ? parsePorts(list.join(",")) : undefined;
      if (n === "sport") opaque.push("sport");
      else if (ports) match.dports = { value: ports, negated };
      else opaque.push(`${w} dport`);
    } else if (w === "iif" || w === "iifname") {
      j++;
      const { list, negated } = take();
      if (list?.length === 1) match.inIface = { value: list[0]!.replace(/^"|"$/g, "").replace(/\*$/, "+"), negated };
      else opaque.push(w);
    } else if (w === "ct" && n === "state") {
      j += 2;
      const { list, negated } = take();
      if (list && !negated) match.states = list.map((s) => s.toUpperCase());
      else opaque.push("ct state");
    } else if ((w === "meta" && n === "mark" && words[j + 2]?.text === "set") || (w === "mark" && n === "set")) {
      j += w === "meta" ? 3 : 2;
      const value = Number(words[j]?.text);
      if (Number.isInteger(value)) setMark = value;
      j++;
    } else if (w === "redirect") {
      // `redirect`, `redirect to :8080`, `redirect to 8080`: a local redirect (nat prerouting).
      target = "REDIRECT";
      j++;
      if (words[j]?.text === "to") {
        const port = Number((words[j + 1]?.text ?? "").replace(/^:/, ""));
        if (Number.isInteger(port) && port > 0) toPort = port;
        else opaque.push("redirect to");
        j += 2;
      }
    } else if (w === "masquerade" || w === "snat") {
      // Source NAT (nat postrouting); what follows (`to ADDR`, flags) does not matter here.
      target = w === "masquerade" ? "MASQUERADE" : "SNAT";
      j = words.length;
    } else if (w in VERDICTS) {
      action = VERDICTS[w]!;
      if (action === "jump" || action === "goto") target = words[++j]?.text;
      j++;
      // `reject with icmp type …`
      if (w === "reject") j = words.length;
    } else if (NEUTRAL.has(w)) j++;
    else if (w === "log" || w === "comment") {
      j++;
      while (j < words.length && !(words[j]!.text in VERDICTS)) j++;
    } else {
      opaque.push(w);
      j++;
    }
  }
  match.opaque = opaque;
  const first = words[0];
  const last = words[words.length - 1];
  const where: Located<string> = {
    value: words.map((t) => t.text).join(" "),
    uri: file.uri,
    range: file.lines.range(first?.start ?? 0, last ? last.start + last.text.length : 0),
  };
  return { match, action, ...(target !== undefined ? { target } : {}), ...(setMark !== undefined ? { setMark } : {}), ...(toPort !== undefined ? { toPort } : {}), where };
}
