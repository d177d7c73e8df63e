// Proxy keywords whose words haproxy reads one by one (retry-on, hash-type, cookie, email-alert
// level, option forwardfor except, persist rdp-cookie, declare capture, rate-limit sessions,
// source, balance's parameters, server-template's count; and the lines the mutation rounds found): each line alone in a listen section, through haproxy 2.6.12 one file per line. lblint
// reports an error on the line exactly when haproxy refuses it. Skipped where haproxy is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectHaproxy, lintText } from "./harness.js";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

const CASES = [
  "retry-on 400",
  "retry-on all",
  "retry-on 401 403 404 408 500 502 503 504 conn-failure",
  "hash-type consistent none",
  "hash-type consistent bogus",
  "hash-type map-based sdbm bogus",
  "hash-type consistent sdbm avalanche",
  "cookie SRV insert indirect nocache bogus",
  "cookie SRV insert maxidle abc",
  "cookie SRV insert domain",
  "cookie SRV insert attr SameSite=Lax domain .x.com maxidle 30m maxlife 8h dynamic",
  "email-alert level bogus",
  "email-alert level info",
  "option forwardfor except 10.0.0.300",
  "option forwardfor except 127.0.0.0/8 header X if-none",
  "persist rdp-cookie()",
  "persist rdp-cookie(x",
  "persist rdp-cookie",
  "persist rdp-cookie(mstshash)",
  "declare capture request len abc",
  "declare capture bogus len 10",
  "declare capture response len 10",
  "declare capture request len 0",
  "rate-limit sessions abc",
  "rate-limit sessions 10",
  "source 10.0.0.1 bogus",
  "source 10.0.0.1 usesrc",
  "source 10.0.0.1 usesrc client interface eth0",
  "declare capture request zzbogus 32",
  "stats http-request zzbogus realm Stats",
  "stats http-request auth zzbogus Stats",
  "stats http-request auth realm Stats",
  "stats http-request deny",
  "tcp-check connect zzbogus 6443",
  "tcp-check connect port 6443 alpn h2 linger comment probe",
  "http-check connect default zzbogus",
  "http-check connect addr 10.0.0.1 port 8080 send-proxy proto h2",
  "tcp-check connect port 99999999999",
  "tcp-check connect port 0",
  "balance hash",
  "balance hash zzbogus",
  "balance hash req.hdr(host) lower",
  "balance hash req.hdr(host),lower",
  "balance random(0)",
  "balance random()",
  "balance random(01)",
  "balance url_param",
  "balance url_param x zzbogus",
  "balance url_param x check_post",
  "balance hdr(host) zzbogus",
  "balance hdr(host) use_domain_only",
  "balance uri len",
  "balance uri len 0",
  "balance uri depth -1",
  "balance uri len 5x",
  "balance uri whole zzbogus",
  "balance uri len 5 depth 2 path-only whole",
  "server-template w 0x10 127.0.0.1:81",
  "server-template w 0 127.0.0.1:81",
  "server-template w -3 127.0.0.1:81",
  "server-template w 1-0 127.0.0.1:81",
  "server-template w 3- 127.0.0.1:81",
  "server-template w 0-3 127.0.0.1:81",
  "server-template w x-3 127.0.0.1:81",
  "server-template w 10abc 127.0.0.1:81",
  "server-template w 1-2-3 127.0.0.1:81",
  "server s2 check",
  "server s2 127.0.0.1:82 check",
  "server s3 udp@127.0.0.1:514",
  "server s3 uxdg@/tmp/lblint-x",
  "server s3 tcp@127.0.0.1:514",
  "server s3 fd@3",
  "mode http$",
  "retries 3$",
  "balance roundrobin$",
  "timeout server 5s$",
  "stick-table type ip size 0",
  "stick-table type ip size 0k",
  "stick-table type ip size 1",
  "stick-table type ip size 4294967295",
  "stick-table type ip size 4294967296",
  "stick-table type ip size 4194304k",
  "stick-table type ip size 3g",
  "stick-table type ip size 4g",
  "tcp-check connect port 80x",
  "tcp-check connect port 0.5",
  "tcp-check connect port +80",
  "tcp-request content switch-mode htttp",
  "tcp-request content switch-mode http proto h9",
  "tcp-request content switch-mode http zzbogus",
  "tcp-request content switch-mode http proto h1",
  "tcp-request content track-sc0 src table",
  "tcp-request connection track-sc0 src table",
  "tcp-request content track-sc0 src table l",
  "tcp-request content track-sc0 src 1",
  "tcp-request session track-sc1 src table l x",
  "http-request track-sc0 req.hdr(x-forwarded-for) 1",
  "http-request track-sc0 src table l if TRUE",
  "http-response track-sc2 src x",
  "timeout queue 500000hr",
  "http-request capture req.hdr(host) len 512 -- primary",
  "log global on",
  "acl be1 /be1 path_beg",
  "acl any * x",
  "acl ok path_beg /be1",
  "acl v var(txn.x) 9",
  "acl v var(txn.x) int -m 9",
  "acl v var(txn.x) -i -m str foo",
  "acl v var(txn.x),lower foo",
  "http-request redirect location /x when",
  "http-request redirect location /x code 301 drop-query append-slash ignore-empty if TRUE",
  "redirect prefix /x set-cookie A=1 clear-cookie B foo",
  "http-request redirect location /x set-cookie-fmt abc",
  "http-check expect status 200 on",
  "http-check expect status 200 comment x",
  "http-check expect status 200 status 300",
  "tcp-check expect string OK on",
  "tcp-check expect binary 0a0b comment x",
  "tcp-check expect binary 0",
  "tcp-check expect binary 0g",
  "tcp-check expect binary 0500_000",
  "tcp-check expect ! binary 0aB0",
  "tcp-check expect rbinary 0",
  "tcp-check expect status 200",
  "log global local0",
  "log global",
  "http-request capture req.hdr(host) if TRUE",
  "http-request capture req.hdr(host) len 10",
  "http-request capture req.hdr(host) id -5",
  "http-request capture req.hdr(host) id 1x",
  "tcp-request content capture req.hdr(host) id 0",
  "tcp-request content capture req.hdr(host) len 10 x",
  "tcp-request content capture req.hdr(host) len 10 if TRUE",
  "timeout queue 24dx",
  "http-request wait-for-body time 25dx",
  "stick-table type ip size 1k expire 25dx",
  "stick-table type ip size 1k expire 24dx",
  "bind ::8000",
  "bind 1::8000",
  "bind :::8001",
  "bind ::ffff:127.0.0.1:8002",
  "server s2 2001:db8::cafe",
  "server s2 [2001:db8::cafe]",
  "server s2 2001:db8::cafe:80",
];

/** Sections of their own, after the listen section: [header, line]. */
const SECTION_CASES: readonly (readonly [string, string])[] = [
  ["resolvers dns", "nameserver ns1 10.0.0.300:53"],
  ["resolvers dns", "nameserver ns1 10.0.0.1:53"],
  ["mailers m", "mailer smtp1 10.0.0.1"],
  ["peers p", "peer A tfo"],
  ["peers p", "server A v4v6"],
  ["peers p", "server 127.0.0.1:20003 B"],
  ["peers p", "peer lb@1 127.0.0.1:10000"],
  ["resolvers dns", "nameserver ns=1 127.0.0.1:53"],
  ["mailers m", "mailer smtp(1) 127.0.0.1:25"],
  ["backend bx", "server *:9900 127.0.0.1:9900"],
  ["backend bx", "server-template web+ 3 127.0.0.1:80"],
  ["backend bx", "acl is+ok src 10.0.0.0/8"],
  ["backend bx", "server ok.1:x_y-z 127.0.0.1:80"],
  ["userlist L", "user a+b insecure-password x"],
  ["peers p", "server"],
  ["userlist L", "user a inssecure-password x"],
  ["userlist L", "group adm userss tiger"],
  ["userlist L", "group adm users tiger x"],
  ["userlist L", "group adm users tiger"],
  ["userlist L", "user a insecure-password x"],
  ["userlist L", "user a password"],
  ["ring r", "size 1M"],
  ["ring r", "size 1000"],
  ["ring r", "size 20000x"],
  ["ring r", "size 32768"],
  ["mailers m", "mailer smtp1 10.0.0.300:25"],
  ["mailers m", "mailer smtp1 10.0.0.1:25"],
  ["ring r", "server s1 10.0.0.300:514"],
  ["ring r", "server s1 10.0.0.3:514"],
  ["resolvers dns", "nameserver ns1 ::53"],
  ["resolvers dns", "nameserver ns1 127.0.0.1:99999"],
  ["resolvers dns", "nameserver ns1 127.0.0.1:0"],
  ["resolvers dns", "nameserver ns1 [::1]:65535"],
  ["resolvers dns", "nameserver ns1 :::53"],
  ["mailers m", "mailer smtp1 fe80::1"],
  ["mailers m", "mailer smtp1 fe80::1:25"],
  ["ring r", "server s1 1::514"],
  ["backend bx", "http-request capture req.hdr(host) len 10"],
  ["backend bx", "tcp-request content capture req.hdr(host) len 10"],
  ["backend bx", "http-request capture req.hdr(host) id 0"],
];

/** Lines of the global section. */
const GLOBAL_CASES = [
  "user nobody extra",
  "user nobody",
  "group nogroup extra",
  "group nogroup",
  "set-var zzbogus int(12)",
  "set-var proc.x zzbogus",
  "set-var proc.x int(12)",
  "set-var-fmt zzbogus abc",
  "ssl-default-bind-options no-sslv3 bogus",
  "ssl-default-bind-options ssl-min-ver TLSv1.9",
  "ssl-default-server-options prefer-client-ciphers",
  "ssl-default-bind-options prefer-client-ciphers ssl-max-ver TLSv1.3 no-tls-tickets",
  "ssl-default-server-options no-sslv3 ssl-min-ver TLSv1.2",
  "stats timeout 0",
  "stats timeout 10s",
  "tune.bufsize 0",
  "tune.bufsize 16384",
  "log ::514 local0",
  "ssl-default-bind-options",
  "ssl-default-server-options",
  "log :::514 local0",
  "log fe80::1 local0",
];

const LINE = 7;
const config = (line: string) =>
  `defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\nlisten l\n    bind 127.0.0.1:18080\n    ${line}\n    server s 127.0.0.1:80\n`;

describe("HA004 keyword words", () => {
  it("reports the word haproxy trips over", () => {
    const [found] = expectHaproxy("HA004", "backend b\n    retry-on 503 «all»\n    hash-type consistent «murmur»\n", { haproxyVersion: "2.6" });
    expect(found!.message).toContain("'all' is not a retry-on event (none, conn-failure,");
    expectHaproxy("HA004", "backend b\n    retry-on 421 429\n    hash-type consistent none\n", { haproxyVersion: "3.4" });
  });

  it("reads balance parameters and server-template counts as haproxy does", () => {
    const found = expectHaproxy("HA004", "backend b\n    balance «hash»\n    balance uri len «0»\n    balance url_param p «bogus»\n    server-template w «0x10» 10.0.0.1:80\n    server-template v «2-1» 10.0.0.1:80\n    server-template u 10abc 10.0.0.1:80\n");
    expect(found.map((p) => p.message)).toEqual([
      "'balance hash' needs a sample expression to hash (balance hash req.hdr(host)); haproxy refuses the line",
      "'len' needs a number above 0 ('0'); haproxy refuses the line",
      "'bogus' may not follow 'balance url_param NAME', only 'check_post'; haproxy refuses the line",
      "'0x10' is not a server count or a range LOW-HIGH: haproxy reads 0 servers; haproxy refuses the line",
      "'2-1' is not a server count or a range LOW-HIGH: haproxy reads the range 2-1, which runs backwards; haproxy refuses the line",
    ]);
  });

  it.runIf(installed)("agrees with haproxy 2.6.12 on every case", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha004-keywords-"));
    const file = join(dir, "t.cfg");
    const wrong: string[] = [];
    const cases = [...CASES.map((line) => ({ line, text: config(line), at: LINE })), ...GLOBAL_CASES.map((line) => ({ line, text: `global\n    ${line}\n${config("# nothing else")}`, at: 1 })),
      ...SECTION_CASES.map(([header, line]) => ({ line, text: `${config("# nothing else")}${header}\n    ${line}\n`, at: 10 })),
    ];
    for (const { line, text, at } of cases) {
      writeFileSync(file, text);
      const refused = spawnSync("haproxy", ["-c", "-f", file], { encoding: "utf8", timeout: 20_000 }).status !== 0;
      const errors = lintText("haproxy", text, { haproxyVersion: "2.6" }).filter((p) => p.severity === "error" && p.range.start.line === at);
      if (refused !== errors.length > 0) wrong.push(`'${line}': haproxy ${refused ? "refuses" : "accepts"} it, lblint ${errors.map((p) => `${p.ruleId} ${p.message}`).join("; ") || "no error"}`);
    }
    expect(wrong).toEqual([]);
  });
});
