// Mutation kinds of the fifteenth round for haproxy (scripts/mutations.mjs applies them after the fourteenth
// round's, each kind from a stream of its own, so that earlier seeds keep their mutations): slips no earlier
// kind makes. Captures (`capture request header Host len 0`, `capture cookie SRV` without `len`, `declare
// capture`, `http-request capture … id 5`), `server-template` arguments (`srv 3-1`, `srv 0`, names that
// clash with a server's), `monitor-uri` / `monitor fail` and `option forwardfor` / `option originalto`
// (`except 10.0.0.0/33`, `header` without a name), `hash-type` / `hash-balance-factor` / `http-reuse`
// arguments, a backend reference that names a frontend or a defaults section (`default_backend`,
// `use_backend`, `use-server`, `force-persist`), a `mailers` section and `email-alert` lines, `stats`
// lines (`stats auth admin`, `stats refresh abc`, `stats admin` without a condition), and `cookie`
// persistence options (`cookie SRV insert rewrite`, `maxidle abc`, `domain` without a dot, a server's
// `cookie` value). Each takes the file's lines and the kind's seeded `pick`/`random`, changes one place,
// and returns the index of the changed line (undefined when the file has nothing to change).

import { indentOf, numbered } from "./mutations-round7.mjs";
import { code, insertInto, sections } from "./mutations-round13-haproxy.mjs";

let pick15 = (list) => list[0];

/** A section added at the end of the file: its head and lines; the index of the line given by `at` (0: the head). */
function appendSection(lines, head, entries, at) {
  const start = lines.length;
  lines.push("", head, ...entries.map((entry) => `    ${entry}`));
  return start + 1 + at;
}

/** The section a line index falls in. */
const sectionOf = (all, index) => all.find((s) => index > s.index && index < s.end);

const CAPTURES = [
  () => `capture request header ${pick15(["Host len 64", "Host len 0", "Host len abc", "Host len", "Host", "Host len 64 x", "Host length 64", "Host len -1", "User-Agent len 1024", "Host len 99999999", "len 64"])}`,
  () => `capture response header ${pick15(["Server len 32", "Server len", "Server", "Server len 0", "Server len 32k"])}`,
  () => `capture cookie ${pick15(["SRV len 32", "SRV= len 32", "SRV", "SRV len", "SRV len 0", "SRV len abc", "len 32", "SRV len 32 x"])}`,
  () => `capture ${pick15(["header Host len 64", "request Host len 64", "req header Host len 64", ""])}`.trimEnd(),
  () => `declare capture ${pick15(["request len 64", "response len 64", "request", "request len", "request len 0", "request len abc", "req len 64", "len 64", "request len 64 x"])}`,
  () => `http-request capture ${pick15(["req.hdr(host) len 64", "req.hdr(host) id 0", "req.hdr(host) id 5", "req.hdr(host)", "req.hdr(host) len", "req.hdr(host) len abc", "req.hdr(host) len 0", "req.hdr(host) id abc", "req.hdr(host) len 10 id 0", "nosuchfetch len 10"])}`,
  () => `http-response capture ${pick15(["res.hdr(server) id 0", "res.hdr(server) id 3", "res.hdr(server) len 10", "res.hdr(server)"])}`,
  () => `tcp-request content capture ${pick15(["req.payload(0,10) len 10", "req.payload(0,10)", "req.payload(0,10) id 0"])}`,
];

const TEMPLATES = [
  "3 app.example.com:80 check init-addr none", "1-3 app.example.com:80 init-addr none", "3-1 app.example.com:80 init-addr none",
  "0 app.example.com:80 init-addr none", "abc app.example.com:80 init-addr none", "3", "", "3 10.0.0.1:80", "3 10.0.0.1:80 check",
  "3 app.example.com:80 resolvers nowhere init-addr none", "3 app.example.com init-addr none", "1-0 app.example.com:80 init-addr none",
  "2-x app.example.com:80 init-addr none", "3 app.example.com:80 init-addr nowhere", "3 app.example.com:80 init-addr last,libc,none",
  "3 app.example.com:80 init-addr none resolve-prefer ipv7", "3 app.example.com:80 init-addr none resolve-prefer ipv6", "3-3 10.0.0.1:80",
  "3 app.example.com:80", "1- 10.0.0.1:80", "-3 10.0.0.1:80", "3 _http._tcp.app.example.com init-addr none",
];

const MONITORS = [
  () => `monitor-uri ${pick15(["/health", "", "health", "/health /x", "/haproxy?monitor"])}`.trimEnd(),
  () => `monitor fail ${pick15(["if TRUE", "unless TRUE", "", "if", "TRUE", "if nosuchacl", "if FALSE FALSE", "if { always_false }"])}`.trimEnd(),
  () => `monitor ${pick15(["fail", "", "ok if TRUE"])}`.trimEnd(),
  () => `option forwardfor ${pick15(["", "except 127.0.0.0/8", "except 10.0.0.0/33", "except", "except abc", "header X-Client-IP", "header", "if-none", "if-none x", "except 127.0.0.1 header X-Real-IP if-none", "except ::1/128", "header X-A header X-B", "except 10.0.0.300", "x"])}`.trimEnd(),
  () => `option originalto ${pick15(["", "except 10.0.0.0/8", "header X-Original-To", "header", "except 10.0.0.300", "foo", "if-none"])}`.trimEnd(),
  () => `no option forwardfor ${pick15(["", "except 10.0.0.0/8"])}`.trimEnd(),
];

const HASHING = [
  () => `hash-type ${pick15(["consistent", "map-based", "consistent sdbm", "consistent djb2 avalanche", "map-based crc32", "consistent wt6", "consistent none", "consistent xxh64", "consistent crc32 avalanche x", "avalanche", "consistent avalanche", "consistent sdbm sdbm", "", "consistent md5", "map-based avalanche"])}`.trimEnd(),
  () => `hash-balance-factor ${pick15(["150", "0", "99", "100", "101", "65535", "65536", "abc", "", "150%"])}`.trimEnd(),
  () => `http-reuse ${pick15(["never", "safe", "aggressive", "always", "sometimes", "", "safe x", "Safe"])}`.trimEnd(),
  () => `hash-preserve-affinity ${pick15(["always", "maxconn", "maxqueue", "never"])}`,
];

const STATS = [
  "enable", "enable x", "uri /stats", "uri", "uri stats", "realm HAProxy\\ Statistics", "realm", "realm a b", "auth admin:secret", "auth admin",
  "auth", "auth :", "auth admin:secret x", "refresh 10s", "refresh abc", "refresh", "refresh 0", "refresh -1", "admin if TRUE", "admin", "admin TRUE",
  "admin if LOCALHOST", "admin unless TRUE", "scope .", "scope", "scope nowhere", "show-desc", "show-desc x y", "show-legends", "show-legends x",
  "show-node", "show-node n1 x", "hide-version", "hide-version yes", "show-modules", "http-request deny", "http-request allow if TRUE",
  "http-request auth realm x", "http-request nosuch", "timeout 10s", "maxconn 10", "socket /tmp/lblint-r15.sock", "bind-process 1", "nosuch",
];
const GLOBAL_STATS = [
  "socket ipv4@127.0.0.1:9999 level admin", "socket", "socket ipv4@127.0.0.1:9999 level root", "socket ipv4@127.0.0.1:9999 mode abc",
  "socket ipv4@127.0.0.1:9999 expose-fd listeners", "socket ipv4@127.0.0.1:9999 expose-fd", "timeout 30s", "timeout", "timeout abc",
  "maxconn 10", "maxconn", "maxconn abc", "uri /stats", "enable", "bind-process 1", "auth admin:x",
];

const COOKIES = [
  "SERVERID insert indirect nocache", "SERVERID insert", "SERVERID", "", "SERVERID rewrite", "SERVERID prefix", "SERVERID insert rewrite",
  "SERVERID insert prefix", "SERVERID prefix indirect", "SERVERID insert postonly", "SERVERID insert preserve", "SERVERID preserve",
  "SERVERID insert maxidle 30m", "SERVERID insert maxidle abc", "SERVERID insert maxlife", "SERVERID insert maxlife 1h maxidle 30m",
  "SERVERID insert domain example.com", "SERVERID insert domain .example.com", "SERVERID insert dynamic", "SERVERID insert httponly secure",
  "SERVERID insert attr SameSite=Strict", "SERVERID insert attr", "SERVERID insert attr a;b", "SERVERID insert nocache x",
  "SERVERID insert indirect nocache nocache", "SERVERID rewrite nocache", "SERVERID insert maxidle 0", "SERVERID insert maxidle -1",
];
const PERSISTENCE = [
  () => `persist rdp-cookie${pick15(["", "(msts)", "(", " x", "(msts) x"])}`,
  () => `appsession JSESSIONID len 52 timeout 3h`,
  () => `dynamic-cookie-key ${pick15(["secret", ""])}`.trimEnd(),
  () => `force-persist ${pick15(["if TRUE", "", "TRUE", "unless TRUE"])}`.trimEnd(),
  () => `ignore-persist ${pick15(["if TRUE", "", "if nosuchacl"])}`.trimEnd(),
];

const MAILERS_LINES = [
  () => `mailer ${pick15(["smtp1 127.0.0.1:25", "smtp1 127.0.0.1", "smtp1", "127.0.0.1:25", "smtp1 127.0.0.1:0", "smtp1 127.0.0.1:99999", "smtp1 10.0.0.300:25", "smtp1 127.0.0.1:25 x"])}`,
  () => `timeout mail ${pick15(["10s", "abc", "", "-1", "0", "10s 20s"])}`.trimEnd(),
  () => `timeout ${pick15(["connect 5s", "mail", "smtp 10s"])}`,
  () => `mailers smtp1 127.0.0.1:25`,
];
const EMAIL_ALERTS = (mailers) => [
  () => `email-alert mailers ${pick15([mailers, mailers, "nowhere", ""])}`.trimEnd(),
  () => `email-alert from ${pick15(["haproxy@example.com", "", "a b"])}`.trimEnd(),
  () => `email-alert to ${pick15(["ops@example.com", ""])}`.trimEnd(),
  () => `email-alert level ${pick15(["alert", "notice", "info", "warning", "warn", "crit", "", "debug", "critical"])}`.trimEnd(),
  () => `email-alert myhostname ${pick15(["lb1", ""])}`.trimEnd(),
  () => `email-alert ${pick15(["", "x", "enable"])}`.trimEnd(),
];

export function haproxyRound15({ pick, random }) {
  pick15 = pick;
  /** A line of `entries` put in place of one `present` matches (chance `change`), or into a section of `kinds`. */
  const changeOrAdd = (lines, present, change, kinds, text) => {
    const found = numbered(lines, (line) => present.test(code(line)));
    if (found.length > 0 && random() < change) {
      const [line, index] = pick(found);
      lines[index] = `${indentOf(line)}${text()}`;
      return lines[index] === line ? undefined : index;
    }
    const section = pick(sections(lines).filter((s) => kinds.test(s.kind)));
    if (!section) return undefined;
    return insertInto(lines, section, text());
  };
  return {
    captureLines(lines) {
      // a capture's length left out or made wrong (`capture request header Host len 0`, `capture cookie SRV`, `declare capture request`, `http-request capture … id 5`), sometimes in a backend
      const kinds = random() < 0.75 ? /^(frontend|listen)$/ : /^(backend|defaults)$/;
      return changeOrAdd(lines, /^\s*(capture|declare\s+capture|http-(request|response)\s+capture)\s/, 0.4, kinds, () => pick(CAPTURES)());
    },
    serverTemplate(lines) {
      // `server-template` given a count or range made wrong (`srv 3-1`, `srv 0`, `srv abc`), an address without a port, names a `server` already has
      const servers = numbered(lines, (line) => /^\s*server\s+\S+/.test(code(line))).map(([line]) => code(line).trim().split(/\s+/)[1]);
      const prefix = servers.length > 0 && random() < 0.3 ? pick(servers).replace(/\d+$/, "") : pick(["srv", "web", "app"]);
      const text = () => `server-template ${prefix} ${pick(TEMPLATES)}`.trimEnd();
      return changeOrAdd(lines, /^\s*server-template\s/, 0.5, /^(backend|listen)$/, text);
    },
    monitorForward(lines) {
      // `monitor-uri` without its path, `monitor fail` without a condition, `option forwardfor except 10.0.0.0/33`, `option originalto header`
      const kinds = random() < 0.6 ? /^(frontend|listen|defaults)$/ : /^(backend)$/;
      return changeOrAdd(lines, /^\s*(monitor-uri|monitor\s|option\s+(forwardfor|originalto))/, 0.4, kinds, () => pick(MONITORS)());
    },
    hashReuse(lines) {
      // `hash-type` given a function or modifier it does not take (`consistent md5`, `avalanche` alone), `hash-balance-factor 65536`, `http-reuse sometimes`
      const kinds = random() < 0.85 ? /^(backend|listen|defaults)$/ : /^(frontend)$/;
      return changeOrAdd(lines, /^\s*(hash-type|hash-balance-factor|http-reuse)\s/, 0.4, kinds, () => pick(HASHING)());
    },
    backendReference(lines) {
      // `default_backend` / `use_backend` naming a frontend, a defaults section or nothing; `use-server` naming no server or put in a frontend
      const all = sections(lines);
      const named = (kind) => all.filter((s) => s.kind === kind && s.name).map((s) => s.name);
      const others = [...named("frontend"), ...named("defaults"), ...named("peers"), ...named("userlist")];
      const targets = [...named("backend"), ...named("listen")];
      const references = numbered(lines, (line) => /^\s*(default_backend|use_backend)\s+\S/.test(code(line)));
      const roll = random();
      if (references.length > 0 && others.length > 0 && roll < 0.4) {
        const [line, index] = pick(references);
        lines[index] = line.replace(/^(\s*\S+\s+)(\S+)/, (_, head) => `${head}${pick(others)}`);
        return lines[index] === line ? undefined : index;
      }
      if (roll < 0.6) {
        const section = pick(all.filter((s) => /^(frontend|listen|backend|defaults)$/.test(s.kind)));
        if (!section) return undefined;
        const target = pick([...others, ...targets, "nowhere", "%[req.hdr(host),lower]", "be_%[req.hdr(host)", "be_%[req.hdr(host)]"].filter(Boolean));
        return insertInto(lines, section, pick([`default_backend ${target}`, `use_backend ${target} if TRUE`, `use_backend ${target}`, `use_backend ${target} unless`]));
      }
      const section = pick(all.filter((s) => /^(backend|listen|frontend)$/.test(s.kind)));
      if (!section) return undefined;
      const own = numbered(lines, (line) => /^\s*server\s+\S+/.test(code(line))).filter(([, i]) => sectionOf(all, i) === section).map(([line]) => code(line).trim().split(/\s+/)[1]);
      const server = pick([...own, ...own, "nosuchserver", "%[req.hdr(x-server)]"]);
      return insertInto(lines, section, `use-server ${server} ${pick(["if TRUE", "unless TRUE", "", "if", "TRUE"])}`.trimEnd());
    },
    mailersAlert(lines) {
      // a `mailers` section's `mailer` or `timeout mail` made wrong, or `email-alert` lines naming no mailers, `email-alert level warn`
      const all = sections(lines);
      const mailers = all.filter((s) => s.kind === "mailers");
      if (mailers.length > 0 && random() < 0.5) {
        const section = pick(mailers);
        return insertInto(lines, section, pick(MAILERS_LINES)());
      }
      const proxies = all.filter((s) => /^(backend|listen|defaults|frontend)$/.test(s.kind));
      if (proxies.length === 0) return undefined;
      const name = mailers[0]?.name ?? "mymailers";
      let at;
      if (mailers.length === 0 && random() < 0.7) {
        const entries = random() < 0.8 ? ["mailer smtp1 127.0.0.1:25"] : [];
        at = appendSection(lines, `mailers ${pick([name, name, name, "", "a b"])}`.trimEnd(), [...entries, pick(MAILERS_LINES)()], entries.length + 1);
        if (random() < 0.6) return at;
      }
      const section = pick(proxies);
      const base = random() < 0.6 ? [`email-alert mailers ${name}`, "email-alert from haproxy@example.com", "email-alert to ops@example.com"] : [];
      const chosen = pick(EMAIL_ALERTS(name))();
      const added = base.filter((entry) => entry.split(" ")[1] !== chosen.split(" ")[1]);
      for (const entry of [chosen, ...added].reverse()) insertInto(lines, section, entry);
      return section.index + 1;
    },
    statsLines(lines) {
      // `stats auth admin` without a password, `stats refresh abc`, `stats admin` without a condition, `stats socket` options in global
      if (random() < 0.3) {
        const global = sections(lines).find((s) => s.kind === "global");
        if (global) return changeOrAdd(lines, /^\s*stats\s/, 0, /^global$/, () => `stats ${pick(GLOBAL_STATS)}`);
      }
      const present = numbered(lines, (line) => /^\s*stats\s/.test(code(line))).filter(([, i]) => sectionOf(sections(lines), i)?.kind !== "global");
      if (present.length > 0 && random() < 0.4) {
        const [line, index] = pick(present);
        lines[index] = `${indentOf(line)}stats ${pick(STATS)}`;
        return lines[index] === line ? undefined : index;
      }
      const section = pick(sections(lines).filter((s) => /^(frontend|backend|listen|defaults)$/.test(s.kind)));
      if (!section) return undefined;
      return insertInto(lines, section, `stats ${pick(STATS)}`);
    },
    cookiePersistence(lines) {
      // `cookie` options that do not go together (`insert rewrite`, `prefix indirect`), `maxidle abc`, `domain example.com`, a server's `cookie` left empty, `persist rdp-cookie(`
      const roll = random();
      if (roll < 0.2) {
        const chosen = pick(numbered(lines, (line) => /^\s*(server|default-server)\s/.test(code(line))));
        if (!chosen) return undefined;
        const [line, index] = chosen;
        const text = code(line).trimEnd();
        lines[index] = / cookie \S+/.test(text) ? text.replace(/ cookie \S+/, pick([" cookie", " cookie a b", " cookie \"\""])) : `${text} cookie ${pick(["s1", "", "s1 s2"])}`.trimEnd();
        return lines[index] === line ? undefined : index;
      }
      const kinds = random() < 0.85 ? /^(backend|listen|defaults)$/ : /^(frontend)$/;
      if (roll < 0.4) return changeOrAdd(lines, /^\s*(persist|appsession|dynamic-cookie-key|force-persist|ignore-persist)\s/, 0.3, kinds, () => pick(PERSISTENCE)());
      return changeOrAdd(lines, /^\s*cookie\s/, 0.5, kinds, () => `cookie ${pick(COOKIES)}`.trimEnd());
    },
  };
}
