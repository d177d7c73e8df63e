// Mutation kinds of the fourteenth round for haproxy (scripts/mutations.mjs applies them after the thirteenth
// round's, each kind from a stream of its own, so that earlier seeds keep their mutations): slips no earlier
// kind makes. TLS settings on a `bind` or `server` line (`ssl` without `crt`, `alpn h2, http/1.1`,
// `ssl-min-ver TLSv1.4`, `verify maybe`, `ca-file` without `ssl`), an HTTP action's arguments (`return
// status 99`, `deny deny_status`, `set-header X-A`, `replace-header X (`, `redirect code 309`, `set-status
// 1000`), a `resolvers` section's parameters (`nameserver`, `hold`, `resolve_retries`,
// `accepted_payload_size`), a `userlist` (`user` with `password` and `insecure-password`, groups), a
// `cache` section (`total-max-size`, `max-age`, `max-object-size`, `process-vary`), `balance` arguments
// (`hash`, `random(N)`, `hdr(name)`), and ACL match methods and pattern files (`-m regx`, `-f` alone).
// Each takes the file's lines and the kind's seeded `pick`/`random`, changes one place, and returns the
// index of the changed line (undefined when the file has nothing to change).

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { indentOf, numbered } from "./mutations-round7.mjs";
import { code, insertInto, sections } from "./mutations-round13-haproxy.mjs";

// Files the mutations name, made once here so that haproxy reads the options around them rather than
// stopping at a file that is not there (a certificate and its key, a CA, pattern files); without
// openssl, the certificate's path stays one the machine does not have.
const FILES = join(tmpdir(), "lblint-mutations-round14");
mkdirSync(FILES, { recursive: true });
const SITE = join(FILES, "site.pem");
const CA = join(FILES, "ca.pem");
if (!existsSync(SITE)) {
  const made = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(FILES, "key.pem"), "-out", CA, "-days", "3650", "-subj", "/CN=lblint"], { stdio: "ignore" });
  if (made.status === 0) writeFileSync(SITE, readFileSync(CA, "utf8") + readFileSync(join(FILES, "key.pem"), "utf8"));
}
for (const [name, text] of [["paths.lst", "/api\n/static\n"], ["paths.map", "/api api\n"], ["words.lst", "admin\n"]]) writeFileSync(join(FILES, name), text);


/** A section added at the end of the file: its head and lines; the index of the line given by `at` (0: the head). */
function appendSection(lines, head, entries, at) {
  const start = lines.length;
  lines.push("", head, ...entries.map((entry) => `    ${entry}`));
  return start + 1 + at;
}

let pick14 = (list) => list[0];

/** TLS settings on a `bind` line. */
const BIND_TLS = [
  () => "ssl",
  () => `ssl crt ${pick14(["", "/etc/haproxy/certs/", "/nonexistent/site.pem", '""'])}`.trimEnd(),
  () => `crt ${SITE}`,
  () => `ssl crt ${SITE} alpn ${pick14(["h2,http/1.1", "h2, http/1.1", "h2 http/1.1", "h3", "http/2", "", "h2,,http/1.1"])}`.trimEnd(),
  () => `ssl crt ${SITE} ssl-min-ver ${pick14(["TLSv1.2", "TLSv1.3", "TLSv1.4", "TLS1.2", "tlsv1.2", "SSLv3", ""])}`.trimEnd(),
  () => `ssl crt ${SITE} ssl-max-ver ${pick14(["TLSv1.3", "TLSv13", "1.3", ""])}`.trimEnd(),
  () => `ssl crt ${SITE} verify ${pick14(["none", "optional", "required", "maybe", "require", ""])}`.trimEnd(),
  () => `ca-file ${CA}`,
  () => `verify required`,
  () => `ssl crt ${SITE} ciphers`,
  () => `ssl crt ${SITE} curves ${pick14(["X25519:P-256", ""])}`.trimEnd(),
  () => `alpn h2`,
  () => `ssl crt ${SITE} no-tlsv13 force-tlsv12 ${pick14(["", "force-tlsv13"])}`.trimEnd(),
  () => `ssl crt ${SITE} strict-sni ${pick14(["", "yes"])}`.trimEnd(),
];
/** TLS settings on a `server` line. */
const SERVER_TLS = [
  () => "ssl",
  () => `ssl verify ${pick14(["none", "required", "optional", "maybe", ""])}`.trimEnd(),
  () => `ssl verify required ca-file ${pick14(["", "/etc/ssl/certs/ca-certificates.crt"])}`.trimEnd(),
  () => `ssl verify none sni ${pick14(["req.hdr(host)", "ssl_fc_sni", "str(example.com)", "req.hdr(host", "nosuchfetch", "", "host"])}`.trimEnd(),
  () => `sni req.hdr(host)`,
  () => `ssl verify none alpn ${pick14(["h2,http/1.1", "h2, http/1.1", "h3", ""])}`.trimEnd(),
  () => `ssl verify none ssl-min-ver ${pick14(["TLSv1.2", "TLSv1.4", "tls1.2", ""])}`.trimEnd(),
  () => `ssl verify none crt ${pick14(["", "/nonexistent/client.pem"])}`.trimEnd(),
  () => `verify none`,
  () => `ca-file /etc/ssl/certs/ca-certificates.crt`,
  () => `ssl verify none verifyhost ${pick14(["", "example.com"])}`.trimEnd(),
  () => `ssl verify none check-sni ${pick14(["", "example.com"])}`.trimEnd(),
  () => `check-ssl`,
  () => `ssl verify none ssl-reuse ${pick14(["", "yes"])}`.trimEnd(),
];

/** HTTP actions' arguments. */
const HTTP_REQUEST_ACTIONS = [
  () => `http-request return status ${pick14(["200", "99", "600", "abc", "", "503 content-type text/plain", "200 content-type", "200 string", "200 lf-string", "200 file", "200 hdr X-A", "204 content-type text/plain string x"])}`.trimEnd(),
  () => `http-request return ${pick14(["", "content-type text/plain string ok", "string ok", "status 200 string ok x"])}`.trimEnd(),
  () => `http-request deny deny_status ${pick14(["", "403", "abc", "99", "200", "503 content-type"])}`.trimEnd(),
  () => `http-request deny status ${pick14(["403", "999"])}`,
  () => `http-request tarpit deny_status ${pick14(["500", "abc"])}`,
  () => `http-request set-header ${pick14(["X-A", "X-A %[src]", 'X-A ""', "", "X-A %[src", "X-A %[nosuchfetch]"])}`.trimEnd(),
  () => `http-request add-header ${pick14(["X-A", "X-A value", ""])}`.trimEnd(),
  () => `http-request replace-header ${pick14(["X-A (.*) \\1", "X-A ( x", "X-A (.*)", "X-A", "X-A [a- x"])}`,
  () => `http-request replace-value ${pick14(["X-A a b", "X-A a", "X-A ( b"])}`,
  () => `http-request replace-path ${pick14(["/a(.*) /b\\1", "(", "/a"])}`,
  () => `http-request redirect ${pick14(["location /x code 301", "location /x code 309", "location /x code abc", "location /x code", "scheme https code 308", "prefix /x code 200", "location", "code 301", "location /x drop-query yes", "location /x set-cookie", "location /x clear-cookie X"])}`,
  () => `http-request set-status ${pick14(["200"])}`,
  () => `http-request set-method ${pick14(["", "GET", "GET x"])}`.trimEnd(),
  () => `http-request set-path ${pick14(["", "/x", "/x y"])}`.trimEnd(),
  () => `http-request set-uri`,
  () => `http-request del-header ${pick14(["", "X-A -m beg", "X-A -m regx", "X-A -m reg"])}`.trimEnd(),
];
const HTTP_RESPONSE_ACTIONS = [
  () => `http-response set-status ${pick14(["200", "99", "1000", "abc", "", "503 reason", "503 reason \"Busy\"", "503 \"Busy\"", "503 reason"])}`.trimEnd(),
  () => `http-response set-header ${pick14(["X-A", "X-A v", ""])}`.trimEnd(),
  () => `http-response replace-header ${pick14(["Set-Cookie (.*) \\1", "Set-Cookie ( x", "Set-Cookie"])}`,
  () => `http-response deny deny_status ${pick14(["502", "99", ""])}`.trimEnd(),
  () => `http-response return status ${pick14(["200", "abc"])}`,
  () => `http-response redirect location /x code ${pick14(["302", "304", ""])}`.trimEnd(),
  () => `http-response del-header`,
];

/** A `resolvers` section's lines. */
const RESOLVERS_LINES = [
  () => `nameserver ${pick14(["dns1 10.0.0.53:53", "dns1 10.0.0.53", "dns1 10.0.0.300:53", "dns1", "10.0.0.53:53", "dns1 10.0.0.53:0", "dns1 10.0.0.53:99999", "dns1 tcp@10.0.0.53:53", "dns1 udp@10.0.0.53:53"])}`,
  () => `hold ${pick14(["valid 10s", "nx 30s", "other 30s", "timeout 30s", "refused 30s", "obsolete 30s", "valid", "valid abc", "invalid 10s", "valid 10s 20s"])}`,
  () => `resolve_retries ${pick14(["3", "0", "-1", "abc", "", "3 4"])}`.trimEnd(),
  () => `accepted_payload_size ${pick14(["8192", "512", "511", "65535", "65536", "abc", ""])}`.trimEnd(),
  () => `parse-resolv-conf${pick14(["", " yes"])}`,
  () => `timeout ${pick14(["resolve 1s", "retry 1s", "retry", "resolve abc", "connect 1s", "query 1s"])}`,
  () => `resolution_pool_size ${pick14(["64", "abc"])}`,
  () => `nameservers dns1 10.0.0.53:53`,
];

/** A `userlist` section's lines. */
const USERLIST_LINES = [
  () => `user ${pick14(["admin password $5$salt$hash", "admin insecure-password secret", "admin", "admin password", "admin insecure-password", "admin secret", "admin insecure-password secret groups", "admin insecure-password secret groups nogroup", "admin password $5$salt$hash insecure-password secret", "admin insecure-password secret group admins"])}`,
  () => `group ${pick14(["admins", "admins users admin", "admins users", "admins user admin", ""])}`.trimEnd(),
  () => `users admin`,
  () => `user admin insecure-password secret`,
];

/** A `cache` section's lines. */
const CACHE_LINES = [
  () => `total-max-size ${pick14(["4", "0", "4096", "4095", "4097", "abc", "4m", "", "-1"])}`.trimEnd(),
  () => `max-age ${pick14(["60", "0", "abc", "60s", "-1", ""])}`.trimEnd(),
  () => `max-object-size ${pick14(["10000", "0", "abc", "10k", "4194304", "999999999999", ""])}`.trimEnd(),
  () => `process-vary ${pick14(["on", "off", "1", "0", "yes", ""])}`.trimEnd(),
  () => `max-secondary-entries ${pick14(["10", "0", "abc", ""])}`.trimEnd(),
  () => `maxage 60`,
  () => `timeout connect 5s`,
];

/** `balance` arguments. */
const BALANCE = [
  "hash", "hash req.hdr(host)", "hash req.hdr(host", "hash nosuchfetch", "hash src,lower",
  "random", "random(2)", "random(0)", "random(x)", "random(2", "random()", "random(2) x",
  "hdr", "hdr(host)", "hdr(host) x", "hdr()", "hdr(", "hdr(host) use_domain_only", "hdr(host) use_domain_only x",
  "uri len 4", "uri len", "uri depth x", "uri whole path-only", "uri x",
  "url_param", "url_param userid", "url_param userid check_post", "url_param userid check_post 64", "url_param userid max_wait",
  "rdp-cookie", "rdp-cookie(mstshash)", "rdp-cookie(", "source x", "leastconn x", "first", "roundrobin static-rr",
];

/** ACL match methods and pattern files. */
const ACL_MATCHES = [
  "path -m beg /api", "path -m regx ^/api", "path -m reg ^/api", "path -m sub api", "path -m end .js", "path -m dir api", "path -m dom api",
  "path -m len 4", "path -m int 4", "path -m found", "path -m found /x", "path -m bool", "path -m ip 10.0.0.1", "path -m str", "path -m",
  "path -m beg", "src -m ip 10.0.0.0/8", "src -m str 10.0.0.1", "src -m beg 10.", "path_beg -m end .js",
  `path -f ${FILES}/paths.lst`, "path -f", "path -f /nonexistent/list.lst", `path -i -f ${FILES}/paths.lst`, `path -M -f ${FILES}/paths.map`,
  "path -n /x", "path -u 1 /x", "path -u x /x", "path -- -m", "hdr(host) -m dom example.com", "req.hdr_cnt(host) -m int gt 1", "req.hdr_cnt(host) -m str gt",
  "path -m reg (", "path -m beg -i /API", "path -i -m", `path -m sub -f ${FILES}/words.lst`,
];

export function haproxyRound14({ pick, random }) {
  pick14 = pick;
  return {
    tlsSettings(lines) {
      // a `bind` or `server` line given TLS settings, some wrong (`ssl` without `crt`, `alpn h2, http/1.1`, `ssl-min-ver TLSv1.4`, `verify maybe`)
      const chosen = pick(numbered(lines, (line) => /^\s*(bind|server|default-server)\s/.test(code(line))));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const text = code(line).trimEnd();
      const isBind = /^\s*bind\s/.test(text);
      const present = /\s(alpn|ssl-min-ver|ssl-max-ver|verify|sni|crt|ca-file)\s+(\S+)/.exec(text);
      if (present && random() < 0.4) {
        const start = present.index + present[0].length - present[2].length;
        const other = {
          alpn: ["h2, http/1.1", "h3", "http/2", "h2,"], "ssl-min-ver": ["TLSv1.4", "TLS1.2", "tlsv1.2"], "ssl-max-ver": ["TLSv13", "1.3"],
          verify: ["maybe", "require", "yes"], sni: ["req.hdr(host", "nosuchfetch", "host"], crt: ["/etc/haproxy/certs/", "/nonexistent/x.pem"], "ca-file": ["/nonexistent/ca.pem"],
        }[present[1]];
        lines[index] = line.slice(0, start) + pick(other) + line.slice(start + present[2].length);
        return lines[index] === line ? undefined : index;
      }
      lines[index] = `${text} ${pick(isBind ? BIND_TLS : SERVER_TLS)()}`.trimEnd();
      return lines[index] === line ? undefined : index;
    },
    httpActionArguments(lines) {
      // an HTTP action's arguments made wrong or left out (`return status 99`, `deny deny_status`, `set-header X-A`, `redirect … code 309`)
      const present = numbered(lines, (line) => /^\s*http-(request|response)\s+(return|deny|tarpit|set-header|add-header|replace-header|replace-value|replace-path|redirect|set-status|del-header)\b/.test(code(line)));
      if (present.length > 0 && random() < 0.5) {
        const [line, index] = pick(present);
        const response = /^\s*http-response/.test(line);
        lines[index] = `${indentOf(line)}${pick(response ? HTTP_RESPONSE_ACTIONS : HTTP_REQUEST_ACTIONS)()}`;
        return lines[index] === line ? undefined : index;
      }
      const section = pick(sections(lines).filter((s) => /^(frontend|backend|listen)$/.test(s.kind)));
      if (!section) return undefined;
      return insertInto(lines, section, pick(random() < 0.65 ? HTTP_REQUEST_ACTIONS : HTTP_RESPONSE_ACTIONS)());
    },
    resolversSection(lines) {
      // a `resolvers` section's parameter made wrong (`nameserver dns1 10.0.0.53`, `hold other 30s`, `accepted_payload_size 511`), or a section added with one
      const all = sections(lines);
      const resolvers = pick(all.filter((s) => s.kind === "resolvers"));
      if (resolvers && random() < 0.7) {
        const entries = numbered(lines, () => true).filter(([, i]) => i > resolvers.index && i < resolvers.end).filter(([l]) => /^\s*\S/.test(code(l)));
        if (entries.length > 0 && random() < 0.5) {
          const [line, index] = pick(entries);
          lines[index] = `${indentOf(line)}${pick(RESOLVERS_LINES)()}`;
          return lines[index] === line ? undefined : index;
        }
        return insertInto(lines, resolvers, pick(RESOLVERS_LINES)());
      }
      const base = random() < 0.5 ? ["nameserver dns1 10.0.0.53:53"] : [];
      return appendSection(lines, `resolvers ${pick(["dns", "mydns", "", "dns x"])}`.trimEnd(), [...base, pick(RESOLVERS_LINES)()], base.length + 1);
    },
    userlistSection(lines) {
      // a `userlist`'s `user` or `group` line made wrong (`user admin` alone, `password` and `insecure-password` both, `groups nogroup`)
      const all = sections(lines);
      const userlist = pick(all.filter((s) => s.kind === "userlist"));
      if (userlist && random() < 0.7) {
        const entries = numbered(lines, () => true).filter(([, i]) => i > userlist.index && i < userlist.end).filter(([l]) => /^\s*\S/.test(code(l)));
        if (entries.length > 0 && random() < 0.5) {
          const [line, index] = pick(entries);
          lines[index] = `${indentOf(line)}${pick(USERLIST_LINES)()}`;
          return lines[index] === line ? undefined : index;
        }
        return insertInto(lines, userlist, pick(USERLIST_LINES)());
      }
      const base = random() < 0.5 ? ["group admins"] : [];
      return appendSection(lines, `userlist ${pick(["users", "admins", "", "users x"])}`.trimEnd(), [...base, pick(USERLIST_LINES)()], base.length + 1);
    },
    cacheSection(lines) {
      // a `cache` section's parameter made wrong (`total-max-size 4097`, `max-age abc`, `max-object-size 0`, `process-vary yes`), or a section added with one
      const all = sections(lines);
      const cache = pick(all.filter((s) => s.kind === "cache"));
      if (cache && random() < 0.7) {
        const entries = numbered(lines, () => true).filter(([, i]) => i > cache.index && i < cache.end).filter(([l]) => /^\s*\S/.test(code(l)));
        if (entries.length > 0 && random() < 0.5) {
          const [line, index] = pick(entries);
          lines[index] = `${indentOf(line)}${pick(CACHE_LINES)()}`;
          return lines[index] === line ? undefined : index;
        }
        return insertInto(lines, cache, pick(CACHE_LINES)());
      }
      const base = random() < 0.6 ? ["total-max-size 4"] : [];
      return appendSection(lines, `cache ${pick(["mycache", "", "mycache x"])}`.trimEnd(), [...base, pick(CACHE_LINES)()], base.length + 1);
    },
    balanceArguments(lines) {
      // `balance` given an algorithm's arguments wrong (`random(x)`, `hdr(` , `hash nosuchfetch`, `uri len`, `url_param userid check_post 64`)
      const present = numbered(lines, (line) => /^\s*balance\s/.test(code(line)));
      if (present.length > 0 && random() < 0.6) {
        const [line, index] = pick(present);
        lines[index] = `${indentOf(line)}balance ${pick(BALANCE)}`;
        return lines[index] === line ? undefined : index;
      }
      const section = pick(sections(lines).filter((s) => /^(backend|listen|defaults)$/.test(s.kind)));
      if (!section) return undefined;
      return insertInto(lines, section, `balance ${pick(BALANCE)}`);
    },
    aclMatch(lines) {
      // an ACL given a match method or a pattern file (`path -m regx`, `path -m found /x`, `src -m beg`, `path -f` alone, `-u x`)
      const present = numbered(lines, (line) => /^\s*acl\s+\S+\s+\S/.test(code(line)));
      if (present.length > 0 && random() < 0.5) {
        const [line, index] = pick(present);
        const name = code(line).trim().split(/\s+/)[1];
        lines[index] = `${indentOf(line)}acl ${name} ${pick(ACL_MATCHES)}`;
        return lines[index] === line ? undefined : index;
      }
      const section = pick(sections(lines).filter((s) => /^(frontend|backend|listen)$/.test(s.kind)));
      if (!section) return undefined;
      return insertInto(lines, section, `acl r14_acl ${pick(ACL_MATCHES)}`);
    },
  };
}
