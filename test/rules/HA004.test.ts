import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { lint } from "../../server/src/lint/lint.js";

describe("HA004 invalid-value", () => {
  it("accepts times with units, listed words, hash and random algorithms and ports", () => {
    expectHaproxy(
      "HA004",
      `global
    log 127.0.0.1:514 len 1024 local0 info notice
    log stdout format raw daemon
defaults
    mode tcp
    timeout client 1m
    timeout server 100
backend a
    balance hdr(host)
    hash-type consistent
frontend f
    bind :80,:443
    bind "\${ADDR}"
    bind unix@/run/haproxy.sock
    bind 10.0.0.1:8000-8010
`,
    );
  });

  it("takes only 'comment' and its text after the data of tcp-check send (eleventh mutation round)", () => {
    // haproxy 2.6.12: "'tcp-check send' : expects 'comment' but got 'info replication\r\n' as argument", "'comment' expects a string".
    const found = expectHaproxy(
      "HA004",
      "backend b\n    option tcp-check\n    tcp-check send send «info\\ replication\\r\\n»\n    tcp-check send-binary 5051 «x»\n    tcp-check send PING «comment»\n    tcp-check send-lf %[src] comment ping\n    tcp-check send \"a b\"\n    server s 10.0.0.1:80 check\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'info\\ replication\\r\\n' may not follow the data of 'tcp-check send', only 'comment' and its text; haproxy refuses it (quote the data, or escape its blanks with '\\')",
      "'x' may not follow the data of 'tcp-check send-binary', only 'comment' and its text; haproxy refuses it (quote the data, or escape its blanks with '\\')",
      "'comment' needs its text; haproxy refuses the line",
    ]);
  });

  it("reads brackets as haproxy does: a host in brackets whole, the port after the last ':' past the ']' (mutation round 11)", () => {
    // haproxy 2.6.12: "invalid address: '[::1'", "missing port specification in '[::1]9000'", "invalid
    // address: '[]'"; `[localhost]` and `[10.0.0.1]` lose their brackets and are read; a server's
    // address that is none only fails to resolve at startup (a warning).
    const found = expectHaproxy(
      "HA004",
      `global
    log «[::1:514» local0
    log [::1]:514 local0
frontend f
    bind «[::1:9000»
    bind «::1]:9001»
    bind «[::1]9002»
    bind «[]:9003»
    bind [localhost]:9004
    bind [10.0.0.1]:9005
    bind [::]:9006
    bind «ipv6@10.0.0.1:9007»
    bind «tcp4@[::1]:9008»
    bind «ip@::1::2:9009»
    bind ipv6@[::1]:9010
    default_backend b
backend b
    server s1 «[::1:80»
    server s2 [::1]:80
    source «[::1»
resolvers dns
    nameserver ns1 «[::1]53»
    nameserver ns2 [::1]:53
mailers m
    mailer smtp1 «[::1:25»
    mailer smtp2 «[::1]25»
`,
    );
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "error '[::1' is not an address: brackets go around a whole IPv6 address, as in '[::1]:80' in log address '[::1:514'; haproxy refuses it",
      "error '[::1' is not an address: brackets go around a whole IPv6 address, as in '[::1]:80' in bind address '[::1:9000'; haproxy refuses it",
      "error '::1]' is not an address: brackets go around a whole IPv6 address, as in '[::1]:80' in bind address '::1]:9001'; haproxy refuses it",
      "error bind address '[::1]9002' has no port; haproxy refuses it (write '[::1]9002:PORT')",
      "error '[]' is not an address (nothing to read between the brackets) in bind address '[]:9003'; haproxy refuses it",
      "error '10.0.0.1' is an IPv4 address, and 'ipv6@' takes IPv6 ones; haproxy refuses it",
      "error '::1' is an IPv6 address, and 'tcp4@' takes IPv4 ones; haproxy refuses it",
      "error '::1::2' is not an IPv6 address (an IPv6 address takes its port after one more ':', as in ':::80') in bind address '::1::2:9009'; haproxy refuses it",
      "warning '[::1' is not an address: brackets go around a whole IPv6 address, as in '[::1]:80' in server address '[::1:80'; haproxy takes it for a host name, which does not resolve: it refuses to start unless told to go on (init-addr none, -dr)",
      "error '[:' is not an address: brackets go around a whole IPv6 address, as in '[::1]:80' in 'source'; haproxy refuses the line",
      "error nameserver address '[::1]53' has no port; haproxy refuses it (write '[::1]:53')",
      "error '[::1' is not an address: brackets go around a whole IPv6 address, as in '[::1]:80' in mailer address '[::1:25'; haproxy refuses it",
      "error mailer address '[::1]25' has no port; haproxy refuses it (write '[::1]:25')",
    ]);
  });

  it("reports unknown units, words outside closed lists and bind addresses without a port", () => {
    const found = expectHaproxy(
      "HA004",
      `global
    log 127.0.0.1 «local9» «infos»
defaults
    mode «https»
    timeout client «30sec»
backend a
    balance «round-robin»
frontend f
    bind «10.0.0.1»
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'local9' is not a syslog facility; did you mean 'local0' or 'local1' or 'local2'?",
      "'infos' is not a log level; did you mean 'info'?",
      "'https' is not one of tcp, http, log, spop for 'mode'; did you mean 'http'?",
      "'30sec' is not a time (a number with an optional unit: us, ms, s, m, h, d) for 'timeout client'; haproxy 3.2 still reads it as 30s with a warning, and says later versions will refuse it",
      "'round-robin' is not a balance algorithm; did you mean 'roundrobin'?",
      "bind address '10.0.0.1' has no port; haproxy refuses it (write '10.0.0.1:PORT')",
    ]);
    expect(found[4]!.fix?.edits[0]?.newText).toBe("roundrobin");
  });

  it("only warns about a time with trailing letters for haproxy 2.6, which reads it", () => {
    const [found] = expectHaproxy("HA004", "defaults\n    timeout client «30sec»\n", { haproxyVersion: "2.6" });
    expect(found!.severity).toBe("warning");
  });

  it("does the same in server options and a stick-table's expiry, and keeps an unknown unit an error (found by mutations)", () => {
    const found = expectHaproxy(
      "HA004",
      "backend b\n    stick-table type ip size 1m expire «1sec»\n    server s 10.0.0.1:80 check inter «2sec» downinter «1min» fastinter «5S»\n",
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "'1sec' is not a time (a number with an optional unit: us, ms, s, m, h, d); haproxy 2.6 reads it as 1s with a warning, later versions refuse it"],
      ["warning", "'2sec' is not a time (a number with an optional unit: us, ms, s, m, h, d) for server option 'inter'; haproxy 2.6 reads it as 2s with a warning, later versions refuse it"],
      ["warning", "'1min' is not a time (a number with an optional unit: us, ms, s, m, h, d) for server option 'downinter'; haproxy 2.6 reads it as 1m with a warning, later versions refuse it"],
      ["error", "'5S' is not a time (a number with an optional unit: us, ms, s, m, h, d) for server option 'fastinter'"],
    ]);
  });

  it("keeps it an error when what haproxy reads is too long for its timers (found by mutations: 500000hr)", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    bind :80\n    timeout client «500000hr»\n    stick-table type ip size 1k expire «25dx»\n    http-request wait-for-body time «25dx»\n    timeout http-request «24dx»\n",
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => p.severity)).toEqual(["error", "error", "error", "warning"]);
  });
});

describe("HA004 invalid-value: address families", () => {
  it("knows the families of each version", () => {
    expectHaproxy("HA004", "frontend f\n    bind ipv4@:80\n    bind unix@/run/s.sock\n    bind tcp6@:::81\n");
    const found = expectHaproxy("HA004", "frontend f\n    bind «rhttp@be/srv»\n    bind «foo@:80»\n", { haproxyVersion: "2.6" });
    expect(found.map((p) => p.message)).toEqual(["address family 'rhttp@' is not in haproxy 2.6 (it comes with haproxy 3.0)", "'foo@' is not an address family haproxy knows"]);
  });
});

describe("HA004 invalid-value: options and per-version lists", () => {
  it("checks bind and server option values and multiplexers", () => {
    expectHaproxy("HA004", "backend b\n    server s 10.0.0.1:80 check inter 2s rise 2 weight 100 proto h2\n");
    const found = expectHaproxy("HA004", "backend b\n    server s 10.0.0.1:80 check inter «2x» weight «300» proto «qmux»\n", { haproxyVersion: "2.6" });
    expect(found.map((p) => p.message)).toEqual([
      "'2x' is not a time (a number with an optional unit: us, ms, s, m, h, d) for server option 'inter'",
      "'300' must be at most 256 for server option 'weight'",
      "multiplexer 'qmux' is not in haproxy 2.6 (it comes with haproxy 3.4)",
    ]);
  });

  it("knows which compression settings each version has", () => {
    expectHaproxy("HA004", "backend b\n    compression «minsize» 1k\n");
    expectHaproxy("HA004", "backend b\n    compression algo-res gzip\n", { haproxyVersion: "3.4" });
  });
});

describe("HA004 invalid-value: numbers as haproxy reads them", () => {
  it("is a warning where haproxy reads the number with atol() and takes what it makes of it", () => {
    const found = expectHaproxy("HA004", "global\n    maxconn «10x»\n    tune.http.maxhdr «abc»\nbackend b\n    retries «0.5»\n    server s 10.0.0.1:80 maxconn «-5» weight «7z» rise «abc»\n", { haproxyVersion: "2.6" });
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning '10x' is not a whole number for 'maxconn'; haproxy reads it as 10 without a word",
      "error 'abc' is not a whole number for 'tune.http.maxhdr'",
      "warning '0.5' is not a whole number for 'retries'; haproxy reads it as 0 without a word",
      "warning '-5' must be at least 0 for server option 'maxconn'; haproxy takes it without a word",
      "warning '7z' is not a whole number for server option 'weight'; haproxy reads it as 7 without a word",
      "error 'abc' is not a whole number for server option 'rise'",
    ]);
  });

  it("holds numbers to the ranges haproxy checks", () => {
    const found = expectHaproxy("HA004", "global\n    nbthread «0»\n    tune.comp.maxlevel «10»\n    tune.comp.maxlevel 9\n    maxsslconn «-1»\n");
    expect(found.map((p) => p.message)).toEqual(["'0' must be at least 1 for 'nbthread'", "'10' must be at most 9 for 'tune.comp.maxlevel'", "'-1' must be at least 0 for 'maxsslconn'"]);
  });

  it("reports times longer than haproxy's limit, in the keyword's own unit", () => {
    const found = expectHaproxy(
      "HA004",
      "global\n    hard-stop-after «25d»\n    tune.ssl.lifetime 25d\n    tune.idletimer «70s»\ndefaults\n    timeout client 24d\n    timeout server «2147483648»\n    timeout connect 2147483648us\nbackend b\n    server s 10.0.0.1:80 inter «30d»\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'25d' is longer than haproxy's limit of 2147483647 ms (about 24.8 days) for 'hard-stop-after'",
      "'70s' is longer than haproxy's limit of 65535 ms for 'tune.idletimer'",
      "'2147483648' is longer than haproxy's limit of 2147483647 ms (about 24.8 days) for 'timeout server'",
      "'30d' is longer than haproxy's limit of 2147483647 ms (about 24.8 days) for server option 'inter'",
    ]);
  });
});

describe("HA004 invalid-value: the options of actions", () => {
  it("checks status codes, redirect codes, capture lengths and options without their value", () => {
    const found = expectHaproxy(
      "HA004",
      `frontend f
    bind :80
    http-request return status «600» content-type text/plain string ok if TRUE
    http-request deny «status» if TRUE
    http-request deny deny_status «418»
    http-request deny deny_status 429
    http-response set-status «1000» reason x
    http-request redirect location / code «300»
    redirect prefix /x code «200» if TRUE
    http-request capture req.hdr(host) len «0»
    http-request track-sc0 src «table»
    http-request return status 204 hdr x-a v
    http-response set-status 418
    http-request redirect scheme https code 308 if !{ ssl_fc }
    http-request wait-for-body time «30d» at-least «1.5k»
    http-request wait-for-body time 1s at-least 16k
    http-request return status 200 «hdr» x-only if TRUE
    http-request return status 200 hdr x-a 1 hdr x-b 2
    http-request capture req.hdr(host) len 10x
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'600' is not a status code haproxy takes here (200 to 599)",
      "'status' needs a value",
      "'418' is not a code haproxy has an error page for (200, 400, 401, 403, 404, 405, 407, 408, 410, 413, 421, 425, 429, 500, 501, 502, 503, 504)",
      "'1000' is not a status code haproxy takes here (100 to 999)",
      "'300' is not a redirect code (301, 302, 303, 307, 308)",
      "'200' is not a redirect code (301, 302, 303, 307, 308)",
      "'0' is not a length above 0",
      "'table' needs a table name; haproxy refuses the rule",
      "'30d' is longer than haproxy's limit of 2147483647 ms (about 24.8 days)",
      "'1.5k' is not a size (a number with an optional k, m or g)",
      "'hdr' needs a header name and a value",
    ]);
  });
});

describe("HA004 invalid-value: stick tables", () => {
  it("checks a stick-table's and a peers table's words as haproxy reads them", () => {
    const found = expectHaproxy(
      "HA004",
      `backend a
    stick-table type «ipv5» size «1.5m» expire «30d» store http_req_rate(10s)
backend b
    stick-table type string len 32 size 1m expire 30s nopurge peers mine store gpc0,conn_rate(10s)
backend c
    stick-table type ip «len» 4
peers mine
    peer lb1 10.0.0.1:1024
    table t1 type string size «10x» srvkey «host»
    table t2 type ip size 100k expire 1h
    table t3 type ip size «99999999999»
backend d
    stick-table type ip size «4096m»
backend e
    stick-table type ip size 4095M
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'ipv5' is not a stick-table key type (ip, ipv6, integer, string, binary)",
      "'1.5m' is not a table size (a whole number with an optional k, m or g)",
      "'30d' is longer than haproxy's limit of 2147483647 ms (about 24.8 days)",
      "'len' is not an argument of stick-table here",
      "'10x' is not a table size (a whole number with an optional k, m or g)",
      "'host' is not a server key (name or addr)",
      "'99999999999' is too large: a table holds at most 4294967295 entries (4194303k, 4095m, 3g)",
      "'4096m' is too large: a table holds at most 4294967295 entries (4194303k, 4095m, 3g)",
    ]);
  });
});

describe("HA004 invalid-value: a proxy's id", () => {
  it("is an error below 1 and a warning where haproxy reads leading digits", () => {
    const found = expectHaproxy("HA004", "backend a\n    id «0»\nbackend b\n    id «7x»\nbackend c\n    id 3\n");
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual(["error '0' must be at least 1 for 'id'", "warning '7x' is not a whole number for 'id'; haproxy reads it as 7 without a word"]);
  });
});

describe("HA004 invalid-value: matching methods", () => {
  it("checks the -m of an acl and of del-header", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    acl a req.hdr(host) -m «foo» x\n    acl b req.hdr(host) «-m»\n    acl c req.hdr(host) -i -m beg x\n    http-request del-header x-a -m «dom»\n    http-request del-header x-b «-m»\n    http-request del-header x-c -m beg\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'foo' is not a matching method (found, bool, int, ip, bin, len, str, sub, reg, beg, end, dir, dom)",
      "'-m' needs a matching method",
      "'dom' is not a matching method del-header takes (str, beg, end, sub, reg)",
      "'-m' needs a value",
    ]);
  });

  it("reports a flag where -f wants its file name (haproxy 2.6.12: \"failed to open pattern file <-i>\")", () => {
    const found = expectHaproxy("HA004", "frontend f\n    acl a hdr(host) -f «-i» x\n    acl b hdr(host) -i -f /etc/haproxy/hosts.lst\n    http-request deny if { path -f «-m» beg /x }\n");
    expect(found[0]!.message).toBe("'-f' takes the pattern file's name and reads '-i' as one, so haproxy cannot open it; put the flag before '-f'");
    // "failed to open pattern file <>"
    const [bare] = expectHaproxy("HA004", "frontend f\n    acl a http_auth(users) «-f»\nuserlist users\n    user u insecure-password p\n");
    expect(bare!.message).toBe("'-f' needs the pattern file's name");
  });

  it("checks the -m of anonymous ACLs, and the unique id after -u, as haproxy 2.6.12 does", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    acl a path -u «/x»\n    acl b path -u -1 /y\n    acl c path -u\n    http-request deny if { path -m «regx» /x }\n    http-request deny if { path «-m» }\n    http-request deny if { path -m beg /z } || { path -u «1x» /w } || { path -u +3 /v }\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'/x' is not a whole number: '-u' takes the ACL's unique id; haproxy refuses it",
      "'regx' is not a matching method (found, bool, int, ip, bin, len, str, sub, reg, beg, end, dir, dom)",
      "'-m' needs a matching method",
      "'1x' is not a whole number: '-u' takes the ACL's unique id; haproxy refuses it",
    ]);
  });

  it("reports a '-u' left without its id at the end of an inline ACL, on which haproxy 2.6.12 crashes", () => {
    const found = expectHaproxy("HA004", "frontend f\n    acl c path -u\n    http-request deny if { always_true «-u» }\n    http-request deny if { path -i «-u» } || { path -u 5 }\n");
    expect(found[0]!.message).toBe("'-u' needs the ACL's unique id; at the end of an inline ACL haproxy 2.6.12 crashes reading it (segmentation fault)");
  });

  it("reads a nameserver's port as haproxy 2.6.12 does: its leading digits (found by mutations: '127.0.0.11:8O' passes)", () => {
    const found = expectHaproxy("HA004", "resolvers dns\n    nameserver a 127.0.0.11:8O\n    nameserver b 127.0.0.11:53x\n    nameserver c «127.0.0.11:O8»\n    nameserver d «127.0.0.11:5-6»\n    nameserver e «127.0.0.11:0»\n", { haproxyVersion: "2.6" });
    expect(found[0]!.message).toBe("nameserver address '127.0.0.11:O8' has no port; haproxy refuses it (write '127.0.0.11:O8:53')");
  });

  it("reads a quoted word after -m whose dollar is escaped (found by mutations: the -m of '-m str' dropped)", () => {
    expectHaproxy("HA004", 'frontend f\n    tcp-request content accept if { req.payload(0,14) -m «"*1\\r\\n\\$4"» }\n    acl v path -m ${METHOD} /x\n');
  });
});

describe("HA004 invalid-value: log facilities and stick rules", () => {
  it("wants a facility after a log target's options, and a table name after 'table'", () => {
    const found = expectHaproxy(
      "HA004",
      "global\n    log stdout format «raw»\n    log 127.0.0.1 len 1024 local0\nbackend b\n    log global\n    stick on src «table»\n    stick on src table b\n    stick match src «table» if TRUE\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "a syslog facility must follow (local0 … local7, daemon, …); haproxy refuses this log line without one",
      "'table' needs a table name",
      "'table' needs a table name",
    ]);
  });
});

describe("HA004 invalid-value: a cache's object size", () => {
  it("is at most half of the cache's total size", () => {
    const found = expectHaproxy("HA004", "cache c\n    total-max-size 4\n    max-object-size «3000000»\ncache d\n    total-max-size 4\n    max-object-size 2097152\ncache e\n    total-max-size 4\n    max-object-size «-5»\ncache f\n    total-max-size 4\n    max-object-size 4294967296\ncache g\n    total-max-size 4\n    max-object-size «2147483648»\n");
    expect(found[0]!.message).toBe("'max-object-size' may be at most half of 'total-max-size' (2097152 bytes here)");
    expect(found[0]!.related?.[0]?.range.start.line).toBe(1);
  });
});

describe("HA004 invalid-value: ports haproxy refuses", () => {
  it("accepts listening ports 1 to 65535, server ports 0 to 65535, offsets, IPv6 groups and environment variables", () => {
    expectHaproxy(
      "HA004",
      `frontend f
    bind :1
    bind 192.0.2.10:65535
    bind :4000-4010
backend b
    server s0 192.0.2.20:0
    server s1 192.0.2.21:65535
    server s2 192.0.2.22:+100
    server s3 192.0.2.23:-1
    server s4 [2001:db8::1]:8443
    server s5 2001:db8::cafe:8080
    server s10 [2001:db8::cafe]
    server s6 app-host
    server s7 unix@/run/app.sock
    server s8 "\${APP}:\${PORT}"
    server s9 app:$APP_PORT
frontend g
    bind $VIP:80
`,
    );
  });

  it("reports a port outside the range, a backwards range and a port that is not a number", () => {
    const found = expectHaproxy(
      "HA004",
      `frontend f
    bind «:0»
    bind «*:65536»
    bind «:9000-8000»
backend b
    server s1 «192.0.2.21:70000»
    server s2 «[2001:db8::1]:65536»
    server s3 «app:https»
    server s4 «2001:db8::cafe»
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'0' is not a port between 1 and 65535 in bind address ':0'; haproxy refuses it",
      "'65536' is not a port between 1 and 65535 in bind address '*:65536'; haproxy refuses it",
      "port range '9000-8000' in bind address ':9000-8000' runs backwards; haproxy refuses it",
      "'70000' is not a port between 0 and 65535 in server address '192.0.2.21:70000'; haproxy refuses it",
      "'65536' is not a port between 0 and 65535 in server address '[2001:db8::1]:65536'; haproxy refuses it",
      "'https' is not a port in server address 'app:https'; haproxy refuses it",
      "'cafe' is not a port in server address '2001:db8::cafe'; haproxy refuses it",
    ]);
  });
});

describe("HA004 invalid-value: a port with something after its digits (found by mutations)", () => {
  it("warns at 2.6, as haproxy 2.6.12 reads the digits and ignores the rest; a port that does not start with one stays an error", () => {
    const found = expectHaproxy(
      "HA004",
      `frontend f
    bind «0.0.0.0:61613a»
    bind «:8080-80x»
    bind «:abc»
backend b
    server s1 «127.0.0.1:20002a»
    server s2 «127.0.0.1:x1»
    server s3 «127.0.0.1:20003-1»
`,
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning '61613a' is not a port in bind address '0.0.0.0:61613a'; haproxy reads it as 61613 without a word",
      "error port range '8080-80x' in bind address ':8080-80x' runs backwards; haproxy refuses it",
      "error 'abc' is not a port in bind address ':abc'",
      "warning '20002a' is not a port in server address '127.0.0.1:20002a'; haproxy reads it as 20002 without a word",
      "error 'x1' is not a port in server address '127.0.0.1:x1'; haproxy refuses it",
      "error '20003-1' is a port range in server address '127.0.0.1:20003-1'; haproxy refuses it",
    ]);
  });
});

describe("HA004 invalid-value: a port from the environment", () => {
  it("warns that haproxy refuses the address where the variable is unset", () => {
    const found = expectHaproxy("HA004", "frontend f\n    bind «0.0.0.0:$PORT»\n");
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning the port of bind address '0.0.0.0:$PORT' comes from an environment variable; haproxy refuses the address where it is not set",
    ]);
  });

  it("holds a ring's format to the ones haproxy 2.6.12 takes", () => {
    expectHaproxy("HA004", "ring r\n    format «bogus»\nring q\n    format rfc5424\nring p\n    format priority\n");
  });

  it("reads quoted status lists and compression algorithms too", () => {
    expectHaproxy("HA004", 'backend b\n    option httpchk\n    http-check expect status "«200-»"\n    compression algo «"brotli"»\n');
  });
});

describe("HA004 invalid-value: a log line's sample (found by a sweep of log forms)", () => {
  it("reads RANGES:SIZE as haproxy 2.6.12 does", () => {
    expectHaproxy("HA004", "global\n    log 127.0.0.1 sample 1-2,4:4 local0\n    log 127.0.0.1 sample 1:999999999999 local0\n");
    const found = expectHaproxy(
      "HA004",
      "global\n    log 127.0.0.1 sample «1» local0\n    log 127.0.0.1 sample «2-1:3» local0\n    log 127.0.0.1 sample «1,3:2» local0\n    log 127.0.0.1 sample «1:0» local0\n    log 127.0.0.1 sample «:2» local0\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'1' has no sample size: write RANGES:SIZE (e.g. 1:2, one message in two); haproxy refuses the line",
      "'2-1' is not a sample range (N, or N-M from low to high, counting from 1); haproxy refuses the line",
      "the sample size 2 is below the highest range limit 3; haproxy refuses the line",
      "'0' is not a sample size (a whole number above 0); haproxy refuses the line",
      "':2' gives no sampling range before its size; haproxy refuses the line",
    ]);
  });
});

describe("HA004 invalid-value: log targets and addresses (found by mutations)", () => {
  it("accepts the log lines haproxy 2.6.12 takes", () => {
    expectHaproxy(
      "HA004",
      `frontend f
    bind :80
    log 127.0.0.1:514 len 65535 format rfc5424 local0 info debug
    log 127.0.0.1:514 len 100x format iso local0
    log localhost:514 local0
    log 127.0.0.1 local0
    log stdout format raw local0
    log udp@127.0.0.1:514 local0
    log /dev/log local0
`,
    );
  });

  it("reports lengths, formats, addresses, ports and extra levels haproxy refuses", () => {
    const found = expectHaproxy(
      "HA004",
      `frontend f
    bind :80
    log 127.0.0.1:514 len «79» local0
    log 127.0.0.1:514 len «1e3» local0
    log stdout format «json» local0
    log «127.0.0.1.1:514» local0
    log «127.0.0.1;514» local0
    log «127.0.0.1:99999» local0
    log «127.0.0.1:514-515» local0
    log 127.0.0.1:514 local0 info info «info»
    log «127.0.0.1::20002» daemon
    log global «on»
    log global «local0 info»
    bind «1.2.3.256:80»
    bind «*::80»
    bind «::8000»
    bind :::8001
    bind fe80::1:8002
    log «fe80::1» local0
    log ::ffff:10.0.0.1:514 local0
backend b
    server s1 «127.0.0.120004»
    server s2 «::8000»
peers p
    server s1 «127.0.0.120004»
    peer s2 «10.0.0.173.1:10000»
    peer s3 «1::10000»
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'79' is not a log length between 80 and 65535; haproxy refuses it",
      "'1e3' is not a log length between 80 and 65535; haproxy refuses it",
      "'json' is not a log format haproxy knows (local, rfc3164, rfc5424, short, raw, priority, iso, timed)",
      "'127.0.0.1.1' is not an IPv4 address in log address '127.0.0.1.1:514'; haproxy refuses it",
      "'127.0.0.1;514' is neither an IP address nor a host name in log address '127.0.0.1;514'; haproxy refuses it",
      "'99999' is not a port between 0 and 65535 in log address '127.0.0.1:99999'; haproxy refuses it",
      "log address '127.0.0.1:514-515' has a port range; haproxy takes one port here",
      "'info' is one word too many: a log line ends with its facility and at most two levels; haproxy refuses it",
      "'127.0.0.1:' is not an address (one ':' too many) in log address '127.0.0.1::20002'; haproxy refuses it",
      "'log global' takes nothing after 'global'; haproxy refuses the line",
      "'log global' takes nothing after 'global'; haproxy refuses the line",
      "'1.2.3.256' is not an IPv4 address in bind address '1.2.3.256:80'; haproxy refuses it",
      "'*:' is not an address (one ':' too many) in bind address '*::80'; haproxy refuses it",
      "':' is not an IPv6 address (an IPv6 address takes its port after one more ':', as in ':::80') in bind address '::8000'; haproxy refuses it",
      "'fe80:' is not an IPv6 address (an IPv6 address takes its port after one more ':', as in ':::80') in log address 'fe80::1'; haproxy refuses it",
      "'127.0.0.120004' is not an IPv4 address in server address '127.0.0.120004'; haproxy takes it for a host name, which does not resolve: it refuses to start unless told to go on (init-addr none, -dr)",
      "':' is not an IPv6 address (an IPv6 address takes its port after one more ':', as in ':::80') in server address '::8000'; haproxy takes it for a host name, which does not resolve: it refuses to start unless told to go on (init-addr none, -dr)",
      "'127.0.0.120004' is not an IPv4 address in server address '127.0.0.120004'; haproxy refuses it",
      "'10.0.0.173.1' is not an IPv4 address in peer address '10.0.0.173.1:10000'; haproxy refuses it",
      "'1:' is not an IPv6 address (an IPv6 address takes its port after one more ':', as in ':::80') in peer address '1::10000'; haproxy refuses it",
    ]);
  });
});

describe("HA004 invalid-value: balance arguments, socket modes, stored data types, nameserver ports (found by mutations)", () => {
  it("accepts what haproxy 2.6.12 takes", () => {
    expectHaproxy(
      "HA004",
      `global
    stats socket /run/haproxy.sock mode 0600 level admin
resolvers dns
    nameserver ns1 10.0.0.53:53
backend a
    balance random(2)
    stick-table type ip size 1m store conn_cnt,http_req_rate(10s),gpc(2),gpc_rate(2,10s)
backend b
    balance rdp-cookie(mstshash)
backend c
    balance rdp-cookie
backend d
    balance hdr(x)y
`,
    );
  });

  it("reports what it refuses", () => {
    const found = expectHaproxy(
      "HA004",
      `global
    stats socket /run/haproxy.sock mode «0x10» level admin
resolvers dns
    nameserver ns1 «10.0.0.53»
    nameserver ns2 «10.0.0.53:99999»
backend a
    balance «random(x)»
    stick-table type ip size 1m store «conn_cnt,http_req_rate»
backend b
    balance «rdp-cookie(»
    stick-table type ip size 1m store «conn_cnt(10s)»
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'0x10' is not an octal file mode (such as 0600) for bind option 'mode'",
      "nameserver address '10.0.0.53' has no port; haproxy refuses it (write '10.0.0.53:53')",
      "'99999' is not a port between 1 and 65535 in nameserver address '10.0.0.53:99999'; haproxy refuses it",
      "'random(x)': random takes a number of draws in its parentheses (random(2)); haproxy refuses it",
      "'conn_cnt,http_req_rate' has 'http_req_rate' without its argument (such as http_req_rate(10s))",
      "'rdp-cookie(': the cookie name is missing; haproxy refuses it (rdp-cookie(name))",
      "'conn_cnt(10s)' gives 'conn_cnt' an argument, which it does not take",
    ]);
  });
});

describe("HA004 invalid-value: words of return, deny, tarpit and wait-for-body (found by mutations)", () => {
  it("accepts their options and flags", () => {
    expectHaproxy(
      "HA004",
      `frontend f
    bind :80
    http-request return status 200 content-type text/plain lf-string "hi" hdr X-A v if { path /b }
    http-request deny deny_status 403 if { path /c }
    http-request return default-errorfiles if { path /d }
    http-request wait-for-body time 1s at-least 1k if { path /e }
    http-request tarpit
`,
    );
  });

  it("reports any other word before the condition", () => {
    const found = expectHaproxy(
      "HA004",
      `frontend f
    bind :80
    http-request return «sttaus» 200 if { path /a }
    http-request deny «den_status» 200 if { path /a }
    http-request wait-for-body time 100ms «{» path /a }
    http-request wait-for-body time «1mb» if { path /b }
`,
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => p.message)).toEqual([
      "'sttaus' is not an option of 'return', nor 'if' or 'unless'; haproxy refuses it; did you mean 'status'?",
      "'den_status' is not an option of 'deny', nor 'if' or 'unless'; haproxy refuses it; did you mean 'deny_status'?",
      "'{' is not an option of 'wait-for-body', nor 'if' or 'unless'; haproxy refuses it",
      "'1mb' is not a time (a number with an optional unit: us, ms, s, m, h, d); haproxy 2.6 reads it as 1m with a warning, later versions refuse it",
    ]);
    expect(found[3]!.severity).toBe("warning");
  });
});

describe("HA004 invalid-value: balance algorithms read by their start (found by mutations)", () => {
  it("warns about random with more after it, which haproxy reads as random", () => {
    const found = expectHaproxy("HA004", "backend a\n    balance «randoms»\nbackend b\n    balance random(2)x\nbackend c\n    balance «rdp-cookies»\n");
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning 'randoms' is not a balance algorithm; haproxy reads it as 'random' without a word",
      "error 'rdp-cookies' is not a balance algorithm; did you mean 'rdp-cookie'?",
    ]);
  });
});

describe("HA004 invalid-value: a server's name and address swapped (found by mutations)", () => {
  it("warns where the name looks like an address and the address like a name; an error in a peers section, which resolves it as it reads it", () => {
    const found = expectHaproxy("HA004", "backend b\n    server 10.0.0.1:5984 «couchdb1» check\n    server web1 app.example:80\npeers p\n    server 127.0.0.1:20004 «C»\n");
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning server name '10.0.0.1:5984' looks like an address, and its address 'couchdb1' like a name: were they swapped? (haproxy refuses an address it cannot resolve)",
      "error server name '127.0.0.1:20004' looks like an address, and its address 'C' like a name: were they swapped? (haproxy refuses an address it cannot resolve, and in a peers section it resolves it as it reads it)",
    ]);
  });

  it("reads a stick-table key length as haproxy does (atol: a warning for 1.5, an error for 0 or a word)", () => {
    const found = expectHaproxy("HA004", "backend a\n    stick-table type string len «1.5» size 1m\nbackend b\n    stick-table type binary len «0» size 1m\nbackend c\n    stick-table type string len 32 size 1m\n");
    expect(found.map((p) => p.severity)).toEqual(["warning", "error"]);
  });

  it("leaves nameserver and mailer addresses from environment variables alone", () => {
    expectHaproxy("HA004", "resolvers dns\n    nameserver ns1 ${DNS}:53\n    nameserver ns2 \"${DNS2}:53\"\nmailers m\n    mailer smtp1 ${SMTP}:25\n");
  });

  it("reads tune.bufsize as a number at 2.6 (atol: 16k is 16) and as a size later", () => {
    const [found] = expectHaproxy("HA004", "global\n    tune.bufsize «1000k»\n", { haproxyVersion: "2.6" });
    expect(found!.message).toBe("'1000k' is not a whole number for 'tune.bufsize'; haproxy reads it as 1000 without a word");
    expect(found!.severity).toBe("warning");
    // 16 bytes are too few: 2.6.12 and 3.0.11 end -c with a segmentation fault (measured).
    const [small] = expectHaproxy("HA004", "global\n    tune.bufsize «16k»\n", { haproxyVersion: "2.6" });
    expect(small!.severity).toBe("error");
    expectHaproxy("HA004", "global\n    tune.bufsize 16k\n", { haproxyVersion: "3.4" });
    expectHaproxy("HA004", "global\n    tune.bufsize «0»\n", { haproxyVersion: "2.6" });
    expectHaproxy("HA004", "global\n    tune.bufsize «0»\n", { haproxyVersion: "3.4" });
  });

  it("reads the addresses of 'source' and its 'usesrc' as haproxy 2.6.12 does (found by mutations)", () => {
    const found = expectHaproxy(
      "HA004",
      "backend b\n    source «0.0.0.0/x» usesrc client\n    source «“10.0.0.1”»\n    source «::1»\n    source «10.0.0.1:65536»\n    source «10.0.0.1:-1»\n    source «10.0.0.1:1024-1030»\n    source 0.0.0.0 usesrc «10.0.0.300»\n    source 0.0.0.0:0 usesrc clientip\n    source 10.0.0.1 interface eth0\n    source [::1]:80\n    source db.example usesrc ${SRC}\n",
    );
    expect(found[0]!.message).toBe("'0.0.0.0/x' is neither an IP address nor a host name in 'source'; haproxy refuses the line");
    expect(found[5]!.message).toBe("'10.0.0.1:1024-1030': a port range is not taken here in 'source'; haproxy refuses the line");
  });

  it("reads a server's source address, which may take a port range", () => {
    const found = expectHaproxy(
      "HA004",
      "backend b\n    server s 127.0.0.1:80 source «0.0.0.0/x»\n    server t 127.0.0.1:80 source 10.0.0.1:1024-1030\n    server u 127.0.0.1:80 source «10.0.0.1:1024-70000»\n    server v 127.0.0.1:80 source «10.0.0.1:2000-1000»\n    server w 127.0.0.1:80 source «10.0.0.1:-1»\n",
    );
    expect(found[1]!.message).toBe("'70000' is not a port between 0 and 65535 in server option 'source'; haproxy refuses the server");
  });

  it("warns about a ring buffer of more than 2 GB, which haproxy allocates as it reads the file (whether that fails depends on the machine), and reports one above 64 GB", () => {
    const [found] = expectHaproxy("HA004", "ring r\n    size «2147483648»\n    server s 127.0.0.1:514\n", { haproxyVersion: "2.6" });
    expect(found!.severity).toBe("warning");
    const [huge] = expectHaproxy("HA004", "ring r\n    size «99999999999»\n    server s 127.0.0.1:514\n", { haproxyVersion: "2.6" });
    expect(huge!.severity).toBe("error");
  });

  it("holds tune.bufsize between 337 bytes and 256 MB at 2.6 (rounded up to 16 bytes; haproxy refuses more even without an HTTP proxy)", () => {
    expectHaproxy("HA004", "global\n    tune.bufsize 268435440\n", { haproxyVersion: "2.6" });
    const [found] = expectHaproxy("HA004", "global\n    tune.bufsize «268435441»\n    tune.bufsize «2147483647»\n", { haproxyVersion: "2.6" });
    expect(found!.message).toBe("'268435441' must be at most 268435440 for 'tune.bufsize'");
    // Below 337 (352 once rounded up) haproxy's default error messages do not fit: "invalid default message".
    expectHaproxy("HA004", "global\n    tune.bufsize «336»\n    tune.bufsize 337\n", { haproxyVersion: "2.6" });
  });

  it("reports an option where an address belongs, and words after auth's realm or set-status's reason", () => {
    expectHaproxy(
      "HA004",
      "backend b\n    server s «check»\n    server t 10.0.0.2:80 check\nfrontend f\n    bind :80\n    http-request auth realm X «foo»\n    http-request auth realm X if TRUE\n    http-response set-status 200 reason OK «when»\n    default_backend b\n",
    );
  });

  it("knows the options of a redirect, at each version (found by mutations: 'when' for 'if')", () => {
    const text = "frontend f\n    mode http\n    bind :80\n    http-request redirect location /x «when» TRUE\n    redirect prefix /x code 301 drop-query append-slash ignore-empty set-cookie A=1 clear-cookie B if TRUE\n    http-request redirect location /y «set-cookie-fmt» a\n";
    const found = expectHaproxy("HA004", text, { haproxyVersion: "2.6" });
    expect(found.map((p) => p.message)).toEqual([
      "'when' is not an option of 'redirect', nor 'if' or 'unless'; haproxy refuses it",
      "'set-cookie-fmt' is not an option of 'redirect', nor 'if' or 'unless'; haproxy refuses it",
    ]);
    expectHaproxy("HA004", text.replace("«set-cookie-fmt»", "set-cookie-fmt"), { haproxyVersion: "3.4" });
  });

  it("reads a capture rule's words as haproxy 2.6.12 does (found by mutations)", () => {
    const found = expectHaproxy(
      "HA004",
      `frontend f
    mode http
    bind :80
    declare capture request len 64
    http-request capture req.hdr(host) len 512 «--» primary
    http-request «capture» req.hdr(host) if TRUE
    http-request capture req.hdr(host) «foo» 10
    http-request capture req.hdr(host) id 0
    tcp-request content capture req.hdr(host) «id» 0
    tcp-request content capture req.hdr(host) len 10 «len» 5
    tcp-request content capture req.hdr(host) len 10 if TRUE
backend b
    http-response «capture» res.hdr(server)
    http-response capture res.hdr(server) id 0 «x»
    http-request capture req.hdr(host) «len» 10
    tcp-request content capture req.hdr(host) «len» 10
    http-request capture req.hdr(host) id 0
    http-request capture req.hdr(host) id «-5»
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'--' may not follow 'http-request capture EXPR len N', only 'if' or 'unless' and a condition; haproxy refuses the line",
      "'http-request capture' needs 'len N' or 'id N' after its expression; haproxy refuses the line",
      "'http-request capture' takes 'len N' or 'id N', not 'foo'; haproxy refuses the line",
      "'tcp-request content capture' takes 'len N', not 'id'; haproxy refuses the line",
      "'len' may not follow 'tcp-request content capture EXPR len N', only 'if' or 'unless' and a condition; haproxy refuses the line",
      "'http-response capture' needs 'id N' after its expression; haproxy refuses the line",
      "'x' may not follow 'http-response capture EXPR id N', only 'if' or 'unless' and a condition; haproxy refuses the line",
      "a backend has no capture slots of its own: 'http-request capture … len' works in a frontend or listen only (here, 'id N' of a slot its frontends declare); haproxy refuses the line",
      "a backend has no capture slots of its own: 'tcp-request content capture … len' works in a frontend or listen only; haproxy refuses the line",
      "'-5' is not a capture slot number (slots count from 0); haproxy 2.6.12 takes it without a word",
    ]);
  });

  it("reports a server-template count that overflows an int and a track-sc table without its name", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    bind :80\n    tcp-request content track-sc0 src «table»\n    tcp-request connection track-sc1 src table t\n    http-request track-sc0 req.hdr(x-forwarded-for) «1»\n    http-response track-sc1 src table t «yes» if TRUE\n    tcp-request content track-sc2 src «//» primary\n    http-request track-sc0 src table t if TRUE\nbackend b\n    server-template w «99999999999» 10.0.0.1:80\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'table' needs a table name; haproxy refuses the rule",
      "'1' may not follow 'track-sc0 KEY [table NAME]', only 'if' or 'unless' and a condition; haproxy refuses the rule",
      "'yes' may not follow 'track-sc1 KEY [table NAME]', only 'if' or 'unless' and a condition; haproxy refuses the rule",
      "'//' may not follow 'track-sc2 KEY [table NAME]', only 'if' or 'unless' and a condition; haproxy refuses the rule",
      "'99999999999' does not fit in an int: haproxy reads it as 1215752191 and tries to make that many servers",
    ]);
  });
});

describe("HA004 invalid-value: characters haproxy does not permit in names (found by mutations: a server's name and address swapped)", () => {
  it("reports them in the names haproxy checks, and leaves the others alone", () => {
    const found = expectHaproxy(
      "HA004",
      `backend «a*b»
    server «*:9900» 10.0.0.1:9900 check
    server-template «web+» 3 10.0.0.2:80
    acl «is+ok» src 10.0.0.0/8
    server ok.1:x_y-z 10.0.0.3:80
peers «p/q»
    peer «lb@1» 10.0.0.4:10000
resolvers dns
    nameserver «ns=1» 10.0.0.53:53
mailers m
    mailer «smtp(1)» 10.0.0.25:25
defaults d+e
    mode http
cache c+d
    total-max-size 4
userlist u
    user a+b insecure-password x
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'*' is not allowed in a backend name 'a*b' (letters, digits, '.', ':', '_' and '-' only); haproxy refuses it",
      "'*' is not allowed in a server name '*:9900' (letters, digits, '.', ':', '_' and '-' only); haproxy refuses it",
      "'+' is not allowed in a server-template prefix 'web+' (letters, digits, '.', ':', '_' and '-' only); haproxy refuses it",
      "'+' is not allowed in an acl name 'is+ok' (letters, digits, '.', ':', '_' and '-' only); haproxy refuses it",
      "'/' is not allowed in a peers name 'p/q' (letters, digits, '.', ':', '_' and '-' only); haproxy refuses it",
      "'@' is not allowed in a peer name 'lb@1' (letters, digits, '.', ':', '_' and '-' only); haproxy refuses it",
      "'=' is not allowed in a nameserver name 'ns=1' (letters, digits, '.', ':', '_' and '-' only); haproxy refuses it",
      "'(' is not allowed in a mailer name 'smtp(1)' (letters, digits, '.', ':', '_' and '-' only); haproxy refuses it",
    ]);
  });
});

describe("HA004 invalid-value: an ACL on a variable without its matching method (found by mutations)", () => {
  it("wants '-m' before the patterns of a var() criterion, unless a converter gives the type", () => {
    const found = expectHaproxy("HA004", "frontend f\n    bind :80\n    acl a «var(txn.x)» int -m 9\n    acl b var(txn.x) -m int 9\n    acl c var(txn.x),lower foo\n    acl d «var(txn.y)» -i foo\n");
    expect(found[0]!.message).toBe("'var(txn.x)' has no type an ACL matches by default: write the matching method before the patterns ('-m int', '-m str', '-m bin', …); haproxy refuses the ACL");
  });
});

describe("HA004 invalid-value: a userlist's user and group options (found by mutations)", () => {
  it("takes only the options haproxy knows, with a fix for a close one", () => {
    const found = expectHaproxy(
      "HA004",
      "userlist L\n    group adm «userss» tiger,xdb\n    group ops users tiger «x»\n    group dev users tiger\n    user tiger «inssecure-password» x groups adm\n    user xdb insecure-password y\nglobal\n    group nogroup\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'userss' is not a group option (users); haproxy refuses the line; did you mean 'users'?",
      "'x' is not a group option (users); haproxy refuses the line",
      "'inssecure-password' is not a user option (password, insecure-password, groups); haproxy refuses the line; did you mean 'insecure-password'?",
    ]);
  });
});

describe("HA004 invalid-value: bind-process at 2.6", () => {
  it("takes all, odd, even and process 1, and refuses any other process, as haproxy 2.6.12 does", () => {
    const found = expectHaproxy(
      "HA004",
      "global\n    stats bind-process «2»\nfrontend a\n    bind-process all 2\n    bind :80\nfrontend b\n    bind-process 1-\n    bind :81\nfrontend c\n    bind-process «1x»\n    bind :82\nfrontend d\n    bind-process «0»\n    bind :83\n",
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => p.message)).toEqual([
      "'2' names a process other than 1, and haproxy 2.6 runs only process 1; it refuses the line",
      "'1x' is not a process number or range (all, odd, even, 1); haproxy refuses the line",
      "'0' names a process other than 1, and haproxy 2.6 runs only process 1; it refuses the line",
    ]);
  });
});

describe("HA004 invalid-value: socks4 and dgram-bind addresses", () => {
  it("wants a port on a server's socks4 address and reads a dgram-bind address as a bind's", () => {
    const found = expectHaproxy(
      "HA004",
      "backend b\n    server s1 10.0.0.1:80 socks4 «localhost»\n    server s2 10.0.0.2:80 socks4 «10.0.0.9:0»\n    server s3 10.0.0.3:80 socks4 10.0.0.9:1080\nlog-forward lf\n    dgram-bind «127.0.0.1:1514:1514»\n    dgram-bind 127.0.0.1:1515\n    log 127.0.0.1:514 local0\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "socks4 address 'localhost' has no port; haproxy refuses it (write HOST:PORT)",
      "socks4 address '10.0.0.9:0' has no port between 1 and 65535 ('0'); haproxy refuses it (write HOST:PORT)",
      "'127.0.0.1:1514' is not an IPv6 address (an IPv6 address takes its port after one more ':', as in ':::80') in dgram-bind address '127.0.0.1:1514:1514'; haproxy refuses it",
    ]);
  });
});

describe("HA004 invalid-value: a stick-table rate's period and a proxy id kept in 32 bits", () => {
  it("reports what haproxy 2.6.12 refuses: a rate period that is no time, an id that wraps to 0 or less", () => {
    const found = expectHaproxy(
      "HA004",
      "backend a\n    stick-table type ip size 1m store «conn_rate(),http_err_rate(10s,1)»\nbackend b\n    stick-table type ip size 1m store «conn_rate(x)»\nbackend c\n    id «4294967296»\nbackend d\n    id «4294967297»\n",
    );
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["error", "'conn_rate(),http_err_rate(10s,1)' gives 'conn_rate' the period '', which is not a time (such as conn_rate(10s))"],
      ["error", "'conn_rate(x)' gives 'conn_rate' the period 'x', which is not a time (such as conn_rate(10s))"],
      ["error", "'4294967296' is too large for a 32-bit number for 'id'; haproxy keeps the low 32 bits and reads 0, which it refuses"],
      ["warning", "'4294967297' is too large for a 32-bit number for 'id'; haproxy keeps the low 32 bits and reads 1 without a word"],
    ]);
  });
});

describe("HA004 invalid-value: parentheses left open in actions and store lists", () => {
  it("reports what haproxy 2.6.12 refuses", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    bind :80\n    http-request «set-var(txn.x» req.hdr(host)\n    http-request «sc-inc-gpc0(0,1)»\n    http-request sc-inc-gpc(1,0)\n    stick-table type ip size 1m store «gpc0,gpc0_rate(»\n",
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => p.message)).toEqual([
      "no ')' closes the parentheses of action 'set-var'; haproxy refuses the line",
      "'sc-inc-gpc0' takes only the stick counter's number (0 to 2); haproxy refuses the line",
      "'gpc0,gpc0_rate(' has 'gpc0_rate(' without its closing ')'",
    ]);
  });

  it("reads a stick counter action up to its first ')', and set-var's empty conditions, as haproxy 2.6.12 does (found by the twelfth mutation round)", () => {
    expectHaproxy(
      "HA004",
      "frontend f\n    bind :80\n    http-request sc-inc-gpc0(0),,lower\n    http-request sc-inc-gpc0(0),lower(\n    http-request sc-inc-gpc(0,1)x\n    http-request sc-inc-gpc0(0))\n    http-request set-var(txn.x,) src\n    http-request set-var(txn.y,,ifset) src\n    http-request set-var(txn.z,ifset,) src\n",
      { haproxyVersion: "2.6" },
    );
    const found = expectHaproxy("HA004", "frontend f\n    bind :80\n    http-request sc-inc-gpc0(«0(1»)\n    http-request «sc-inc-gpc0(0»\n    http-request sc-inc-gpc0(«5»)x\n", { haproxyVersion: "2.6" });
    expect(found.map((p) => p.message)).toEqual([
      "'0(1' is not a whole number in 'sc-inc-gpc0(…)'; haproxy refuses the line",
      "no ')' closes the parentheses of action 'sc-inc-gpc0'; haproxy refuses the line",
      "haproxy 2.6 tracks 3 stick counters (0 to 2), not 5; it refuses the line",
    ]);
  });

  it("takes a store item whose ')' is followed by more, as haproxy 2.6.12 does (found by mutations: a trailing no-break space)", () => {
    expectHaproxy("HA004", "backend b\n    stick-table type ip size 1m store gpc0,conn_rate(10s)\u00a0\nbackend c\n    stick-table type ip size 1m store conn_rate(10s)x,gpc0\n", { haproxyVersion: "2.6" });
  });
});

describe("HA004 invalid-value: ACLs on fetches with no default match", () => {
  it("wants -m on binary fetches as on var(), in acl lines and conditions (haproxy 2.6.12: \"matching method must be specified first\")", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    bind :80\n    acl a «req.payload(0,4)» 0000\n    acl b req.payload(0,4) -m bin 0000\n    acl c payload(0,4) 0000\n    acl d req.body,lower x\n    tcp-request content accept if { «req.body» -M bin 00 } { ssl_fc_session_id -m found }\n",
    );
    expect(found[0]!.message).toBe("'req.payload(0,4)' has no type an ACL matches by default: write the matching method before the patterns ('-m int', '-m str', '-m bin', …); haproxy refuses the ACL");
  });
});

describe("HA004 invalid-value: ACLs ending with a converter whose output has no type (tenth real-world round)", () => {
  it("wants -m after json_query, jwt_header_query, jwt_payload_query, debug and set-var, as haproxy 2.6.12 does, and leaves a '$' of a JSON path alone", () => {
    // haproxy 2.6.12: "matching method must be specified first (using '-m') when using a sample fetch of this type ('req.hdr')".
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    bind :80\n    acl a «req.hdr(x),json_query('$.a')» 5\n    acl b «var(txn.t),jwt_payload_query('$.exp','int')» gt 5\n    acl c «path,debug» /x\n    acl d req.hdr(x),json_query('$.a') -m str foo\n    acl e req.hdr(x),json_query('$.a'),lower foo\n    acl g path,lower /x\n    http-request deny if { «req.hdr(x),jwt_header_query('$.alg')» foo } a b c d e g\n",
    );
    expect(found[0]!.message).toBe("'req.hdr(x),json_query($.a)' ends with 'json_query', whose output has no type an ACL matches by default: write the matching method before the patterns ('-m int', '-m str', '-m bin', …); haproxy refuses the ACL");
  });
});

describe("HA004 invalid-value: stats show-desc without a text (tenth real-world round)", () => {
  it("warns when no global description is set before it, as haproxy 2.6.12 does (\"'show-desc' requires a parameter or 'desc' to be set in the global section\")", () => {
    const found = expectHaproxy("HA004", "defaults\n    mode http\n\nlisten stats\n    bind :8404\n    stats enable\n    stats «show-desc»\n    stats show-desc \"db 1\"\n");
    expect(found[0]!.severity).toBe("warning");
    expect(found[0]!.message).toBe("'stats show-desc' without a text shows the global section's 'description', and none is set before it: the statistics page shows no description (give the text here, or set 'description' in global)");
    expectHaproxy("HA004", "global\n    description primary\n\nlisten stats\n    mode http\n    bind :8404\n    stats enable\n    stats show-desc\n");
  });
});

describe("HA004 invalid-value: a bind address with an '@' after no family", () => {
  it("reads it as HOST:PORT, as haproxy 2.6.12 does (\"missing port specification in '“abns@name”'\")", () => {
    const [found] = expectHaproxy("HA004", "frontend f\n    bind «“abns@name”» accept-proxy\n    bind abns@name accept-proxy\n");
    expect(found!.message).toBe("bind address '“abns@name”' has no port; haproxy refuses it (write '“abns@name”:PORT')");
  });
});

describe("HA004 invalid-value: uid and gid are read whole", () => {
  it("says haproxy warns and ignores a uid or gid that is no 32-bit number (haproxy 2.6.12: \"string 'staff' is not a number\")", () => {
    const found = expectHaproxy("HA004", "global\n    uid «42abc»\n    gid «staff»\n    uid -7\n    gid 1001\n    gid «4294967296»\n", { haproxyVersion: "2.6" });
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "'42abc' is not a whole number for 'uid'; haproxy warns that it is not a number and ignores the line"],
      ["warning", "'staff' is not a whole number for 'gid'; haproxy warns that it is not a number and ignores the line (a name goes in 'group')"],
      ["warning", "'4294967296' is too large for a 32-bit number for 'gid'; haproxy warns that it is not a number and ignores the line"],
    ]);
  });
});

describe("HA004 invalid-value: numbers as haproxy 2.6.12 stores them (found by a sweep of value forms)", () => {
  it("keeps atol()'s number in 32 bits, stopping at the largest long, for the global and proxy numbers", () => {
    // 2^32 is 0, which these ranges take; 10^20 stops at LONG_MAX, whose low 32 bits are -1.
    const read = expectHaproxy("HA004", "global\n    maxcompcpuusage «4294967296»\n", { haproxyVersion: "2.6" });
    expect(read.map((p) => [p.severity, p.message])).toEqual([["warning", "'4294967296' must be at most 100 for 'maxcompcpuusage'; haproxy reads it as 0 without a word"]]);
    const found = expectHaproxy("HA004", "global\n    maxsslconn «99999999999999999999»\n    tune.peers.max-updates-at-once «4294967296»\nbackend b\n    id «99999999999999999999»\n", { haproxyVersion: "2.6" });
    expect(found.map((p) => p.severity)).toEqual(["error", "error", "error"]);
  });

  it("reads the variables' size limits as plain numbers at 2.6, and as sizes later", () => {
    const found = expectHaproxy("HA004", "global\n    tune.vars.txn-max-size «1k»\n    tune.vars.sess-max-size -1\n", { haproxyVersion: "2.6" });
    expect(found[0]!.message).toBe("'1k' is not a whole number for 'tune.vars.txn-max-size'");
    expectHaproxy("HA004", "global\n    tune.vars.txn-max-size 1k\n", { haproxyVersion: "3.4" });
  });
});

describe("HA004 invalid-value: the socket type of a listening address (found by a sweep of address forms)", () => {
  it("refuses a datagram address on 'bind' and a stream one on 'dgram-bind', as haproxy 2.6.12 does", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    bind «udp4@:80»\n    bind «dgram+ipv4@:81»\n    bind ipv4@:82\n    bind stream+ipv4@:83\nlog-forward lf\n    bind «udp@:1514»\n    dgram-bind «tcp@:1515»\n    dgram-bind udp@:1516\n    dgram-bind :1517\n    log global\n",
      { haproxyVersion: "2.6" },
    );
    expect(found[0]!.message).toBe("'udp4@:80' is a datagram address, and 'bind' listens on a stream; haproxy refuses it (a log-forward section takes UDP with 'dgram-bind')");
    expect(found[3]!.message).toBe("'tcp@:1515' is a stream address, and 'dgram-bind' listens for datagrams; haproxy refuses it (use 'bind' for a stream)");
  });
});

describe("HA004 invalid-value: stick-table words (found by a sweep of keyword forms)", () => {
  it("wants a type and a size, a data type haproxy stores, and no argument of a later version", () => {
    const found = expectHaproxy(
      "HA004",
      "backend a\n    stick-table «type ip»\nbackend b\n    stick-table type ip size 1k store «gpc0,bogus»\nbackend c\n    stick-table type ip size 1k «write-to» other\nbackend d\n    stick-table type ip size 1k store «glitch_cnt»\nbackend e\n    stick-table type ip size 1k store server_name,gpc0_rate(10s)\n",
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => p.message)).toEqual([
      "a stick-table needs a 'size'; haproxy refuses it without one",
      "'gpc0,bogus' has 'bogus', which is not a data type a stick table stores",
      "'write-to' is not an argument of stick-table here",
      "'glitch_cnt' has 'glitch_cnt', which haproxy 2.6 does not store (lblint knows it from 3.4)",
    ]);
    expectHaproxy("HA004", "backend d\n    stick-table type ip size 1k store glitch_cnt,glitch_rate(10s)\n", { haproxyVersion: "3.4" });
  });
});

describe("HA004 invalid-value: process-wide keywords and stats admin (found by a sweep of keyword forms)", () => {
  it("reads cpu-map, unix-bind, default-path, master-worker and profiling.tasks as haproxy 2.6.12 does", () => {
    expectHaproxy("HA004", "global\n    cpu-map auto:1/1-4 0-3\n    cpu-map 1/odd 0,2 4 6-\n    unix-bind prefix /run mode 600\n    default-path origin /etc/haproxy\n    master-worker no-exit-on-failure\n    profiling.tasks auto\n");
    const found = expectHaproxy(
      "HA004",
      "global\n    cpu-map «0» 0\n    cpu-map 1 «all»\n    cpu-map 1 «4096»\n    unix-bind «bogus» x\n    default-path «bogus»\n    default-path «origin»\n    master-worker «bogus»\n    profiling.tasks «yes»\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'0' is not a thread set (all, odd, even, or numbers and ranges from 1 to 64, as 1/1-4); haproxy refuses the line",
      "'all' is not a CPU list (numbers and ranges such as 0-3 or 0,2); haproxy refuses the line",
      "'4096' names a CPU above 1023, which haproxy does not take; it refuses the line",
      "'bogus' is not an option of 'unix-bind' (prefix, mode, uid, gid, user, group); haproxy refuses the line",
      "'bogus' is not a default-path mode (current, config, parent, origin); haproxy refuses the line",
      "'default-path origin' needs a directory; haproxy refuses the line",
      "'bogus' is not an option of 'master-worker' (no-exit-on-failure); haproxy refuses the line",
      "'yes' is not a profiling mode (on, auto, off); haproxy refuses the line",
    ]);
  });

  it("wants a condition after 'stats admin' and 'monitor fail'", () => {
    expectHaproxy("HA004", "listen stats\n    bind :8404\n    stats enable\n    stats admin if TRUE\n    monitor fail if { nbsrv(stats) lt 1 }\n");
    const found = expectHaproxy("HA004", "listen stats\n    bind :8404\n    stats enable\n    «stats admin»\n    «monitor fail»\n");
    expect(found[0]!.message).toMatch(/^'stats admin' needs a condition/);
    expect(found[1]!.message).toMatch(/^'monitor fail' needs a condition/);
  });
});

describe("HA004 invalid-value: sections without what they need (found by a sweep of section forms)", () => {
  it("reports a program without its command and warns about resolvers without a name server", () => {
    expectHaproxy("HA004", "global\n    master-worker\nprogram api\n    command /usr/bin/api\nresolvers dns\n    nameserver ns1 127.0.0.1:53\nresolvers sys\n    parse-resolv-conf\n");
    const found = expectHaproxy("HA004", "global\n    master-worker\nprogram «api»\n    user nobody\nresolvers «dns»\n    hold valid 10s\n");
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["error", "program 'api' has no 'command'; haproxy refuses a program section without the command to launch"],
      ["warning", "resolvers 'dns' has no 'nameserver' and no 'parse-resolv-conf': haproxy warns, and the servers that use it never resolve their names"],
    ]);
  });
});

describe("HA004 invalid-value: '-m bin' patterns (found by a sweep of ACL forms)", () => {
  it("wants hex digits, two for each byte, in an acl line or an inline ACL", () => {
    expectHaproxy("HA004", "frontend f\n    bind :80\n    acl tls req.payload(0,3) -m bin 160303 16030A\n    http-request deny if tls\n");
    const found = expectHaproxy("HA004", "frontend f\n    bind :80\n    acl a req.payload(0,3) -m bin «16030»\n    acl b req.payload(0,3) -m bin -i «zz»\n    http-request deny if a b || { req.payload(0,1) -m bin «1» }\n");
    expect(found.map((p) => p.message)).toEqual([
      "'16030' has an odd number of hex digits: '-m bin' takes two for each byte; haproxy refuses it",
      "'zz' is not hexadecimal: '-m bin' matches bytes written as hex digits, two for each; haproxy refuses it",
      "'1' has an odd number of hex digits: '-m bin' takes two for each byte; haproxy refuses it",
    ]);
  });
});

describe("HA004 invalid-value: keepalive counts read as C reads integers (found by a sweep of value forms)", () => {
  it("takes hexadecimal and octal, and refuses what strtol stops in", () => {
    expectHaproxy("HA004", "defaults\n    clitcpka-cnt 0x1F\n    srvtcpka-cnt 010\n");
    const found = expectHaproxy("HA004", "defaults\n    clitcpka-cnt «08»\n    srvtcpka-cnt «1e3»\n");
    expect(found[0]!.message).toBe("'08' is not an integer (decimal, hexadecimal after 0x, or octal after 0) for 'clitcpka-cnt'");
  });

  it("warns about a negative mworker-max-reloads, which haproxy 2.6.12 warns about and ignores", () => {
    const [found] = expectHaproxy("HA004", "global\n    mworker-max-reloads «-1»\n");
    expect([found!.severity, found!.message]).toEqual(["warning", "'-1' is read as -1, below 0 for 'mworker-max-reloads'; haproxy warns and ignores the line"]);
  });
});

describe("HA004 invalid-value: a server port as haproxy 2.6.12 reads it (found by a sweep of address forms)", () => {
  it("keeps the port in an int before checking its range", () => {
    expectHaproxy("HA004", "backend b\n    server a 127.0.0.1:65535\n    server b 127.0.0.1:4294967296\n    server c 127.0.0.1:4294967297\n");
    expectHaproxy("HA004", "backend b\n    server a «127.0.0.1:65536»\n    server b «127.0.0.1:99999999999»\n");
  });
});

describe("HA004 invalid-value: a userlist group's name (found by a sweep of section forms)", () => {
  it("holds group names to haproxy's name characters, and leaves user names alone", () => {
    expectHaproxy("HA004", "userlist u\n    group g.5\n    user a+b insecure-password x\n");
    const [found] = expectHaproxy("HA004", "userlist u\n    group «g+5»\n");
    expect(found!.message).toMatch(/^'\+' is not allowed in a group name 'g\+5'/);
  });
});

describe("HA004 invalid-value: check rules' options (found by a sweep of check forms)", () => {
  it("knows the statuses of ok-status, error-status and tout-status, connect's multiplexers, and checks' variable names", () => {
    expectHaproxy("HA004", "backend b\n    option httpchk\n    http-check connect proto h2\n    http-check set-var(check.ok) int(1)\n    http-check expect status 200 ok-status L7OKC error-status L7STS tout-status L7TOUT\n    server s 10.0.0.1:80 check\n");
    const found = expectHaproxy(
      "HA004",
      "backend b\n    option httpchk\n    http-check connect proto «bogus»\n    http-check set-var(«x») int(1)\n    http-check expect status 200 error-status «BOGUS»\n    server s 10.0.0.1:80 check\n",
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => p.message)).toEqual([
      "'bogus' is not a multiplexer haproxy knows (h1, h2, fcgi, …); haproxy refuses the line",
      "'x' is not a variable name: it starts with its scope (proc, sess, txn, req, res, check), a dot and a name; haproxy refuses the line",
      "'BOGUS' is not a status 'error-status' takes (L4CON, L6RSP, L7RSP, L7STS); haproxy refuses it",
    ]);
  });
});

describe("HA004 invalid-value: a log line's profile (haproxy 3.0 and 3.2 as oracles)", () => {
  it("reads `profile NAME` before the facility from 3.2 on, and as the facility before, as 3.0.11 does", () => {
    const text = "log-profile lp\n    on any format \"%ci\"\nfrontend f\n    bind :80\n    log 127.0.0.1 format rfc5424 profile lp local0\n";
    expectHaproxy("HA004", text, { haproxyVersion: "3.2" });
    expectHaproxy("HA004", text);
    expectHaproxy("HA004", text.replace("profile lp local0", "«profile» «lp» «local0»"), { haproxyVersion: "3.0" });
  });
});

describe("HA008 and HA001: the log-profile section", () => {
  it("knows its keywords from 3.2 on and reports its header where the target lacks it", () => {
    const text = "log-profile lp\n    log-tag custom\n    on error format \"%ci: error\"\n    on connect drop\n";
    expect(lint(parseHaproxy(text), { haproxyVersion: "3.2" }).filter((p) => p.severity === "error")).toEqual([]);
    expect(lint(parseHaproxy(text)).filter((p) => p.severity === "error")).toEqual([]);
    const at30 = lint(parseHaproxy(text), { haproxyVersion: "3.0" }).filter((p) => p.severity === "error");
    expect(at30.map((p) => `${p.ruleId} ${p.range.start.line}`)).toEqual(["HA008 0"]);
  });
});

describe("HA004 invalid-value: a time unit with more after it, by version (haproxy 3.0 and 3.2 as oracles)", () => {
  it("is a warning at every target: 3.2, the newest release measured, still reads '30ss' as 30s with a warning", () => {
    const text = "defaults\n    timeout client «30ss»\n";
    const [at32] = expectHaproxy("HA004", text, { haproxyVersion: "3.2" });
    expect(at32!.severity).toBe("warning");
    expect(at32!.message).toBe("'30ss' is not a time (a number with an optional unit: us, ms, s, m, h, d) for 'timeout client'; haproxy 3.2 reads it as 30s with a warning, later versions refuse it");
    expect(expectHaproxy("HA004", text, { haproxyVersion: "3.0" })[0]!.severity).toBe("warning");
    const [at34] = expectHaproxy("HA004", text);
    expect(at34!.severity).toBe("warning");
    expect(at34!.message).toBe("'30ss' is not a time (a number with an optional unit: us, ms, s, m, h, d) for 'timeout client'; haproxy 3.2 still reads it as 30s with a warning, and says later versions will refuse it");
  });
});

describe("HA004 invalid-value: a bind or server option given an empty value (twelfth mutation round)", () => {
  it("reports what haproxy 2.6.12 refuses as a missing value, and leaves what it reads as 0 or as nothing", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    bind :80 name «''» alpn «\"\"» maxconn «''»\n    default_backend b\nbackend b\n    server s1 10.0.0.1:80 cookie «''» crt «''» port «''» init-addr '' resolve-opts ''\n",
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => p.message)).toEqual([
      "bind option 'name' is given an empty value, which haproxy takes for a missing one; it refuses the line",
      "bind option 'alpn' is given an empty value, which haproxy takes for a missing one; it refuses the line",
      "bind option 'maxconn' is given an empty value, which haproxy takes for a missing one; it refuses the line",
      "server option 'cookie' is given an empty value, which haproxy takes for a missing one; it refuses the line",
      "server option 'crt' is given an empty value, which haproxy takes for a missing one; it refuses the line",
      "server option 'port' is given an empty value, which haproxy takes for a missing one; it refuses the line",
    ]);
    // `weight ''` is read as 0 (a warning, as before).
    expect(expectHaproxy("HA004", "backend b\n    server s1 10.0.0.1:80 weight «''»\n", { haproxyVersion: "2.6" })[0]!.severity).toBe("warning");
  });
});

describe("HA004 invalid-value: 'deny_status' only right after the action (twelfth mutation round)", () => {
  it("reports a deny_status after other options or a second one, as haproxy 2.6.12 does", () => {
    expectHaproxy("HA004", "frontend f\n    bind :80\n    http-request deny deny_status 403 status 403 if TRUE\n    http-request tarpit deny_status 403 hdr x y\n", { haproxyVersion: "2.6" });
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    bind :80\n    http-request deny deny_status 403 «deny_status» 403\n    http-request deny status 403 «deny_status» 403\n    http-request tarpit deny_status 403 «deny_status» 403\n",
      { haproxyVersion: "2.6" },
    );
    expect(found[0]!.message).toBe("'deny_status' is read only right after 'deny', not after its other options; haproxy refuses it here");
  });
});

describe("HA004 invalid-value: action options written twice (twelfth mutation round)", () => {
  it("reports a second payload of a reply, a second '-m' of del-header, and a word with a '$' that is no variable", () => {
    expectHaproxy("HA004", "frontend f\n    bind :80\n    http-request return status 200 status 201 content-type text/plain string a hdr x y hdr x y\n    http-request del-header ^x-.*$ -m reg\n", { haproxyVersion: "2.6" });
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    bind :80\n    http-request return content-type text/plain string a «string» b\n    http-request deny content-type text/plain string a «file» /etc/hosts\n    http-request return errorfiles x «lf-string» a\n    http-request del-header a -m str «-m» reg\n    http-request del-header ^x.reg.$ «^x.reg.$» -m reg\n",
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => p.message)).toEqual([
      "a reply takes one body, and 'string' already gives it; haproxy refuses 'string'",
      "a reply takes one body, and 'string' already gives it; haproxy refuses 'file'",
      "a reply takes one body, and 'errorfiles' already gives it; haproxy refuses 'lf-string'",
      "'-m' is given twice: del-header takes one matching method, then only 'if' or 'unless'; haproxy refuses the second",
      "'^x.reg.$' is not an option of 'del-header', nor 'if' or 'unless'; haproxy refuses it",
    ]);
  });
});
