// Checks of directives, actions and bind/server options that were measured only against haproxy
// 2.6.12, measured again against 3.0.11 and 3.2.26 (scripts/oracle/haproxy-sweep-later.mjs; lblint
// reads 3.4, its default target, as 3.2): what those releases refuse is an error there too, what they
// take or only warn about is not.
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const at = (haproxyVersion: "2.6" | "3.0" | "3.2" | "3.4") => ({ haproxyVersion });
const fe = (lines: string) => `frontend f\n    mode http\n    bind :80\n${lines}`;
const be = (lines: string) => `backend b\n    mode http\n${lines}`;

describe("stick counters of actions at 3.0 and 3.2", () => {
  it("holds the counter below tune.stick-counters, 3 by default", () => {
    const found = expectHaproxy("HA004", fe("    http-request sc-inc-gpc0(«3»)\n    http-request sc-inc-gpc(0,«3»)\n    http-request «sc-inc-gpc0(0,1)»\n    http-request sc-inc-gpc0(2)\n"), at("3.2"));
    expect(found[0]!.message).toBe("haproxy tracks 3 stick counters (0 to 2; 'tune.stick-counters' in the global section sets how many), not 3; it refuses the line");
    expectHaproxy("HA004", `global\n    tune.stick-counters 5\n${fe("    http-request sc-inc-gpc0(4)\n    http-request sc-set-gpt0(«5») 1\n")}`, at("3.0"));
  });

  it("reads sc-add-gpc as sc-inc-gpc, with or without its expression", () => {
    expectHaproxy("HA004", fe("    http-request sc-add-gpc(0,«3») int(1)\n    http-request «sc-add-gpc(0)» int(1)\n    http-request sc-add-gpc(0,1) int(1)\n"), at("3.2"));
    expectHaproxy("HA003", fe("    http-request sc-add-gpc(0,1)\n"), at("3.2"));
  });

  it("takes track-sc3 and more once tune.stick-counters allows them (HA001)", () => {
    expectHaproxy("HA001", `global\n    tune.stick-counters 5\n${fe("    http-request track-sc3 src\n    http-request «track-sc5» src\n")}`, at("3.2"));
    expectHaproxy("HA001", fe("    http-request «track-sc3» src\n"), at("3.2"));
  });
});

describe("set-timeout and silent-drop at 3.0 and 3.2", () => {
  it("sets the client timeout in a frontend, the server and tunnel ones in a backend", () => {
    const found = expectHaproxy("HA004", `${fe("    http-request «set-timeout» server 5s\n    http-request set-timeout client 5s\n")}${be("    http-request set-timeout «client» 5s\n    http-request set-timeout «connect» 5s\n    http-request set-timeout server «0»\n    http-request set-timeout server «5x»\n    http-request set-timeout server «abc»\n    http-request set-timeout tunnel int(5)\n")}`, at("3.2"));
    expect(found[0]!.message).toBe("'set-timeout server' changes a backend's timeouts: haproxy refuses it in a frontend (write it in the backend or a listen section)");
  });

  it("takes an expression at 2.6 too", () => {
    expectHaproxy("HA004", be("    http-request set-timeout server int(5)\n    http-request set-timeout tunnel «-5»\n"), at("2.6"));
  });

  it("takes only 'rst-ttl' and a TTL from 1 to 255 after silent-drop", () => {
    expectHaproxy("HA004", fe("    http-request silent-drop «1»\n    http-request silent-drop rst-ttl «256»\n    http-request silent-drop «rst-ttl»\n    http-request silent-drop rst-ttl 5 if TRUE\n    http-request silent-drop rst-ttl +5\n"), at("3.2"));
    expectHaproxy("HA003", fe("    http-request silent-drop «rst-ttl» 5\n"), at("2.6"));
  });
});

describe("argument counts that changed in 3.2 (HA003)", () => {
  it("holds option httpchk to three arguments and option tcplog to none up to 3.0", () => {
    expectHaproxy("HA003", `${be("    option httpchk GET / HTTP/1.1 «host.example»\n")}frontend f\n    mode tcp\n    bind :80\n    option tcplog «clf»\n`, at("3.0"));
    expectHaproxy("HA003", `${be("    option httpchk GET / HTTP/1.1 host.example\n")}frontend f\n    mode tcp\n    bind :80\n    option tcplog clf\n`, at("3.2"));
    expectHaproxy("HA003", "frontend f\n    mode tcp\n    bind :80\n    option tcplog «bogus»\n", at("3.2"));
  });

  it("lets 3.0 ignore words after expose-deprecated-directives, with a warning; 3.2 refuses them", () => {
    expect(expectHaproxy("HA003", "global\n    expose-deprecated-directives «x»\n", at("3.0"))[0]!.severity).toBe("warning");
    expect(expectHaproxy("HA003", "global\n    expose-deprecated-directives «x»\n", at("3.2"))[0]!.severity).toBe("error");
  });
});

describe("bind and server options at 3.0 and 3.2", () => {
  it("reads a bind's thread set as 3.x does", () => {
    expectHaproxy("HA004", "frontend f\n    bind :80 thread «x»\n    bind :81 thread «1/1-2,4»\n    bind :82 thread «0/1»\n    bind :83 thread «1.1»\n    bind :84 thread 1,2\n    bind :85 thread 1/1,1/2\n    bind :86 thread 1,\n", at("3.2"));
    expectHaproxy("HA004", "frontend f\n    bind :80 thread «2/1»\n    bind :81 thread 1/1\n", at("2.6"));
  });

  it("checks the values of server options 3.0 and 3.2 add", () => {
    expectHaproxy("HA004", "backend b\n    server s 10.0.0.1:80 hash-key «bogus» log-bufsize «0» init-state «bogus»\n    server t 10.0.0.2:80 hash-key addr-port log-bufsize 1 init-state fully-up\n", at("3.2"));
  });

  it("takes more shards than 2.6, and still none below 1", () => {
    expectHaproxy("HA004", "frontend f\n    bind :80 shards 256\n    bind :81 shards «0»\n    bind :82 shards by-group\n", at("3.2"));
  });

  it("knows each release's multiplexers and address families", () => {
    expectHaproxy("HA004", "frontend f\n    bind :80 proto «qmux»\n    bind «mptcp@:81»\nbackend b\n    mode tcp\n    server s 10.0.0.1:80 proto «spop»\n", at("3.0"));
    expectHaproxy("HA004", "frontend f\n    bind :80 proto «qmux»\n    bind mptcp@:81\nbackend b\n    server s «fd@3»\n    option tcp-check\n    tcp-check connect proto «qmux»\n", at("3.2"));
  });
});

describe("modes only a backend takes (HA026)", () => {
  it("refuses mode log in a frontend, and a frontend sending to a log backend", () => {
    expectHaproxy("HA026", "defaults logs\n    mode log\n\nfrontend «fl»\n    bind :83\n\nfrontend fh\n    mode http\n    bind :84\n\nbackend b2\n    server s udp@127.0.0.1:514\n", at("3.2"));
    expectHaproxy("HA026", "frontend f\n    bind :80\n    mode «log»\n\nfrontend g\n    bind :81\n    mode tcp\n    default_backend «syslog»\n\nbackend syslog\n    mode log\n    server s udp@127.0.0.1:514\n\nlisten l\n    mode log\n    bind :82\n", at("3.2"));
  });
});

describe("thread counts at 3.0 and 3.2", () => {
  it("holds 3.0 to 64 threads a group, and every release to a thread for each group", () => {
    expectHaproxy("HA004", "global\n    nbthread «65»\n", at("3.0"));
    expectHaproxy("HA004", "global\n    nbthread 65\n", at("3.2"));
    expectHaproxy("HA004", "global\n    nbthread 2\n    thread-groups «4»\n", at("3.2"));
  });
});

describe("global and section keywords at 3.0 and 3.2", () => {
  it("checks ssl-default options, retry-on events and buffer sizes per release", () => {
    expectHaproxy("HA004", "global\n    ssl-default-bind-options «allow-0rtt»\n    ssl-default-server-options «strict-sni»\n    tune.bufsize «336»\n", at("3.2"));
    expectHaproxy("HA004", "global\n    ssl-default-bind-options strict-sni no-tlsv10\n", at("3.2"));
    expectHaproxy("HA004", "global\n    ssl-default-bind-options «strict-sni»\n", at("3.0"));
    expectHaproxy("HA004", be("    retry-on «421» 429\n"), at("3.0"));
    expectHaproxy("HA004", be("    retry-on 421 429\n"), at("3.2"));
  });

  it("checks FastCGI multiplexing, ring sizes, stick-table arguments and redirect options per release", () => {
    expectHaproxy("HA004", "fcgi-app app\n    docroot /var/www\n    option max-reqs «2»\n\nring r\n    size «0»\n\nring s\n    size 100\n", at("3.2"));
    expectHaproxy("HA004", be("    stick-table type ip size 1k «recv-only»\n    http-request redirect location / «keep-query»\n"), at("3.0"));
    expectHaproxy("HA004", be("    stick-table type ipv4 size 1k\n"), at("3.2"));
    expectHaproxy("HA004", be("    stick-table type «ipv4» size 1k\n"), at("3.0"));
    expectHaproxy("HA004", be("    stick-table type ip size 1k recv-only brates-factor 5\n    http-request redirect location / keep-query\n"), at("3.2"));
  });

  it("reads numbers as 3.x does: the global maxconn whole, the new keywords with atol(), ocsp-update with a warning", () => {
    const found = expectHaproxy("HA004", "global\n    maxconn «5k»\n    httpclient.retries «x»\n    ocsp-update.mode «bogus»\n", at("3.2"));
    expect(found.map((p) => p.severity)).toEqual(["error", "warning", "warning"]);
  });

  it("reads buffer sizes with atol() at 3.0 and as sizes at 3.2", () => {
    const at30 = expectHaproxy("HA004", "global\n    tune.pipesize «10x»\n    tune.bufsize «1000k»\n", at("3.0"));
    expect(at30.map((p) => p.severity)).toEqual(["warning", "warning"]);
    expectHaproxy("HA004", "global\n    tune.pipesize «10x»\n    tune.rcvbuf.client «-5»\n    tune.bufsize 16k\n", at("3.2"));
  });

  it("reads the numbers of keywords 3.0 and 3.2 add with atol(), and refuses them below their range", () => {
    const found = expectHaproxy("HA004", "global\n    tune.ring.queues «10x»\n    tune.h2.fe.initial-window-size «-5»\n    tune.memory.hot-size «0»\n", at("3.2"));
    expect(found.map((p) => p.severity)).toEqual(["warning", "error", "error"]);
  });

  it("holds the keywords 3.0 and 3.2 add to their measured ranges", () => {
    expectHaproxy("HA004", "global\n    tune.events.max-events-at-once «0»\n    tune.ring.queues «17»\n    ssl-security-level «6»\n    thread-hard-limit «0»\n    tune.glitches.kill.cpu-usage «101»\n    tune.takeover-other-tg-connections «bogus»\n", at("3.2"));
    expectHaproxy("HA004", "global\n    tune.events.max-events-at-once 10000\n    tune.ring.queues 16\n    ssl-security-level 5\n    tune.glitches.kill.cpu-usage 100\n    tune.takeover-other-tg-connections full\n", at("3.2"));
  });
});

describe("balance in mode log (3.0 and 3.2)", () => {
  it("takes roundrobin, random, sticky and log-hash with its converters, and the layer 7 hashes it falls back from", () => {
    const log = (algorithm: string) => `backend b\n    mode log\n    balance ${algorithm}\n    server s udp@127.0.0.1:514\n`;
    expectHaproxy("HA004", `${log("random(3)")}${log("log-hash lower")}${log("uri")}${log("sticky")}`, at("3.2"));
    expectHaproxy("HA004", `${log("«leastconn»")}${log("«hash» src")}${log("«log-hash»")}`, at("3.0"));
  });
});

describe("multiplexers in mode log (HA065)", () => {
  it("refuses an HTTP multiplexer on a bind or server of a proxy in mode log", () => {
    expectHaproxy("HA065", "listen l\n    mode log\n    bind :80 proto «h1»\n    bind :81 proto none\n    server s udp@127.0.0.1:514\n    server t 127.0.0.1:81 proto «h2»\n", at("3.2"));
  });
});

describe("ports read whole from 3.0 (HA004)", () => {
  it("refuses what follows a port's digits in bind, server, mailer and nameserver addresses, as 3.0.11 and 3.2.26 do", () => {
    const text = "frontend f\n    bind «:8080x»\nbackend b\n    server s «127.0.0.1:80O»\nmailers m\n    mailer x «127.0.0.1:25x»\nresolvers r\n    nameserver n «127.0.0.1:53x»\n";
    expect(expectHaproxy("HA004", text, at("3.0")).map((p) => p.severity)).toEqual(["error", "error", "error", "error"]);
    // 2.6.12 reads the leading digits: a warning where it says nothing, nothing where lblint said nothing before.
    expect(expectHaproxy("HA004", "frontend f\n    bind «:8080x»\nbackend b\n    server s «127.0.0.1:80O»\n", at("2.6")).map((p) => p.severity)).toEqual(["warning", "warning"]);
  });
});
