// Value forms found by sweeps against haproxy 2.6.12 (docs/agreement.md, "Sweeps of value forms"):
// each case is what haproxy makes of the value, measured with `haproxy -c`.
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA004 invalid-value: bind and server option values as haproxy 2.6.12 stores them", () => {
  it("keeps the low 32 bits of numbers read with atol()", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    bind :80 backlog «99999999999999999999» maxconn «2147483648» id «4294967296» accept-netscaler-cip «4294967296»\n    bind :81 mss 2147483648 nice 4294967296 maxconn «4294967296»\nbackend b\n    server s 10.0.0.1:80 id «4294967296» error-limit «2147483648»\n    server t 10.0.0.2:80 id 4294967297\n",
    );
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "error '99999999999999999999' is read as -1 (haproxy keeps the low 32 bits of the number), and the value must not be negative for bind option 'backlog'",
      "error '2147483648' is too large for a 32-bit number for bind option 'maxconn'; haproxy keeps the low 32 bits and reads -2147483648, which it refuses",
      "error '4294967296' is read as 0 (haproxy keeps the low 32 bits of the number), and the value must be above 0 for bind option 'id'",
      "error '4294967296' is read as 0 (haproxy keeps the low 32 bits of the number), and the value must not be 0 for bind option 'accept-netscaler-cip'",
      "warning '4294967296' is too large for a 32-bit number for bind option 'maxconn'; haproxy keeps the low 32 bits and reads 0 without a word",
      "error '4294967296' is read as 0 (haproxy keeps the low 32 bits of the number), and the value must be above 0 for server option 'id'",
      "error '2147483648' is read as -2147483648 (haproxy keeps the low 32 bits of the number), and the value must be above 0 for server option 'error-limit'",
    ]);
  });

  it("holds shards to 1..64 or by-thread", () => {
    const found = expectHaproxy("HA004", "frontend f\n    bind :80 shards by-thread\n    bind :81 shards 64\n    bind :82 shards «65»\n    bind :83 shards «BY-THREAD»\n    bind :84 shards 5abc\n", { haproxyVersion: "2.6" });
    expect(found.map((p) => p.message)).toEqual([
      "'65' must be between 1 and 64, or by-thread for bind option 'shards'",
      "'BY-THREAD' is read as 0 (haproxy takes the leading digits, here none), and the value must be between 1 and 64, or by-thread for bind option 'shards'",
    ]);
  });

  it("reads tcp-ut as the other times: a unit with more after it is a warning at 2.6, past 24.8 days an error", () => {
    const found = expectHaproxy("HA004", "frontend f\n    bind :80 tcp-ut «5sec»\n    bind :81 tcp-ut «25d»\nbackend b\n    server s 10.0.0.1:80 tcp-ut «1ms5»\n    server t 10.0.0.2:80 tcp-ut «5S»\n", { haproxyVersion: "2.6" });
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning '5sec' is not a time (a number with an optional unit: us, ms, s, m, h, d) for bind option 'tcp-ut'; haproxy 2.6 reads it as 5s with a warning, later versions refuse it",
      "error '25d' is longer than haproxy's limit of 2147483647 ms (about 24.8 days) for bind option 'tcp-ut'",
      "warning '1ms5' is not a time (a number with an optional unit: us, ms, s, m, h, d) for server option 'tcp-ut'; haproxy 2.6 reads it as 1ms with a warning, later versions refuse it",
      "error '5S' is not a time (a number with an optional unit: us, ms, s, m, h, d) for server option 'tcp-ut'",
    ]);
  });

  it("reads lists with empty items as haproxy does", () => {
    const found = expectHaproxy(
      "HA004",
      "backend b\n    server s 10.0.0.1:80 init-addr libc,,last resolve-opts allow-dup-ip,\n    server t 10.0.0.2:80 init-addr ,none resolve-opts «,allow-dup-ip»\n    server u 10.0.0.3:80 resolve-opts «allow-dup-ip,,»\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "',allow-dup-ip' holds '', which is not one of allow-dup-ip, ignore-weight, prevent-dup-ip for server option 'resolve-opts'",
      "'allow-dup-ip,,' holds '', which is not one of allow-dup-ip, ignore-weight, prevent-dup-ip for server option 'resolve-opts'",
    ]);
  });

  it("wants 'all' alone or ids from 1 in ca-ignore-err and crt-ignore-err", () => {
    const found = expectHaproxy("HA004", "frontend f\n    bind :80 ssl crt x.pem ca-ignore-err all crt-ignore-err 10,20\n    bind :81 crt-ignore-err 5abc ca-ignore-err «all,5»\n    bind :82 crt-ignore-err «5,» ca-ignore-err «ALL»\n    bind :83 crt-ignore-err «0x10»\n");
    expect(found.map((p) => p.message)).toEqual([
      "'all,5' holds 'all', which haproxy reads as the error id 0: ids start at 1 (or write 'all' alone) for bind option 'ca-ignore-err'",
      "'5,' holds '', which haproxy reads as the error id 0: ids start at 1 (or write 'all' alone) for bind option 'crt-ignore-err'",
      "'ALL' holds 'ALL', which haproxy reads as the error id 0: ids start at 1 (or write 'all' alone) for bind option 'ca-ignore-err'",
      "'0x10' holds '0x10', which haproxy reads as the error id 0: ids start at 1 (or write 'all' alone) for bind option 'crt-ignore-err'",
    ]);
  });
});

describe("HA004 invalid-value: action values as haproxy 2.6.12 reads them", () => {
  it("reads set-status with strtol() into an int, and a capture length into an int", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    mode http\n    bind :80\n    declare capture request len 8\n    http-response set-status +200\n    http-response set-status 4294967496\n    http-response set-status «200abc»\n    http-request capture req.hdr(x) len 4294967297\n    http-request capture req.hdr(y) len «2147483648»\n",
    );
    expect(found.map((p) => p.message)).toEqual(["'200abc' is not a status code haproxy takes here (100 to 999)", "'2147483648' is not a length above 0 once haproxy keeps it in 32 signed bits"]);
  });

  it("wants set-mark and set-tos as strtoul() reads them whole", () => {
    const found = expectHaproxy("HA004", "frontend f\n    bind :80\n    tcp-request connection set-mark 0x1F\n    tcp-request connection set-mark -0x1\n    tcp-request connection set-tos 010\n    tcp-request connection set-mark «08»\n    tcp-request connection set-tos «5abc» if TRUE\n");
    expect(found.map((p) => p.message)).toEqual([
      "'08' is not a number for 'set-mark' (decimal, or hexadecimal after 0x); haproxy refuses the rule",
      "'5abc' is not a number for 'set-tos' (decimal, or hexadecimal after 0x); haproxy refuses the rule",
    ]);
  });

  it("reads stick counter numbers whole, into an int, and two of them at most", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    mode http\n    bind :80\n    http-request sc-inc-gpc0(4294967296)\n    http-request sc-inc-gpc0(-1)\n    http-request sc-set-gpt0(+1) 1\n    http-request sc-inc-gpc0(«1abc»)\n    http-request sc-inc-gpc(«0x1»,0)\n    http-request sc-inc-gpc(0,«3»)\n    http-request «sc-set-gpt(0,1,)» 1\n",
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => p.message)).toEqual([
      "'1abc' is not a whole number in 'sc-inc-gpc0(…)'; haproxy refuses the line",
      "'0x1' is not a whole number in 'sc-inc-gpc(…)'; haproxy refuses the line",
      "haproxy 2.6 tracks 3 stick counters (0 to 2), not 3; it refuses the line",
      "'sc-set-gpt' takes two numbers, the counter's index and the stick counter's (0 to 2); haproxy refuses the line",
    ]);
  });

  it("holds set-timeout to the timers' limit, and only a condition after it", () => {
    const found = expectHaproxy("HA004", "backend b\n    mode http\n    http-request set-timeout server 24d\n    http-request set-timeout tunnel «2147483648»\n    http-request set-timeout server 5s «x»\n", { haproxyVersion: "2.6" });
    expect(found.map((p) => p.message)).toEqual([
      "'2147483648' is longer than haproxy's limit of 2147483647 ms (about 24.8 days); haproxy refuses the line",
      "'x' may not follow 'set-timeout server 5s', only 'if' or 'unless' and a condition; haproxy refuses the line",
    ]);
  });
});

describe("HA004 invalid-value: proxy keyword values as haproxy 2.6.12 reads them", () => {
  it("holds hash-balance-factor to 0 or above 100, of what atol() makes of it in an int", () => {
    const found = expectHaproxy("HA004", "backend b\n    hash-balance-factor 0\n    hash-balance-factor 150\n    hash-balance-factor «100»\n    hash-balance-factor «-150»\n    hash-balance-factor «2147483648»\n");
    expect(found.map((p) => p.message)).toEqual([
      "'100' is read as 100: a hash balance factor is 0 (off) or above 100; haproxy refuses the line",
      "'-150' is read as -150: a hash balance factor is 0 (off) or above 100; haproxy refuses the line",
      "'2147483648' is read as -2147483648: a hash balance factor is 0 (off) or above 100; haproxy refuses the line",
    ]);
  });

  it("reads rate-limit sessions, declare capture len and balance random as haproxy does", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    rate-limit sessions +10\n    rate-limit sessions 0xa\n    declare capture request len +32\n    declare capture response «len»\nbackend b\n    balance random(0x5)\n    balance «random(4294967296)»\n",
    );
    expect(found.map((p) => p.message)).toEqual(["'len' needs the capture length; haproxy refuses the line", "'random(4294967296)': random needs at least 1 draw; haproxy refuses it"]);
  });

  it("holds a cookie's maxidle and maxlife to 2147483647 seconds, and warns about a unit with more after it at 2.6", () => {
    const found = expectHaproxy("HA004", "backend b\n    cookie SRV insert maxidle 24855d maxlife «24856d»\n    cookie SRV2 insert maxidle «3600ss»\n", { haproxyVersion: "2.6" });
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "error '24856d' is longer than haproxy's limit of 2147483647 s for 'maxlife'; haproxy refuses the line",
      "warning '3600ss' is not a time for 'maxidle' (a number with an optional unit: us, ms, s, m, h, d); haproxy 2.6 reads it as 3600s with a warning, later versions refuse it",
    ]);
  });

  it("reads a mailer's port by its leading digits, from 1 to 65535", () => {
    const found = expectHaproxy("HA004", "mailers m\n    mailer a 127.0.0.1:25abc\n    mailer b «127.0.0.1:0»\n", { haproxyVersion: "2.6" });
    expect(found.map((p) => p.message)).toEqual(["mailer address '127.0.0.1:0' has a port outside 1..65535; haproxy refuses it"]);
  });

  it("reads stats maxconn with atol() into an int", () => {
    const found = expectHaproxy("HA004", "global\n    stats maxconn 5abc\n    stats maxconn «0x5»\n");
    expect(found.map((p) => p.message)).toEqual(["'0x5' is read as 0: 'stats maxconn' needs a number above 0; haproxy refuses the line"]);
  });

  it("holds a stick-table's gpc, gpt and gpc_rate arrays to 1..100 entries, and rate periods to the timers", () => {
    const found = expectHaproxy(
      "HA004",
      "backend b\n    stick-table type ip size 1k store gpc(100),gpc_rate(10abc,10s)\n    stick-table type ip size 1k store «gpc(0xa)»\n    stick-table type ip size 1k store «gpt(101)»\n    stick-table type ip size 1k store «http_req_rate(2147483648s)»\n    stick-table type ip size 1k store «http_req_rate(10ss)»\n",
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "error 'gpc(0xa)' gives 'gpc' 0 entries ('0xa'), outside 1 to 100",
      "error 'gpt(101)' gives 'gpt' 101 entries ('101'), outside 1 to 100",
      "error 'http_req_rate(2147483648s)' gives 'http_req_rate' the period '2147483648s', which is longer than haproxy's limit of 2147483647 ms (about 24.8 days)",
      "warning '10ss' is not a time (a number with an optional unit: us, ms, s, m, h, d); haproxy 2.6 reads it as 10s with a warning, later versions refuse it",
    ]);
  });

  it("reads the end of a bind port range as a port", () => {
    const found = expectHaproxy("HA004", "frontend f\n    bind 127.0.0.1:8000-+8010\n    bind «127.0.0.1:8000-»\n    bind «127.0.0.1:8000-abc»\n");
    expect(found.map((p) => p.message)).toEqual([
      "port range '8000-' in bind address '127.0.0.1:8000-' has no port at its end; haproxy refuses it",
      "port range '8000-abc' in bind address '127.0.0.1:8000-abc' has no port at its end; haproxy refuses it",
    ]);
  });
});
