import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA003 argument-count", () => {
  it("accepts the right number of words, conditions and negated forms", () => {
    expectHaproxy("HA003", "defaults\n    timeout client 30s\n    no log\n    description my long description here\nfrontend f\n    use_backend b if TRUE\n");
  });

  it("reports missing arguments on the keyword and extra ones on the extra words", () => {
    const found = expectHaproxy("HA003", "defaults\n    «timeout client»\n    maxconn 10 «20»\nfrontend f\n    «use_backend» if TRUE\n");
    expect(found.map((p) => p.message)).toEqual([
      "'timeout client' needs an argument",
      "'maxconn' takes at most 1 argument; haproxy refuses the rest",
      "'use_backend' needs an argument",
    ]);
  });
});

describe("HA003 argument-count: negated forms", () => {
  it("reports words after 'no log', which takes none (found by mutations of real files)", () => {
    const found = expectHaproxy("HA003", "frontend f\n    bind :80\n    no log «global»\n    no log\nbackend b\n    no log «127.0.0.1 local0»\n    no option redispatch\n");
    expect(found[0]!.message).toBe("'no log' takes no argument (it drops the log targets set before); haproxy refuses the line");
  });
});

describe("HA003 argument-count: limits that changed", () => {
  it("allows the Host argument of option httpchk from haproxy 2.8 on only", () => {
    expectHaproxy("HA003", "backend b\n    option httpchk GET /health HTTP/1.1 «www.example.com»\n", { haproxyVersion: "2.6" });
    expectHaproxy("HA003", "backend b\n    option httpchk GET /health HTTP/1.1 www.example.com\n", { haproxyVersion: "3.4" });
  });
});

describe("HA003 argument-count: actions, sections and words that depend on their place", () => {
  it("reports an action with fewer words than it needs before its condition", () => {
    const found = expectHaproxy(
      "HA003",
      "frontend f\n    http-request «set-header» X-A if TRUE\n    http-response «set-var(txn.x)»\n    tcp-request content «track-sc0»\n    http-request set-header X-A v if TRUE\n    http-request deny\n    http-request lua.anything\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'http-request set-header' needs 2 arguments (it has 1)",
      "'http-response set-var' needs an argument",
      "'tcp-request content track-sc0' needs an argument",
    ]);
  });

  it("reports a word after the arguments of an action that takes a fixed number, where 'if' or 'unless' should be (found by mutations)", () => {
    expectHaproxy("HA003", "frontend f\n    http-request set-header X-A v if { path /a }\n    http-request deny deny_status 403 if TRUE\n    http-request redirect location /x code 301\n");
    const found = expectHaproxy(
      "HA003",
      `frontend f
    http-request set-header X-A v «iff» { path /a }
    http-response set-header Match false «when» !is_match
    http-request use-service prometheus-exporter «{» path /metrics }
    tcp-request connection accept «x»
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'http-request set-header' takes 2 arguments, then only 'if' or 'unless' and a condition; haproxy refuses 'iff'",
      "'http-response set-header' takes 2 arguments, then only 'if' or 'unless' and a condition; haproxy refuses 'when'",
      "'http-request use-service' takes 1 argument, then only 'if' or 'unless' and a condition; haproxy refuses '{'",
      "'tcp-request connection accept' takes no argument, then only 'if' or 'unless' and a condition; haproxy refuses 'x'",
    ]);
  });

  it("reports a section header without a name, except those that take none or may go without one", () => {
    expectHaproxy("HA003", "global\ndefaults\n«frontend»\n«backend»\nbackend b\n«peers»\n«userlist»\n«resolvers»\ntraces\ncrt-store\n«acme»\n", { haproxyVersion: "3.4" });
  });

  it("takes no word after 'option tcplog' at 2.6, and 'clf' later (found by mutations)", () => {
    expectHaproxy("HA003", "defaults\n    option tcplog «1»\n", { haproxyVersion: "2.6" });
    expectHaproxy("HA003", "defaults\n    option tcplog clf\n", { haproxyVersion: "3.4" });
  });

  it("wants an option after the global TLS defaults (found by mutations)", () => {
    expectHaproxy("HA003", "global\n    «ssl-default-bind-options»\n    «ssl-default-server-options»\n    ssl-default-bind-options no-sslv3\n");
  });

  it("wants an address after a proxy's server name and a facility after a log target", () => {
    expectHaproxy("HA003", "backend b\n    «server» s1\n    «log» 127.0.0.1\n    log global\n    log 127.0.0.1 local0\n    server s2 10.0.0.1:80\npeers p\n    server here\n");
  });
});

describe("HA003 argument-count: an unclosed quote", () => {
  it("leaves the count of a line with an unclosed quote to the syntax error", () => {
    expectHaproxy("HA003", 'global\n    log "127.0.0.1:514 local0\nfrontend f\n    http-request set-header "X-A v\n');
  });

  it("warns about more words after a ring's timeout, which haproxy ignores there", () => {
    const found = expectHaproxy("HA003", "ring r\n    timeout server 10 «s»\n    server s 127.0.0.1:514\nbackend b\n    timeout server 10 «s»\n");
    expect(found.map((p) => p.severity)).toEqual(["warning", "error"]);
  });

  it("warns about more words where haproxy's parser ignores them (found by mutations), and stays an error where it refuses them", () => {
    const found = expectHaproxy(
      "HA003",
      `resolvers dns
    nameserver ns1 127.0.0.1:53
    hold valid 10 «s»
    accepted_payload_size 512 «yes»
peers p
    disabled «yes»
mailers m
    mailer smtp1 127.0.0.1:25 «// relay»
ring r
    size 32768 «on»
http-errors e
    errorfile 503 /etc/haproxy/503.http «x»
log-forward l
    bind 127.0.0.1:1514
    timeout client 10s «1»
    log 127.0.0.1:514 local0
frontend f
    bind :80
    errorfile 503 /etc/haproxy/503.http «x»
    timeout client 10s «1»
cache c
    total-max-size 4 «yes»
`,
    );
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning 'hold' takes 2 arguments; in a resolvers section haproxy ignores the rest without a word",
      "warning 'accepted_payload_size' takes one value; in a resolvers section haproxy ignores the rest without a word",
      "warning 'disabled' takes no argument; in a peers section haproxy ignores the rest without a word",
      "warning 'mailer' takes 2 arguments; in a mailers section haproxy ignores the rest without a word",
      "warning 'size' takes one value; in a ring haproxy ignores the rest without a word",
      "warning 'errorfile' takes 2 arguments; in an http-errors section haproxy ignores the rest without a word",
      "warning 'timeout client' takes one value; in a log-forward section haproxy ignores the rest without a word",
      "warning 'errorfile' takes 2 arguments; in a frontend section haproxy ignores the rest without a word",
      "error 'timeout client' takes at most 1 argument; haproxy refuses the rest",
      "error 'total-max-size' takes at most 1 argument; haproxy refuses the rest",
    ]);
  });

  it("warns about the words after 'stats realm', 'stats auth' … that haproxy accepts but never reads", () => {
    const found = expectHaproxy(
      "HA003",
      "listen stats\n    bind :8404\n    mode http\n    stats enable\n    stats uri /stats «extra»\n    stats realm HAProxy «Statistics Page»\n    stats realm HAProxy\\ Statistics\n    stats realm \"HAProxy Statistics\"\n    stats auth admin:secret «operator:pw»\n    description Stats for the whole cluster\n",
    );
    expect(found.map((problem) => `${problem.severity} ${problem.message}`)).toEqual([
      "warning 'stats uri' reads one word, and haproxy ignores the rest: 'extra' (to keep a blank in the value, escape it with '\\' or quote the value)",
      "warning 'stats realm' reads one word, and haproxy ignores the rest: 'Statistics Page' (to keep a blank in the value, escape it with '\\' or quote the value)",
      "warning 'stats auth' reads one word, and haproxy ignores the rest: 'operator:pw' (to keep a blank in the value, escape it with '\\' or quote the value)",
    ]);
  });
});

describe("HA003 argument-count: set-var-fmt", () => {
  it("reports a word after set-var-fmt's format, in every rule set (tenth mutation round)", () => {
    // haproxy 2.6.12: "'http-request set-var-fmt(txn.y)' expects either 'if' or 'unless' followed by a
    // condition but found '%[dst]'", "'tcp-request content set-var-fmt(req.x)' only accepts 'if' or 'unless'".
    const found = expectHaproxy(
      "HA003",
      'frontend f\n    bind :80\n    http-request set-var-fmt(txn.y) %[src] «%[dst]»\n    tcp-request content set-var-fmt(req.x) "%[src] a" «http-request»\n    http-request set-var-fmt(txn.z)\n    http-request set-var-fmt(txn.w) "%[src]" if TRUE\n',
    );
    expect(found[0]!.message).toBe("'http-request set-var-fmt' takes 1 argument, then only 'if' or 'unless' and a condition; haproxy refuses '%[dst]'");
  });
});

describe("HA003 argument-count: check rules' variables", () => {
  it("warns about words after a check rule's set-var or unset-var, which haproxy 2.6.12 ignores (eleventh mutation round)", () => {
    const found = expectHaproxy(
      "HA003",
      "backend b\n    option tcp-check\n    tcp-check set-var(check.x) int(1) «x»\n    tcp-check unset-var(check.x) «if TRUE»\n    http-check set-var-fmt(check.y) %[src] «y»\n    tcp-check set-var(check.z) int(2)\n    server s 10.0.0.1:80 check\n",
    );
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning 'tcp-check set-var' takes one value; in a backend section haproxy ignores the rest without a word",
      "warning 'tcp-check unset-var' takes no argument; in a backend section haproxy ignores the rest without a word",
      "warning 'http-check set-var-fmt' takes one value; in a backend section haproxy ignores the rest without a word",
    ]);
  });
});

describe("HA003 argument-count: hash-type", () => {
  it("warns about words after hash-type's three, which haproxy 2.6.12 ignores (tenth mutation round)", () => {
    const [found] = expectHaproxy("HA003", "backend b\n    hash-type consistent sdbm avalanche «x y»\n    server s 10.0.0.1:80\n");
    expect(`${found!.severity} ${found!.message}`).toBe("warning 'hash-type' takes 3 arguments; in a backend section haproxy ignores the rest without a word");
  });
});
