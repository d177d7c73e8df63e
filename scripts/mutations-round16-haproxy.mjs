// Mutation kinds of the sixteenth round for haproxy (scripts/mutations.mjs applies them after the fifteenth
// round's, each kind from a stream of its own, so that earlier seeds keep their mutations): slips no earlier
// kind makes. Global `tune.*` settings (`tune.bufsize abc`, `tune.maxrewrite` past the buffer, `tune.h2.*`,
// `tune.ssl.*`), the `ssl-default-*` lines and `ssl-server-verify`, threads (`nbthread 0`, `cpu-map` ranges,
// `thread-groups`, `nbproc`, a bind's `thread`), `ring` and `log-forward` sections and what names them,
// log format strings (`log-format`, `unique-id-format`, `log-format-sd`, `error-log-format`, `log-tag`,
// `%[` left open, unknown `%` variables, request fetches at log time), `stick on|match|store-request|
// store-response` rules (a pattern of the wrong direction, `table` naming nothing or a section without a
// table, a rule in a frontend), and the process's own settings (`setenv`, `hard-stop-after`, `grace`,
// `localpeer`, `ulimit-n`, `maxconnrate`). Each takes the file's lines and the kind's seeded
// `pick`/`random`, changes one place, and returns the index of the changed line (undefined when the
// file has nothing to change).

import { indentOf, numbered } from "./mutations-round7.mjs";
import { code, insertInto, sections } from "./mutations-round13-haproxy.mjs";

let pick16 = (list) => list[0];

/** A section added at the end of the file: its head and lines; the index of the line given by `at` (0: the head). */
function appendSection(lines, head, entries, at) {
  const start = lines.length;
  lines.push("", head, ...entries.map((entry) => `    ${entry}`));
  return start + 1 + at;
}

const TUNE = [
  () => `tune.bufsize ${pick16(["16384", "32768", "abc", "0", "1024", "16k", "-1", "2147483648", ""])}`.trimEnd(),
  () => `tune.maxrewrite ${pick16(["1024", "8192", "32768", "abc", "-1", "0"])}`,
  () => `tune.http.maxhdr ${pick16(["101", "0", "32767", "32768", "abc", "100 x"])}`,
  () => `tune.h2.${pick16(["header-table-size 4096", "header-table-size 65537", "initial-window-size 65535", "initial-window-size abc", "max-concurrent-streams 100", "max-concurrent-streams x", "max-frame-size 16384", "max-frame-size 1000", "max-frame-size 16777216", "nosuch 1"])}`,
  () => `tune.ssl.${pick16(["default-dh-param 2048", "default-dh-param 1000", "default-dh-param abc", "cachesize 20000", "cachesize -1", "lifetime 300", "lifetime abc", "maxrecord 1400", "maxrecord x", "force-private-cache x", "force-private-cache", "capture-buffer-size 96", "capture-cipherlist-size 96", "keylog on", "keylog yes", "ocsp-update.mindelay 10"])}`,
  () => `tune.${pick16(["idletimer 1000", "idletimer 65536", "idletimer abc", "maxaccept 64", "maxaccept -1", "maxaccept abc", "maxpollevents 200", "maxpollevents 0", "recv_enough 10000", "runqueue-depth 200", "runqueue-depth 0", "rcvbuf.client 65536", "rcvbuf.client abc", "sndbuf.server 1k", "pipesize 1m", "pipesize x", "comp.maxlevel 9", "comp.maxlevel 10", "comp.maxlevel 0", "zlib.memlevel 10", "zlib.windowsize 7", "zlib.windowsize 15", "pattern.cache-size 0", "lua.maxmem 100", "lua.session-timeout abc", "listener.multi-queue on", "listener.multi-queue yes", "fd.edge-triggered on", "sched.low-latency on", "sched.low-latency x", "buffers.limit 10", "buffers.reserve 2", "vars.global-max-size 1m", "vars.txn-max-size x", "http.cookielen 63", "http.logurilen 1024", "http.logurilen abc", "nosuch 1", "bufsize.small 1024", "events.max-events-at-once 100", "disable-fast-forward x", "fail-alloc 1"])}`,
];

const SSL_DEFAULTS = [
  () => `ssl-default-bind-options ${pick16(["ssl-min-ver TLSv1.2", "ssl-min-ver TLSv1.4", "ssl-min-ver", "ssl-max-ver TLSv1.3", "no-sslv3", "no-tlsv10 no-tlsv11", "no-tls-tickets", "prefer-client-ciphers", "force-tlsv12", "nosuch", "no-sslv3 x", "ssl-min-ver tlsv1.2", ""])}`.trimEnd(),
  () => `ssl-default-server-options ${pick16(["ssl-min-ver TLSv1.2", "ssl-max-ver TLSv1.0", "no-sslv3", "no-tls-tickets", "nosuch", "ssl-min-ver TLS1.2", "prefer-client-ciphers", ""])}`.trimEnd(),
  () => `ssl-default-bind-ciphers ${pick16(["ECDHE+AESGCM:!aNULL", "ECDHE-RSA-AES128-GCM-SHA256", "NOSUCHCIPHER", "", "HIGH:!aNULL:!MD5", "ECDHE+AESGCM x"])}`.trimEnd(),
  () => `ssl-default-server-ciphers ${pick16(["HIGH:!aNULL", "NOSUCHCIPHER", ""])}`.trimEnd(),
  () => `ssl-default-bind-ciphersuites ${pick16(["TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384", "TLS_NOSUCH", "ECDHE-RSA-AES128-GCM-SHA256", ""])}`.trimEnd(),
  () => `ssl-default-bind-curves ${pick16(["X25519:P-256", "P-999", "", "secp384r1"])}`.trimEnd(),
  () => `ssl-default-bind-sigalgs ${pick16(["RSA+SHA256:ECDSA+SHA256", "RSA+NOSUCH", ""])}`.trimEnd(),
  () => `ssl-server-verify ${pick16(["none", "required", "optional", "", "yes"])}`.trimEnd(),
  () => `ssl-engine ${pick16(["rdrand", "nosuchengine"])}`,
  () => `ssl-mode-async${pick16(["", " x"])}`,
  () => `ssl-load-extra-files ${pick16(["none", "all", "bundle sctp", "ocsp issuer", "nosuch", ""])}`.trimEnd(),
  () => `ssl-skip-self-issued-ca${pick16(["", " x"])}`,
];

const THREADS = [
  () => `nbthread ${pick16(["1", "2", "4", "0", "abc", "-1", "64", "65", "1024", "4 x", ""])}`.trimEnd(),
  () => `cpu-map ${pick16(["1 0", "1/1 0", "auto:1/1-4 0-3", "1/all 0-1", "all 0", "odd 0", "1-2 0-1", "0 0", "1/0 0", "1/65 0", "1 0-x", "1", "", "auto:1-4 0-3", "1/1 0 1", "2-1 0"])}`.trimEnd(),
  () => `thread-groups ${pick16(["1", "2", "0", "abc", "17", "65", ""])}`.trimEnd(),
  () => `nbproc ${pick16(["1", "2", "abc"])}`,
  () => `thread-group ${pick16(["1 1-2", "2 1", "1", "x 1", "1 0"])}`,
  () => `numa-cpu-mapping${pick16(["", " x"])}`,
  () => `${pick16(["no-quic", "noepoll", "nosplice", "noreuseport", "nogetaddrinfo"])}${pick16(["", " x"])}`,
];
const BIND_THREADS = ["thread 1", "thread 1-2", "thread all", "thread odd", "thread 0", "thread 65", "thread abc", "thread", "thread 1/1", "thread 2-1", "process 1", "shards 2", "shards by-thread", "shards 0", "shards x"];

const RING_LINES = [
  () => `size ${pick16(["32768", "abc", "0", "100", "1m", ""])}`.trimEnd(),
  () => `maxlen ${pick16(["1024", "abc", "0", "99999999", ""])}`.trimEnd(),
  () => `format ${pick16(["rfc5424", "rfc3164", "raw", "short", "iso", "timed", "rfc5425", "nosuch", ""])}`.trimEnd(),
  () => `description ${pick16(["my ring", ""])}`.trimEnd(),
  () => `timeout ${pick16(["connect 5s", "server 10s", "connect abc", "client 5s", "connect", "server"])}`,
  () => `server ${pick16(["log1 127.0.0.1:514", "log1 127.0.0.1", "log1", "log1 127.0.0.1:514 log-proto octet-count", "log1 127.0.0.1:514 log-proto legacy", "log1 127.0.0.1:514 log-proto nosuch", "log1 127.0.0.1:514 check", "log1 udp@127.0.0.1:514", "log1 10.0.0.300:514"])}`,
  () => `${pick16(["bind :5514", "log 127.0.0.1:514 local0", "maxconn 10", "nosuch x"])}`,
];
const LOG_FORWARD_LINES = [
  () => `bind ${pick16(["127.0.0.1:5514", ":5514", "127.0.0.1", "10.0.0.300:5514", "udp@127.0.0.1:5514", ""])}`.trimEnd(),
  () => `dgram-bind ${pick16(["127.0.0.1:5514", "udp@127.0.0.1:5514", "127.0.0.1", "", "127.0.0.1:5514 ssl", "127.0.0.1:5514 interface lo", "127.0.0.1:5514 namespace x"])}`.trimEnd(),
  () => `log ${pick16(["127.0.0.1:514 local0", "127.0.0.1:514", "ring@nowhere local0", "127.0.0.1:514 local8", "127.0.0.1:514 local0 info x", "global", "127.0.0.1:514 format raw local0", ""])}`.trimEnd(),
  () => `maxconn ${pick16(["10", "abc", "0", ""])}`.trimEnd(),
  () => `backlog ${pick16(["10", "abc", ""])}`.trimEnd(),
  () => `timeout client ${pick16(["5s", "abc", ""])}`.trimEnd(),
  () => `${pick16(["timeout server 5s", "server s1 127.0.0.1:514", "mode tcp", "option httplog", "nosuch"])}`,
];

const FORMATS = [
  "%ci:%cp [%tr] %ft %b/%s %ST %B", "%ci %[src]", "%[req.hdr(host)]", "%{+Q}[capture.req.hdr(0)]", "%ci %[src", "%ci %[nosuchfetch]",
  "%ci %zz", "%ci %", "%ci %{+Q}o", "%ci %{+Z}o", "%{+Q} %ci", "%ci %[src,lower]", "%ci %[src,nosuchconv]", "%[res.hdr(server)]",
  "%ci %[var(txn.x)]", "%ci %[ssl_fc_protocol]", "%ci %[path]", "%H %ID %rt", "%[unique-id]", "%ci %{+X}Ts", "%ci %{Q}r", "%ci %[src]]",
  "%ci %[]", "%ci %[req.cook(x)]", "%ci %[capture.req.hdr(9)]", "%{+E}ci %{-Q}r", "%ci %[status]", "%ci %hr %hs", "\"%ci %b\"", "%CC %CS",
];
const FORMAT_LINES = [
  () => `log-format ${pick16(FORMATS)}`,
  () => `log-format-sd ${pick16(["[exampleSDID@1234 host=%H]", "%{+Q,+E}o [exampleSDID@1234 client=%ci]", "%[src", "%zz", ""])}`.trimEnd(),
  () => `unique-id-format ${pick16(["%{+X}o %ci:%cp_%fi:%fp_%Ts_%rt:%pid", "%[uuid()]", "%[uuid(4)]", "%[uuid(7)]", "%ci %[src", "%[req.hdr(host)]", "%zz", ""])}`.trimEnd(),
  () => `unique-id-header ${pick16(["X-Unique-ID", "", "X-A X-B"])}`.trimEnd(),
  () => `error-log-format ${pick16(["%ci:%cp [%tr] %ft %ac/%fc", "%ci %[src", "%zz", ""])}`.trimEnd(),
  () => `log-tag ${pick16(["haproxy", "", "a b", "my-tag"])}`.trimEnd(),
  () => `option ${pick16(["httplog", "httplog clf", "httplog x", "tcplog", "httpslog", "dontlognull", "log-separate-errors", "log-health-checks", "dontlog-normal"])}`,
  () => `http-request ${pick16(["set-header X-ID %[unique-id]", "set-header X-A %[src", "set-header X-A %zz", "add-header X-A %[req.hdr(host)]", "set-var-fmt(txn.a) %[src", "set-var-fmt(txn.a) %ci"])}`,
  () => `http-response set-header ${pick16(["X-A %[res.hdr(server)]", "X-A %[req.hdr(host)]", "X-A %[capture.req.hdr(0)]", "X-A %[src]]"])}`,
];

const STICK_PATTERNS = ["src", "req.hdr(host)", "req.cook(SRV)", "res.cook(SRV)", "dst", "src table nowhere", "src table %T", "src if TRUE", "src unless", "", "nosuchfetch", "src,ipmask(24)", "req.hdr(x-id) table %T if TRUE", "src table"];

export function haproxyRound16({ pick, random }) {
  pick16 = pick;
  const all = (lines, kinds) => sections(lines).filter((s) => kinds.test(s.kind));
  /** A line put in place of one matching `present` (chance `change`), or into a section of `kinds`. */
  const changeOrAdd = (lines, present, change, kinds, text) => {
    const found = numbered(lines, (line) => present.test(code(line)));
    if (found.length > 0 && random() < change) {
      const [line, index] = pick(found);
      lines[index] = `${indentOf(line)}${text()}`;
      return lines[index] === line ? undefined : index;
    }
    const section = pick(all(lines, kinds));
    if (!section) return undefined;
    return insertInto(lines, section, text());
  };
  return {
    globalTuning(lines) {
      // a global `tune.*` setting given a value it does not take (`tune.bufsize abc`, `tune.h2.max-frame-size 1000`, `tune.comp.maxlevel 10`), sometimes outside global
      const kinds = random() < 0.9 ? /^global$/ : /^(defaults|frontend|backend)$/;
      return changeOrAdd(lines, /^\s*tune\./, 0.3, kinds, () => pick(TUNE)());
    },
    sslDefaults(lines) {
      // the `ssl-default-*` lines (`ssl-min-ver TLSv1.4`, an unknown option, empty lists) and the other global TLS switches
      const kinds = random() < 0.9 ? /^global$/ : /^(defaults|frontend)$/;
      return changeOrAdd(lines, /^\s*ssl-(default-|server-verify|load-extra)/, 0.4, kinds, () => pick(SSL_DEFAULTS)());
    },
    threadSettings(lines) {
      // `nbthread 0`, `cpu-map 1/65 0`, `thread-groups 0`, `nbproc 2`, or a bind's `thread` / `process` / `shards`
      if (random() < 0.35) {
        const binds = numbered(lines, (line) => /^\s*bind\s+\S/.test(code(line)));
        if (binds.length > 0) {
          const [line, index] = pick(binds);
          lines[index] = `${code(line).trimEnd()} ${pick(BIND_THREADS)}`;
          return index;
        }
      }
      return changeOrAdd(lines, /^\s*(nbthread|cpu-map|thread-groups)\s/, 0.4, /^global$/, () => pick(THREADS)());
    },
    ringLogForward(lines) {
      // a `ring` or `log-forward` section with a line made wrong, or a `log ring@NAME` naming none
      const roll = random();
      if (roll < 0.45) {
        const entries = ["size 32768", "format rfc5424"];
        const chosen = pick(RING_LINES)();
        const name = pick(["buf1", "buf1", "", "a b"]);
        const at = appendSection(lines, `ring ${name}`.trimEnd(), [...entries, chosen], entries.length + 1);
        if (random() < 0.5) {
          const proxy = pick(all(lines, /^(global|defaults|frontend|backend|listen)$/));
          if (proxy) insertInto(lines, proxy, `log ring@${pick(["buf1", "buf1", "nowhere"])} ${pick(["local0", "local0 info", "format rfc5424 local0", "len 100 local0"])}`);
        }
        return at;
      }
      if (roll < 0.85) {
        const base = ["dgram-bind 127.0.0.1:5514", "log 127.0.0.1:514 local0"];
        const chosen = pick(LOG_FORWARD_LINES)();
        const kept = base.filter((entry) => entry.split(" ")[0] !== chosen.split(" ")[0] || random() < 0.3);
        return appendSection(lines, `log-forward ${pick(["lf1", "lf1", "", "a b"])}`.trimEnd(), [...kept, chosen], kept.length + 1);
      }
      const proxy = pick(all(lines, /^(global|defaults|frontend|backend|listen)$/));
      if (!proxy) return undefined;
      return insertInto(lines, proxy, `log ring@${pick(["nowhere", "", "buf1"])} local0`);
    },
    formatStrings(lines) {
      // `log-format` and its kin with `%[` left open, an unknown `%` variable, a request fetch where logs are written, `unique-id-format` / `log-tag` arguments
      const kinds = random() < 0.85 ? /^(defaults|frontend|listen|backend)$/ : /^global$/;
      return changeOrAdd(lines, /^\s*(log-format|log-format-sd|unique-id-format|error-log-format|log-tag)\s/, 0.4, kinds, () => pick(FORMAT_LINES)());
    },
    stickRules(lines) {
      // `stick on|match|store-request|store-response` with a pattern of the other direction, a `table` naming nothing or a proxy without a table, in a frontend
      const proxies = all(lines, /^(frontend|backend|listen|defaults)$/);
      if (proxies.length === 0) return undefined;
      const tables = sections(lines).filter((s) => lines.slice(s.index + 1, s.end).some((line) => /^\s*stick-table\s/.test(code(line))) || s.kind === "peers").map((s) => s.name).filter(Boolean);
      const others = proxies.map((s) => s.name).filter(Boolean);
      const target = pick([...tables, ...tables, ...others, "nowhere"]) ?? "nowhere";
      const kind = pick(["on", "match", "store-request", "store-response", "on", "match", "store", "nosuch"]);
      const pattern = pick(STICK_PATTERNS).replace("%T", target);
      const section = random() < 0.8 ? pick(proxies.filter((s) => /^(backend|listen)$/.test(s.kind))) ?? pick(proxies) : pick(proxies);
      const at = insertInto(lines, section, `stick ${kind} ${pattern}`.trimEnd());
      if (random() < 0.4 && !lines.slice(section.index + 1, section.end + 1).some((line) => /^\s*stick-table\s/.test(code(line)))) {
        insertInto(lines, section, `stick-table type ${pick(["ip", "string len 32", "integer", "ipv6", "binary"])} size ${pick(["1k", "1m", "100"])}`);
        return at + 1;
      }
      return at;
    },
    processSettings(lines) {
      // the process's own global lines: `setenv` without a value, `hard-stop-after abc`, `grace`, `localpeer`, `ulimit-n`, `maxconnrate`, `pidfile`
      return changeOrAdd(lines, /^\s*(setenv|presetenv|unsetenv|resetenv|hard-stop-after|grace|ulimit-n|maxconnrate|maxsessrate|maxsslrate|maxcomprate|maxpipes|spread-checks|max-spread-checks)\s/, 0.3, /^global$/, () =>
        pick([
          `setenv ${pick(["LBL_A 1", "LBL_A", "", "LBL_A 1 2", "1A x"])}`, `presetenv ${pick(["LBL_A 1", "LBL_A"])}`, `unsetenv ${pick(["LBL_A", "", "LBL_A LBL_B"])}`,
          `resetenv ${pick(["", "PATH", "PATH HOME"])}`, `hard-stop-after ${pick(["30s", "abc", "", "-1", "0", "1d"])}`, `grace ${pick(["10s", "abc", ""])}`,
          `ulimit-n ${pick(["65536", "abc", "-1", "0", ""])}`, `maxconnrate ${pick(["100", "abc", "0", "-1", ""])}`, `maxsessrate ${pick(["100", "x"])}`,
          `maxsslrate ${pick(["100", "x", ""])}`, `maxcomprate ${pick(["100", "x"])}`, `maxpipes ${pick(["100", "x", "-1"])}`,
          `spread-checks ${pick(["5", "50", "51", "-1", "x", ""])}`, `max-spread-checks ${pick(["1s", "x", "", "-1"])}`, `localpeer ${pick(["lb1", "", "a b"])}`,
          `pidfile ${pick(["/tmp/lblint-r16.pid", ""])}`, `node ${pick(["lb1", "", "a b"])}`, `description ${pick(["lb one", ""])}`,
          `busy-polling${pick(["", " x"])}`, `insecure-fork-wanted${pick(["", " x"])}`, `set-dumpable${pick(["", " x"])}`, `strict-limits${pick(["", " x"])}`,
          `h1-case-adjust ${pick(["content-type Content-Type", "content-type", "", "Content-Type content-type"])}`,
          `expose-experimental-directives${pick(["", " x"])}`, `default-path ${pick(["current", "config", "parent", "origin /etc", "origin", "nosuch", ""])}`,
        ].map((text) => text.trimEnd())),
      );
    },
  };
}
