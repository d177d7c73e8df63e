// Mutation kinds of the seventh round (scripts/mutations.mjs applies them, each kind from a stream of its
// own, after the older kinds, so that earlier seeds keep their mutations): mistakes a tester thinks of
// that the older kinds rarely make. A keyword put where it is not allowed, a number at the edge of its
// range or written another way, an address made wrong, quotes added or taken away, a name used twice,
// a `}` moved one line, an option negated, tabs and odd blanks, a word's case changed. Each takes the
// file's lines and the kind's seeded `pick`/`random`, changes one place, and returns the index of the
// changed line (undefined when the file has nothing to change).

const isStatement = (line) => /\S/.test(line) && !/^\s*[#!]/.test(line);
export const numbered = (lines, test) => lines.map((line, index) => [line, index]).filter(([line]) => isStatement(line) && test(line));
export const indentOf = (line) => /^\s*/.exec(line)[0];

const HAPROXY_SECTION = /^\s*(global|defaults|frontend|backend|listen|peers|resolvers|userlist|cache|program|http-errors|ring|mailers)(?=\s|$)/;

/** haproxy's sections with their kind and statement lines. */
function haproxySections(lines) {
  const found = [];
  lines.forEach((line, index) => {
    const header = HAPROXY_SECTION.exec(line);
    if (header) found.push({ index, kind: header[1], body: [] });
    else if (found.length > 0 && isStatement(line)) found[found.length - 1].body.push(index);
  });
  return found;
}

/** keepalived's blocks: opener index, kind, closing index (brace-counted). */
export function keepalivedBlocks(lines) {
  const found = [];
  const open = [];
  lines.forEach((line, index) => {
    const code = line.replace(/[#!].*$/, "");
    const opener = /^\s*([A-Za-z_]+)\b[^{}]*\{/.exec(code);
    if (opener) open.push({ index, kind: opener[1] });
    for (const _ of code.match(/\}/g) ?? []) {
      const block = open.pop();
      if (block) found.push({ ...block, end: index });
    }
  });
  return found.sort((a, b) => a.index - b.index);
}

/** Lines of haproxy keywords and the section kinds that do not take them (haproxy refuses or ignores them there). */
const HAPROXY_MISPLACED = [
  [/^\s*(balance|server|default-server|hash-type|http-check|cookie|fullconn|server-template|option httpchk)\b/, ["frontend", "global"]],
  [/^\s*(bind|default_backend|use_backend|capture|monitor-uri|tcp-request connection)\b/, ["backend", "global"]],
  [/^\s*(nbthread|chroot|daemon|pidfile|stats socket|ssl-default-bind|tune\.|user|group|lua-load|master-worker)\b/, ["frontend", "backend", "defaults"]],
  [/^\s*(mode|timeout|option|maxconn|log|acl|http-request|retries)\b/, ["global", "userlist", "peers", "resolvers"]],
];

/** Number keywords of haproxy and their edge values. */
const EDGES = ["0", "-1", "1", "255", "256", "65535", "65536", "2147483647", "2147483648", "4294967296"];
const NUMBER_WRITING = (digits, unit) => [`${digits}.5${unit}`, `${digits},000${unit}`, `+${digits}${unit}`, `0${digits}${unit}`, `${digits}_000${unit}`, `${digits} ${unit || "0"}`, `0x${digits}${unit}`, `${digits}e2${unit}`].filter((value) => value.trim() !== `${digits}`);

/** Ways to write an IPv4 address or a port wrong. */
function wrongAddress(address, pick) {
  const [host, port] = address.includes(":") ? [address.slice(0, address.lastIndexOf(":")), address.slice(address.lastIndexOf(":") + 1)] : [address, undefined];
  const octets = host.split(".");
  const ways = [
    () => [...octets.slice(0, 3), pick(["256", "300", "999"])].join("."),
    () => [pick(["256", "300"]), ...octets.slice(1)].join("."),
    () => `${host}.`,
    () => octets.map((octet) => octet.padStart(3, "0")).join("."),
    () => `${host}/${pick(["33", "-1", "x"])}`,
  ];
  if (port !== undefined) ways.push(() => `${host}:${pick(["70000", "65536", "-1", "0x50", "8O"])}`, () => `${host}${port}`, () => `${host}: ${port}`, () => `${host}:${port}:${port}`);
  return pick(ways)();
}

const ODD_BLANKS = ["\t", "\u00a0", "  \t", "\u3000", "\r"];

/** Kinds for both formats. */
function sharedKinds({ pick, random }) {
  return {
    edgeNumber(lines) {
      const chosen = pick(numbered(lines, (line) => /^\s*[A-Za-z][\w.-]*(\s+[^\s#"{}]+)*\s+-?\d+\s*$/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const value = /-?\d+(?=\s*$)/.exec(line)[0];
      const edge = pick(EDGES.filter((edge) => edge !== value));
      lines[index] = line.replace(/-?\d+(\s*)$/, `${edge}$1`);
      return index;
    },
    numberWriting(lines) {
      const chosen = pick(numbered(lines, (line) => /\s\d+(ms|s|m|h|d|k|K|M|g|G)?(\s|$)/.test(line) && !/[{}"]/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const matches = [...line.matchAll(/(?<=\s)(\d+)(ms|s|m|h|d|k|K|M|g|G)?(?=\s|$)/g)];
      const match = pick(matches);
      if (!match) return undefined;
      const written = pick(NUMBER_WRITING(match[1], match[2] ?? ""));
      lines[index] = line.slice(0, match.index) + written + line.slice(match.index + match[0].length);
      return index;
    },
    wrongAddress(lines) {
      const pattern = /(?<![\w.:])(\d{1,3}(?:\.\d{1,3}){3})(:\d+)?(?![\w.])/g;
      const holds = new RegExp(pattern.source);
      const chosen = pick(numbered(lines, (line) => holds.test(line.replace(/[#!].*$/, ""))));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const match = pick([...line.replace(/[#!].*$/, "").matchAll(pattern)]);
      if (!match) return undefined;
      // keepalived writes the port as a word of its own (`real_server 10.0.0.2 80`): break it there too
      const after = /^\s+(\d+)\b/.exec(line.slice(match.index + match[0].length));
      if (after && !match[2] && random() < 0.4) {
        const at = match.index + match[0].length + after[0].indexOf(after[1]);
        lines[index] = line.slice(0, at) + pick(["70000", "65536", "-1", "8O", "0x50"]) + line.slice(at + after[1].length);
        return index;
      }
      lines[index] = line.slice(0, match.index) + wrongAddress(match[0], pick) + line.slice(match.index + match[0].length);
      return index;
    },
    quoting(lines) {
      const quoted = numbered(lines, (line) => /"[^"]*"/.test(line));
      const plain = numbered(lines, (line) => /^\s*[A-Za-z][\w.-]*\s+[^\s"'#{}]/.test(line) && !/["']/.test(line));
      if (quoted.length > 0 && random() < 0.4) {
        const [line, index] = pick(quoted);
        lines[index] = pick([line.replace(/"([^"]*)"/, "$1"), line.replace(/"([^"]*)"/, "'$1'"), line.replace(/"([^"]*)"/, "“$1”"), line.replace(/"([^"]*)"/, '"$1')]);
        return index;
      }
      const chosen = pick(plain);
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const [, head, keyword, gap, word] = /^(\s*)([A-Za-z][\w.-]*)(\s+)([^\s"'#{}]+)/.exec(line);
      const rest = line.slice(head.length + keyword.length + gap.length + word.length);
      lines[index] = pick([
        `${head}"${keyword}"${gap}${word}${rest}`,
        `${head}${keyword}${gap}"${word}"${rest}`,
        `${head}${keyword}${gap}'${word}'${rest}`,
        `${head}${keyword}${gap}"${word}${rest}"`,
        `${head}${keyword}${gap}“${word}”${rest}`,
      ]);
      return index;
    },
    blanks(lines) {
      const chosen = pick(numbered(lines, (line) => /^\s*\S+\s+\S/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const blank = pick(ODD_BLANKS);
      const way = pick(["indent", "between", "trailing"]);
      if (way === "indent") lines[index] = (indentOf(line) === "" ? blank : blank.repeat(2)) + line.trimStart();
      else if (way === "trailing") lines[index] = `${line.trimEnd()}${blank}`;
      else lines[index] = line.replace(/^(\s*\S+)\s+/, `$1${blank}`);
      return index;
    },
  };
}

export function haproxyRound7({ pick, random }) {
  return {
    ...sharedKinds({ pick, random }),
    misplacedKeyword(lines) {
      const all = haproxySections(lines);
      const candidates = all.flatMap((section) => section.body.map((index) => ({ section, index }))).filter(({ index }) => HAPROXY_MISPLACED.some(([test]) => test.test(lines[index])));
      const from = pick(candidates);
      if (!from) return undefined;
      const wrong = HAPROXY_MISPLACED.find(([test]) => test.test(lines[from.index]))[1];
      const to = pick(all.filter((section) => wrong.includes(section.kind)));
      if (!to) return undefined;
      const moved = `${indentOf(lines[to.body[0] ?? from.index]) || "    "}${lines[from.index].trim()}`;
      lines.splice(to.index + 1, 0, moved);
      return to.index + 1;
    },
    duplicateName(lines) {
      const all = haproxySections(lines);
      const named = all.filter((section) => /^(frontend|backend|listen|userlist|peers|resolvers|cache|ring)$/.test(section.kind) && lines[section.index].trim().split(/\s+/).length >= 2);
      const servers = all.filter((section) => section.body.filter((index) => /^\s*(server|user|peer|nameserver)\s+\S+/.test(lines[index])).length >= 2);
      if (servers.length > 0 && random() < 0.5) {
        const section = pick(servers);
        const entries = section.body.filter((index) => /^\s*(server|user|peer|nameserver)\s+\S+/.test(lines[index]));
        const [from, to] = [pick(entries), pick(entries)];
        const name = lines[from].trim().split(/\s+/)[1];
        if (from === to) return undefined;
        lines[to] = lines[to].replace(/^(\s*\S+\s+)\S+/, `$1${name}`);
        return to;
      }
      const from = pick(named);
      const to = pick(named.filter((section) => section !== from && section.kind !== "defaults"));
      if (!from || !to) return undefined;
      lines[to.index] = lines[to.index].replace(/^(\s*\S+\s+)\S+/, `$1${lines[from.index].trim().split(/\s+/)[1]}`);
      return to.index;
    },
    negateOption(lines) {
      const chosen = pick(numbered(lines, (line) => /^\s*(no\s+)?option\s+\S/.test(line) || /^\s*(log|balance|mode|maxconn|timeout|bind|server|acl)\s/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      if (/^\s*no\s+option\s/.test(line)) lines[index] = line.replace(/^(\s*)no\s+option/, "$1option");
      else if (/^\s*option\s/.test(line)) lines[index] = line.replace(/^(\s*)option/, pick(["$1no option", "$1no option", "$1option no", "$1nooption"]));
      else lines[index] = line.replace(/^(\s*)/, "$1no ");
      return index;
    },
    changeCase(lines) {
      const chosen = pick(numbered(lines, (line) => /^\s*[a-z]/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const parts = line.trim().split(/\s+/);
      const at = parts.length > 1 && random() < 0.5 ? 1 : 0;
      const word = parts[at];
      if (!/^[a-z]/.test(word)) return undefined;
      const changed = pick([word.toUpperCase(), word[0].toUpperCase() + word.slice(1)]);
      const start = line.indexOf(word, at === 0 ? 0 : line.indexOf(parts[0]) + parts[0].length);
      lines[index] = line.slice(0, start) + changed + line.slice(start + word.length);
      return index;
    },
  };
}

/** keepalived block kinds and the kinds whose keywords do not belong in them. */
const KEEPALIVED_ELSEWHERE = { vrrp_instance: ["virtual_server", "global_defs", "vrrp_script", "real_server"], virtual_server: ["vrrp_instance", "global_defs"], global_defs: ["vrrp_instance", "virtual_server"], vrrp_script: ["vrrp_instance", "real_server"], real_server: ["virtual_server", "vrrp_instance"] };

export function keepalivedRound7({ pick, random }) {
  return {
    ...sharedKinds({ pick, random }),
    misplacedKeyword(lines) {
      // a line of one block moved into a block of a kind that does not take it (`virtual_router_id` in a `virtual_server`)
      const blocks = keepalivedBlocks(lines);
      const from = pick(blocks.filter((block) => block.kind in KEEPALIVED_ELSEWHERE));
      if (!from) return undefined;
      const inside = new Set(blocks.filter((block) => block !== from && block.index > from.index && block.end < from.end).flatMap((block) => Array.from({ length: block.end - block.index + 1 }, (_, n) => block.index + n)));
      const own = numbered(lines, () => true).filter(([line, index]) => index > from.index && index < from.end && !inside.has(index) && /^\s*[a-z_]+(\s|$)/.test(line) && !/[{}]/.test(line));
      const to = pick(blocks.filter((block) => KEEPALIVED_ELSEWHERE[from.kind].includes(block.kind)));
      const chosen = pick(own);
      if (!to || !chosen) return undefined;
      lines.splice(chosen[1], 1);
      const at = to.index > chosen[1] ? to.index : to.index + 1;
      lines.splice(at, 0, `${indentOf(lines[at] ?? "") || "    "}${chosen[0].trim()}`);
      return at;
    },
    duplicateName(lines) {
      const named = numbered(lines, (line) => /^\s*(vrrp_instance|vrrp_script|vrrp_sync_group|virtual_server_group|real_server|virtual_server)\s+[^\s{]+/.test(line));
      const from = pick(named);
      if (!from) return undefined;
      const kind = /^\s*(\S+)/.exec(from[0])[1];
      const to = pick(named.filter(([line, index]) => index !== from[1] && /^\s*(\S+)/.exec(line)[1] === kind));
      if (!to) return undefined;
      const name = kind === "real_server" || kind === "virtual_server" ? /^\s*\S+\s+([^{]*?)\s*\{/.exec(from[0])?.[1] : /^\s*\S+\s+([^\s{]+)/.exec(from[0])[1];
      if (!name) return undefined;
      lines[to[1]] = kind === "real_server" || kind === "virtual_server" ? to[0].replace(/^(\s*\S+\s+)[^{]*?(\s*\{)/, `$1${name}$2`) : to[0].replace(/^(\s*\S+\s+)[^\s{]+/, `$1${name}`);
      return lines[to[1]] === to[0] ? undefined : to[1];
    },
    moveBrace(lines) {
      const closers = numbered(lines, (line) => /^\s*\}\s*$/.test(line));
      const chosen = pick(closers);
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const other = random() < 0.5 ? index - 1 : index + 1;
      if (other < 0 || other >= lines.length) return undefined;
      [lines[index], lines[other]] = [lines[other], line];
      return other;
    },
  };
}
