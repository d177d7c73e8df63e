// Mutation kinds for haproxy.cfg only (scripts/mutations.mjs applies them): the mistakes a person
// makes in haproxy's own vocabulary, beyond the misspelt keyword and the dropped line that every format
// gets. Each takes the file's lines and the seeded `pick`/`random`, changes one place, and returns the
// index of the changed line (undefined when the file has nothing to change).

const SECTION = /^\s*(global|defaults|frontend|backend|listen|peers|resolvers|userlist|cache|program|http-errors|ring|mailers|fcgi-app|log-forward)(?=\s|$)/;
const isStatement = (line) => !/^\s*#/.test(line) && /\S/.test(line);
const words = (line) => line.trim().split(/\s+/);
const indentOf = (line) => /^\s*/.exec(line)[0];
/** Lines without quotes, braces or comments, so that splitting on blanks gives haproxy's words. */
const plain = (line) => isStatement(line) && !/["'{}\\#]/.test(line);
const rebuild = (line, parts) => indentOf(line) + parts.join(" ");

/** The sections of a file: header index, kind, and the statement lines under it. */
function sections(lines) {
  const found = [];
  lines.forEach((line, index) => {
    const header = SECTION.exec(line);
    if (header) found.push({ index, kind: header[1], body: [] });
    else if (found.length > 0 && isStatement(line)) found[found.length - 1].body.push(index);
  });
  return found;
}

/** A word a hurried hand makes of `word`: letters swapped, dropped or doubled, a dash lost or changed, capitals. */
function nearMiss(word, pick, random) {
  const at = 1 + Math.floor(random() * Math.max(1, word.length - 2));
  const variants = [
    word.slice(0, at) + (word[at + 1] ?? "") + word[at] + word.slice(at + 2),
    word.slice(0, at) + word.slice(at + 1),
    word.slice(0, at) + word[at] + word.slice(at),
    word.includes("-") ? word.replace("-", "_") : word.includes("_") ? word.replace("_", "-") : `${word}s`,
    word.includes("-") ? word.replace("-", "") : word.toUpperCase(),
  ];
  const chosen = pick(variants);
  return chosen === word ? undefined : chosen;
}

/** Words that are right elsewhere but wrong here, for the keywords whose value is one of a few words. */
const WRONG_VALUES = {
  balance: ["round-robin", "roundrobbin", "least-conn", "leastconnection", "sourceip", "url", "hash", "random(x)", "static_rr", "first", "uri", "hdr", "rdp-cookie(", "leastconn", "http"],
  mode: ["https", "tpc", "HTTP", "health", "tcp4", "udp", "log", "ssl"],
  "hash-type": ["constant", "map_based", "consistent sdbm", "consistent djb3", "avalanche"],
  "http-reuse": ["sometimes", "always safe", "aggressiv", "on"],
  log: ["global", "127.0.0.1 local8", "127.0.0.1 local0 verbose", "stdout format json local0", "/dev/log local0 info debug", "127.0.0.1:514 local0 notice alert"],
  "option httpchk": ["GOT /", "GET", "HEAD / HTTP/1.1\\r\\nHost:", "OPTIONS"],
  "stick-table": ["type ip size 1m", "type ipv4 size 1m", "type string len 32 size 1x", "type ip size 100k expire 30x", "type ip size 1m store http_req_rate"],
  "timeout": ["connnect 5s", "clients 30s", "server", "tunnel 1h 1m", "check 5s 10s", "queue -1"],
  cookie: ["SERVERID insert nocache indirect postonly prefix", "SERVERID inserted", "SERVERID insert maxidle", "SERVERID insert domain"],
};

/** Options of one kind of line that the other kind of line does not take. */
const SERVER_ONLY = ["check", "inter 2s", "weight 10", "backup", "fall 3", "rise 2", "cookie s1", "resolvers dns", "init-addr none", "slowstart 10s", "track be/s1", "maxqueue 10", "sni str(x)", "check-ssl", "agent-check", "on-marked-down shutdown-sessions"];
const BIND_ONLY = ["accept-proxy", "transparent", "defer-accept", "v4v6", "v6only", "tfo", "mss 1400", "interface eth0", "strict-sni", "crt-list /etc/x", "accept-netscaler-cip 1", "tcp-ut 5s", "level admin", "expose-fd listeners", "process 1", "thread 1", "nice 10"];
/** Keywords people confuse with a neighbour. */
const NEIGHBOURS = [
  ["use_backend", "default_backend"], ["http-request", "http-response"], ["tcp-request", "tcp-response"], ["bind", "server"],
  ["server", "default-server"], ["frontend", "backend"], ["backend", "listen"], ["stats", "stat"], ["option", "options"],
  ["http-request", "http-after-response"], ["acl", "acls"], ["use_backend", "use-backend"], ["use-server", "use_server"], ["errorfile", "errorloc"],
];

export function haproxyMutations({ pick, random }) {
  const plainLines = (lines, test) => lines.map((line, index) => [line, index]).filter(([line]) => plain(line) && test(line));
  return {
    swapArguments(lines) {
      const chosen = pick(plainLines(lines, (line) => words(line).length >= 3));
      if (!chosen) return undefined;
      const parts = words(chosen[0]);
      const at = Math.floor(random() * (parts.length - 1));
      if (parts[at] === parts[at + 1]) return undefined;
      [parts[at], parts[at + 1]] = [parts[at + 1], parts[at]];
      lines[chosen[1]] = rebuild(chosen[0], parts);
      return chosen[1];
    },
    misspellArgument(lines) {
      const chosen = pick(plainLines(lines, (line) => words(line).slice(1).some((word) => /^[a-z][a-z0-9_.-]{3,}$/.test(word))));
      if (!chosen) return undefined;
      const parts = words(chosen[0]);
      const at = pick(parts.map((word, index) => index).filter((index) => index > 0 && /^[a-z][a-z0-9_.-]{3,}$/.test(parts[index])));
      const changed = nearMiss(parts[at], pick, random);
      if (changed === undefined) return undefined;
      parts[at] = changed;
      lines[chosen[1]] = rebuild(chosen[0], parts);
      return chosen[1];
    },
    wrongValue(lines) {
      const keyOf = (line) => {
        const parts = words(line);
        return parts[0] === "option" && parts[1] === "httpchk" ? "option httpchk" : parts[0];
      };
      const chosen = pick(plainLines(lines, (line) => keyOf(line) in WRONG_VALUES && words(line).length >= 2));
      if (!chosen) return undefined;
      const key = keyOf(chosen[0]);
      lines[chosen[1]] = `${indentOf(chosen[0])}${key} ${pick(WRONG_VALUES[key])}`;
      return chosen[1];
    },
    breakUnit(lines) {
      const unit = /^(\d+)(us|ms|s|m|h|d|k|K|M|g|G)$/;
      const chosen = pick(plainLines(lines, (line) => words(line).slice(1).some((word) => unit.test(word))));
      if (!chosen) return undefined;
      const parts = words(chosen[0]);
      const at = pick(parts.map((word, index) => index).filter((index) => index > 0 && unit.test(parts[index])));
      const [, digits] = unit.exec(parts[at]);
      parts[at] = digits + pick(["x", "q", "sec", "secs", "min", "mn", "hr", "kb", "mb", "S", "Ms", "ss", " s"]);
      lines[chosen[1]] = rebuild(chosen[0], parts);
      return chosen[1];
    },
    badInnerNumber(lines) {
      const chosen = pick(plainLines(lines, (line) => words(line).slice(1, -1).some((word) => /^\d+$/.test(word))));
      if (!chosen) return undefined;
      const parts = words(chosen[0]);
      const at = pick(parts.map((word, index) => index).filter((index) => index > 0 && index < parts.length - 1 && /^\d+$/.test(parts[index])));
      parts[at] = pick(["-1", "0", "99999999999", "abc", "1.5", "300", "1e3", "0x10", ""]);
      lines[chosen[1]] = rebuild(chosen[0], parts.filter((word) => word !== ""));
      return chosen[1];
    },
    sectionHeader(lines) {
      const chosen = pick(sections(lines));
      if (!chosen) return undefined;
      const header = lines[chosen.index];
      const way = pick(["drop", "double", "noName", "otherName", "extraWord"]);
      if (way === "drop") lines.splice(chosen.index, 1);
      else if (way === "double") lines.splice(chosen.index + 1, 0, header);
      else if (way === "noName") lines[chosen.index] = header.replace(/^(\s*\S+)\s+\S+/, "$1");
      else if (way === "extraWord") lines[chosen.index] = `${header.replace(/\s*(#.*)?$/, "")} ${pick(["http", "tcp", "{", "extra", ":80", "from"])}`;
      else {
        const others = sections(lines).filter((section) => section.index !== chosen.index && section.kind !== "global" && section.kind !== "defaults");
        const other = pick(others);
        const name = other && words(lines[other.index])[1];
        if (!name || words(header).length < 2) return undefined;
        lines[chosen.index] = header.replace(/^(\s*\S+\s+)\S+/, `$1${name}`);
      }
      return Math.min(chosen.index, lines.length - 1);
    },
    dropSection(lines) {
      const all = sections(lines);
      const at = Math.floor(random() * all.length);
      const chosen = all[at];
      if (!chosen) return undefined;
      const end = all[at + 1]?.index ?? lines.length;
      lines.splice(chosen.index, end - chosen.index);
      return Math.min(chosen.index, lines.length - 1);
    },
    moveToOtherSection(lines) {
      const all = sections(lines);
      const from = pick(all.filter((section) => section.body.length > 0));
      const to = pick(all.filter((section) => from && section.kind !== from.kind));
      if (!from || !to) return undefined;
      const line = pick(from.body);
      const moved = lines[line];
      lines.splice(line, 1);
      const at = to.index > line ? to.index : to.index + 1;
      lines.splice(at, 0, moved);
      return at;
    },
    breakAddress(lines) {
      const address = /^(\[?[0-9a-fA-F.:*]*\]?|[a-z0-9.-]*):(\d+)(-\d+)?$/;
      const chosen = pick(plainLines(lines, (line) => /^\s*(bind|server|peer|nameserver|default-server|log)\s/.test(line) && words(line).some((word) => address.test(word))));
      if (!chosen) return undefined;
      const parts = words(chosen[0]);
      const at = parts.findIndex((word) => address.test(word));
      const [, host, port] = address.exec(parts[at]);
      parts[at] = pick([host, `${host}${port}`, `${host}:`, `${host}:99999`, `${host}:0`, `${host}:${port}a`, `${host}:${port}-1`, `${host === "" || host === "*" ? "1.2.3.256" : `${host}.1`}:${port}`, `${host}::${port}`, `${host};${port}`]);
      lines[chosen[1]] = rebuild(chosen[0], parts);
      return chosen[1];
    },
    crossOption(lines) {
      const chosen = pick(plainLines(lines, (line) => /^\s*(bind|server|default-server)\s/.test(line)));
      if (!chosen) return undefined;
      const option = pick(/^\s*bind\s/.test(chosen[0]) ? SERVER_ONLY : BIND_ONLY);
      lines[chosen[1]] = `${chosen[0].replace(/\s+$/, "")} ${option}`;
      return chosen[1];
    },
    conditionName(lines) {
      const chosen = pick(plainLines(lines, (line) => / (if|unless) +!?[a-zA-Z]/.test(line)));
      if (!chosen) return undefined;
      const parts = words(chosen[0]);
      const start = parts.findIndex((word) => word === "if" || word === "unless");
      const names = parts.map((word, index) => index).filter((index) => index > start && /^!?[a-zA-Z][\w.-]+$/.test(parts[index]) && !/^(or|OR|\|\|)$/.test(parts[index]));
      const at = pick(names);
      if (at === undefined) return undefined;
      const changed = nearMiss(parts[at].replace(/^!/, ""), pick, random);
      if (!changed) return undefined;
      parts[at] = (parts[at].startsWith("!") ? "!" : "") + changed;
      lines[chosen[1]] = rebuild(chosen[0], parts);
      return chosen[1];
    },
    breakCondition(lines) {
      const chosen = pick(lines.map((line, index) => [line, index]).filter(([line]) => isStatement(line) && / (if|unless) /.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      lines[index] = pick([
        line.replace(/ (if|unless) .*$/, " $1"),
        line.replace(/ (if|unless) /, " "),
        line.replace(/ (if|unless) /, " iff "),
        line.replace(/ (if|unless) /, " when "),
        line.replace(/ (if|unless) /, " if not "),
        line.replace(/ (if|unless) (.*)$/, " $1 $2 ||"),
        line.replace(/ (if|unless) (.*)$/, " $1 $2 unless"),
        line.replace(/ (if|unless) (.*)$/, " $1 $2 &&"),
      ]);
      return index;
    },
    neighbourKeyword(lines) {
      const chosen = pick(lines.map((line, index) => [line, index]).filter(([line]) => isStatement(line) && NEIGHBOURS.some((pair) => pair.includes(words(line)[0]))));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const keyword = words(line)[0];
      const pair = pick(NEIGHBOURS.filter((candidate) => candidate.includes(keyword)));
      const other = pair[0] === keyword ? pair[1] : pair[0];
      lines[index] = line.replace(keyword, other);
      return index;
    },
  };
}
