// HA004's checks beyond one word (required-values.ts): a cache's size, thread limits per version.
import { describe, expect, it } from "vitest";
import { ERROR_PAGE_CODES } from "../../server/src/rules/haproxy/action-options.js";
import { expectHaproxy } from "./harness.js";

describe("HA004 invalid-value: values a section requires", () => {
  it("accepts a cache with its size, and thread counts within the limits", () => {
    expectHaproxy("HA004", "global\n    nbthread 64\n    thread-groups 1\n\ncache c1\n    total-max-size 4\n    max-age 60\n", { haproxyVersion: "2.6" });
    expectHaproxy("HA004", "global\n    nbthread 128\n    thread-groups 2\n", { haproxyVersion: "3.0" });
  });

  it("reports a cache without total-max-size, or with one of 0", () => {
    const found = expectHaproxy("HA004", "cache «c1»\n    max-age 40\n\ncache c2\n    total-max-size «0»\n");
    expect(found.map((p) => p.message)).toEqual([
      "cache 'c1' has no total-max-size; haproxy refuses a cache without its size (in megabytes)",
      "'0' must be at least 1 for 'total-max-size'",
    ]);
  });

  it("holds thread counts to haproxy 2.6's limits, and thread groups to the default build's later", () => {
    const old = expectHaproxy("HA004", "global\n    nbthread «65»\n    thread-groups «2»\n", { haproxyVersion: "2.6" });
    expect(old.map((p) => [p.severity, p.message])).toEqual([
      ["error", "'nbthread 65' is above 64: haproxy 2.6 runs at most 64 threads; it refuses the value"],
      ["error", "'thread-groups 2' is above 1: haproxy 2.6 runs a single thread group; it refuses the value"],
    ]);
    // No build runs more than 64 groups (a long's bits), so that is an error; above Debian's 32 a warning (measured on 3.2.26).
    const later = expectHaproxy("HA004", "global\n    thread-groups «99999999999»\n", { haproxyVersion: "3.4" });
    expect(later.map((p) => p.severity)).toEqual(["error"]);
    expect(expectHaproxy("HA004", "global\n    thread-groups «33»\n", { haproxyVersion: "3.2" }).map((p) => p.severity)).toEqual(["warning"]);
    expectHaproxy("HA004", "global\n    thread-groups 17\n", { haproxyVersion: "3.2" });
    // Debian's 3.0.11 refuses more than 256 threads, its 3.2.26 more than 1024 (measured; a build limit).
    // With enough groups: 3.0.11 puts at most 64 threads in a group ("Too many remaining unassigned threads (256) for thread groups (1)").
    expectHaproxy("HA004", "global\n    nbthread 256\n    thread-groups 4\n", { haproxyVersion: "3.0" });
    const at30 = expectHaproxy("HA004", "global\n    nbthread «257»\n    thread-groups 5\n", { haproxyVersion: "3.0" });
    expect(at30.map((p) => [p.severity, p.message])).toEqual([["warning", "'nbthread 257' is above 256: haproxy 3.0 as Debian builds it runs at most 256 threads"]]);
    expectHaproxy("HA004", "global\n    nbthread 1024\n", { haproxyVersion: "3.2" });
    expectHaproxy("HA004", "global\n    nbthread «4097»\n", { haproxyVersion: "3.2" });
    expectHaproxy("HA004", "global\n    nbthread «1025»\n");
  });
});

describe("HA004 invalid-value: stick-table arguments at the end of a line", () => {
  it("takes a 'store' that lists nothing as haproxy does, and refuses other arguments without a value", () => {
    const found = expectHaproxy("HA004", "backend b\n    stick-table type ip size 1m «store»\n\nbackend c\n    stick-table type ip size 1m «expire»\n\npeers p\n    peer a 127.0.0.1:10000\n    table t type string size 10m «store»\n");
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "'store' lists no data type; haproxy accepts it and stores nothing"],
      ["error", "'expire' needs a value"],
      ["warning", "'store' lists no data type; haproxy accepts it and stores nothing"],
    ]);
  });
});

describe("HA004 invalid-value: http-check expect status", () => {
  const backend = (expect: string) => `backend b\n    option httpchk\n    http-check expect ${expect}\n    server s 10.0.0.1:80 check\n`;

  it("accepts codes, ranges and lists of them, after options and '!'", () => {
    for (const expect of ["status 200", "status 200-399", "status 200,301-302", "! status 500", "min-recv 10 comment x status 2000"]) expectHaproxy("HA004", backend(expect));
  });

  it("knows the matches and reports another word in their place (found by mutations)", () => {
    for (const expect of ["!status 200", "rstatus ^2", "string-lf x", "hdr name x", "fhdr name x", "! rstring x"]) expectHaproxy("HA004", backend(expect));
    expect(expectHaproxy("HA004", backend("«200-404» status")).map((p) => p.message)).toEqual([
      "'200-404' is not a match of 'http-check expect' (status, rstatus, string, rstring, string-lf, hdr, fhdr); haproxy refuses it",
    ]);
  });

  it("takes options after the match, and nothing else (found by mutations: a word after the pattern)", () => {
    for (const expect of ["status 200 comment x", "status 200 min-recv 10", "rstatus ^2 ok-status L7OK"]) expectHaproxy("HA004", backend(expect));
    expect(expectHaproxy("HA004", backend("status 200 «on»")).map((p) => p.message)).toEqual([
      "'on' may not follow the match of 'http-check expect', only its options (min-recv, comment, ok-status, error-status, tout-status, on-success, on-error, status-code); haproxy refuses it",
    ]);
    expectHaproxy("HA004", backend("string OK «status» 300"));
  });

  it("reports options without a match (haproxy 2.6.12, 3.0.11 and 3.2.26: 'pattern not found')", () => {
    const line = (keyword: string, expect: string) => `backend b\n    option ${keyword === "http-check" ? "httpchk" : "tcp-check"}\n    ${keyword} «expect» ${expect}\n    server s 10.0.0.1:80 check\n`;
    expect(expectHaproxy("HA004", line("http-check", "min-recv 10")).map((p) => p.message)).toEqual([
      "'http-check expect' has options ('min-recv') but no match (status, rstatus, string, rstring, string-lf, hdr, fhdr) and its pattern; haproxy refuses the line",
    ]);
    expectHaproxy("HA004", line("http-check", "comment x ok-status L7OK"));
    expectHaproxy("HA004", line("tcp-check", "min-recv 4"));
    // One finding a line: a bad option's value is reported, not the missing match as well.
    expectHaproxy("HA004", backend("ok-status «BOGUS»"));
  });

  it("reads tcp-check expect the same way, with its own matches", () => {
    const tcp = (expect: string) => `backend b\n    option tcp-check\n    tcp-check expect ${expect}\n    server s 10.0.0.1:80 check\n`;
    for (const expect of ["string OK", "binary 0a0b comment x", "! rstring ^OK", "min-recv 4 string-lf x"]) expectHaproxy("HA004", tcp(expect));
    expect(expectHaproxy("HA004", tcp("«status» 200")).map((p) => p.message)).toEqual([
      "'status' is not a match of 'tcp-check expect' (string, rstring, string-lf, binary, rbinary, binary-lf); haproxy refuses it",
    ]);
    expectHaproxy("HA004", tcp("string OK «--» primary"));
  });

  it("reports characters and ranges haproxy refuses in the list", () => {
    expect(expectHaproxy("HA004", backend("status «0.5»")).map((p) => p.message)).toEqual([
      "'0.5' has '.', which is no part of a list of status codes (200, 200-399, 200,301-302); haproxy refuses it",
    ]);
    expect(expectHaproxy("HA004", backend("status «200-»")).map((p) => p.message)).toEqual(["'200-' holds '200-', which is neither a status code nor a range of them; haproxy refuses it"]);
  });
});

describe("HA004 invalid-value: log global", () => {
  it("reports 'log global' in the global section only", () => {
    const found = expectHaproxy("HA004", "global\n    log «global»\n\ndefaults\n    log global\n");
    expect(found[0]!.message).toContain("in the global section itself haproxy refuses it");
  });
});

describe("HA004 invalid-value: status codes of error pages", () => {
  it("reports codes haproxy has no error page for, in errorfile, errorloc and http-error", () => {
    const found = expectHaproxy(
      "HA004",
      "backend b\n    mode http\n    errorfile 503 /etc/haproxy/errors/503.http\n    errorfile «302» /etc/haproxy/errors/302.http\n    errorloc302 «418» http://example.com/\n    http-error status «-5»\n    http-error status 429\n",
    );
    expect(found[0]!.message).toContain("haproxy has no error page for status 302");
  });

  it("reads a status code as atoi() does: a warning when the digits are a good code, an error when not (found by mutations of real files)", () => {
    const found = expectHaproxy(
      "HA004",
      "backend b\n    mode http\n    errorfile 0500 /e\n    errorfile «503,000» /e\n    errorfile «5030» /e\n    http-request deny deny_status «404_000» if TRUE\n    http-request return status 0404 if TRUE\n    http-request return status «40x» if TRUE\n    http-request redirect location /x code «301x» if TRUE\n",
    );
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning '503,000' is not a whole number for 'errorfile'; haproxy reads it as 503 without a word",
      `error haproxy has no error page for status 5030, and refuses the line (${[...ERROR_PAGE_CODES].join(", ")})`,
      `warning '404_000' is not a code haproxy has an error page for (${[...ERROR_PAGE_CODES].join(", ")}); haproxy reads it as 404 without a word`,
      "error '40x' is not a status code haproxy takes here (200 to 599)",
      "warning '301x' is not a redirect code (301, 302, 303, 307, 308); haproxy reads it as 301 without a word",
    ]);
  });

  it("takes any word where capture cookie wants 'len', as haproxy does", () => {
    expectHaproxy("HA004", "frontend f\n    mode http\n    bind :80\n    capture cookie SID length 32\n");
  });
});

describe("HA004 and HA003: ranges haproxy 2.6.12 takes and refuses", () => {
  const backend = (expect: string) => `backend b\n    option httpchk\n    http-check expect ${expect}\n    server s 10.0.0.1:80 check\n`;

  it("takes a status range without its start, not one without its end or running backwards", () => {
    for (const list of ["status -5", "status -", "status 200,-5"]) expectHaproxy("HA004", backend(list));
    expect(expectHaproxy("HA004", backend("status «3-1»")).map((p) => p.message)).toEqual(["'3-1' holds '3-1', a range that runs backwards; haproxy refuses it"]);
  });

  it("holds spread-checks to 0..50, and takes a log-forward bind without an address", () => {
    expect(expectHaproxy("HA004", "global\n    spread-checks «99»\n").map((p) => p.message)).toEqual(["'99' must be at most 50 for 'spread-checks'"]);
    expectHaproxy("HA003", "log-forward lf\n    bind\n    dgram-bind 127.0.0.1:1514\n    log 127.0.0.1:514 local0\n");
  });
});

describe("HA004 invalid-value: cookie modes (found by mutations)", () => {
  it("takes one of rewrite, insert and prefix, not two", () => {
    expectHaproxy("HA004", "backend b\n    cookie S insert indirect nocache\n");
    expect(expectHaproxy("HA004", "backend b\n    cookie S insert nocache «prefix»\n").map((p) => p.message)).toEqual([
      "cookie modes 'insert' and 'prefix' exclude each other (one of rewrite, insert, prefix); haproxy refuses the line",
    ]);
  });
});

describe("HA004 invalid-value: server numbers held in 32 bits", () => {
  it("reads rise, fall, weight and the other atol() options as a 32-bit int keeps them (found by mutations of real files)", () => {
    const found = expectHaproxy(
      "HA004",
      "backend b\n    server s1 127.0.0.1:80 check rise «4294967297»\n    server s2 127.0.0.1:80 check rise «4294967296»\n    server s3 127.0.0.1:80 check fall «2147483648»\n    server s4 127.0.0.1:80 check weight «4294967296»\n    server s5 127.0.0.1:80 check weight «4294967553»\n    server s6 127.0.0.1:80 check rise 2147483647\n",
    );
    expect(found.map((p) => p.severity)).toEqual(["warning", "error", "error", "warning", "error"]);
    expect(found[1]!.message).toBe("'4294967296' is too large for a 32-bit number for server option 'rise'; haproxy keeps the low 32 bits and reads 0, which it refuses");
  });
});

describe("HA004 invalid-value: dotted addresses libc reads", () => {
  it("takes what inet_aton() reads (octal and hex parts, missing parts) and refuses the rest, as haproxy 2.6.12 does (found by mutations of real files)", () => {
    const found = expectHaproxy("HA004", "global\n    log 127.000.000.001 local0\n    log 127.1:514 local0\n    log 127.0.0.0377:514 local0\n    log «09.0.0.1:514» local0\n    log «127.0.0.0400:514» local0\n    log «1.2.3.256:514» local0\n");
    expect(found[0]!.message).toBe("'09.0.0.1' is not an IPv4 address in log address '09.0.0.1:514'; haproxy refuses it");
  });
});

describe("HA004 invalid-value: stdout and stderr in another case", () => {
  it("reports a log target 'STDOUT', which haproxy takes for a host name (found by mutations of real files)", () => {
    const found = expectHaproxy("HA004", "global\n    log «STDOUT» format raw local0\n    log stdout format raw local0\n");
    expect(found[0]!.message).toBe("'STDOUT' is neither an address nor 'stdout' (haproxy reads that word in lower case only); haproxy refuses it");
  });

  it("reports 'stdout' or 'stderr' given a port, which haproxy then takes for a host name (measured on 2.6, 3.0 and 3.2)", () => {
    const found = expectHaproxy("HA004", "global\n    log «stdout:514» local0\n    log «STDERR:1» local0\n    log stderr local0\n");
    expect(found[0]!.message).toBe("'stdout' with a port is a host name to haproxy, not the standard output: write 'log stdout' without a port; haproxy refuses it");
    expect(found[1]!.message).toContain("not the standard error: write 'log stderr' without a port");
  });
});

describe("HA004 invalid-value: a variable outside double quotes", () => {
  it("reads '${X}' and '$X' outside double quotes as written, as haproxy does (found by mutations of the corpus)", () => {
    const found = expectHaproxy("HA004", "defaults\n    timeout client «${T-5s}»\n    timeout server «'$T'»\n    timeout connect \"${T}\"\n    maxconn «${M}»\n    mode «${MODE}»\n");
    expect(found.map((p) => p.severity)).toEqual(["error", "error", "warning", "error"]);
    expect(found[0]!.message).toBe(
      `'\${T-5s}' is not a time (a number with an optional unit: us, ms, s, m, h, d) for 'timeout client'; haproxy expands a variable only inside double quotes ("\${T-5s}"), and reads this one as written`,
    );
  });
});

describe("HA004 invalid-value: tcp-check expect binary", () => {
  it("wants hex digits, two a byte (found by mutations of real files)", () => {
    const found = expectHaproxy("HA004", "backend b\n    option tcp-check\n    tcp-check expect binary «0»\n    tcp-check expect binary «0g»\n    tcp-check expect binary 0a0B\n    tcp-check expect rbinary 0\n");
    expect(found.map((p) => p.message)).toEqual([
      "'0' is not a binary string of 'tcp-check expect binary' (an even number of hex digits is wanted); haproxy refuses it",
      "'0g' is not a binary string of 'tcp-check expect binary' ('g' is no hex digit); haproxy refuses it",
    ]);
  });
});

describe("HA004 invalid-value: http-check send and a bind's mss", () => {
  it("reports a word http-check send does not take, an option without its value, and an mss out of range (found by mutations of real files)", () => {
    const found = expectHaproxy(
      "HA004",
      "backend b\n    option httpchk\n    http-check send meth GET uri /read «true»\n    http-check send meth GET «hdr» Host\n    http-check send meth GET uri / hdr Host x\nfrontend f\n    bind :80 mss «70000»\n    bind :81 mss -1460\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'true' is not an option of 'http-check send' (comment, meth, uri, uri-lf, ver, hdr, body, body-lf); haproxy refuses it",
      "'hdr' needs a name and a value; haproxy refuses the line",
      "'70000' must be between 1 and 65535 (or -1 and -65535) for bind option 'mss'",
    ]);
  });

  it("reads a cache's max-object-size in 32 unsigned bits, as haproxy does (found by mutations of the corpus)", () => {
    expectHaproxy("HA004", "cache c\n    total-max-size 4\n    max-object-size 4294967296\n");
  });
});
