// Value forms found by the second round of sweeps against haproxy 2.6.12 (docs/agreement.md, "Sweeps,
// second round"): each case is what haproxy makes of the value, measured with `haproxy -c`.
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA004 invalid-value: global and proxy values as haproxy 2.6.12 reads them", () => {
  it("reads a cpu-map CPU word from its leading digits, and refuses only a word without one or a CPU above 1023", () => {
    expectHaproxy("HA004", "global\n    cpu-map 1 0abc 0,x 1.5 4294967296 0- 1abc-2xyz 5-2\n    cpu-map 1 «,0»\n    cpu-map 1 «5000000000»\n    cpu-map 1 «0-1024»\n    cpu-map 2 «x»\n");
  });

  it("reads max-spread-checks up to its unit and holds it to the timers' limit", () => {
    expectHaproxy("HA004", "global\n    max-spread-checks 1sabc\n    max-spread-checks 1s,\n    max-spread-checks 24d\n    max-spread-checks «1x»\n    max-spread-checks «-1»\n    max-spread-checks «25d»\n    max-spread-checks «2147483648»\n");
  });

  it("reads max-keep-alive-queue whole with strtol in any base", () => {
    expectHaproxy("HA004", "defaults\n    max-keep-alive-queue 0x10\nbackend a\n    max-keep-alive-queue -1\nbackend b\n    max-keep-alive-queue «10abc»\nbackend c\n    max-keep-alive-queue «08»\nbackend d\n    max-keep-alive-queue «1.5»\n");
  });

  it("holds httpclient.resolvers.prefer, tune.vars.check-max-size and tune.h2.header-table-size as 2.6.12 does", () => {
    expectHaproxy("HA004", "global\n    httpclient.resolvers.prefer ipv6\n    httpclient.resolvers.prefer «IPV4»\n    tune.vars.check-max-size -5\n    tune.vars.check-max-size «1k»\n    tune.h2.header-table-size 65536\n    tune.h2.header-table-size «65537»\n    tune.http.maxhdr 5\n    tune.http.maxhdr «4»\n", { haproxyVersion: "2.6" });
  });

  it("reads cookie options as haproxy does: preserve needs insert or indirect, rewrite excludes indirect, a domain's characters", () => {
    const found = expectHaproxy(
      "HA004",
      "backend b\n    cookie SRV prefix «preserve»\nbackend c\n    cookie SRV rewrite «indirect»\nbackend d\n    cookie SRV insert domain «a:b.com»\nbackend e\n    cookie SRV insert domain «local»\nbackend f\n    cookie SRV insert preserve domain a_b.com domain .x-y.org\n",
    );
    expect(found.map((p) => p.severity)).toEqual(["error", "error", "error", "warning"]);
  });

  it("keeps balance uri numbers and server-template counts in an int, as atoi() does", () => {
    const found = expectHaproxy(
      "HA004",
      "backend b\n    balance uri len «2147483648» depth 4294967297\n    server-template a «2147483648» 10.0.0.1:80\n    server-template b «4294967296» 10.0.0.1:80\n    server-template c «4294967297» 10.0.0.1:80\n    server-template d 1-3 10.0.0.1:80\n",
    );
    expect(found.map((p) => p.severity)).toEqual(["error", "error", "error", "warning"]);
  });

  it("reads persist rdp-cookie up to its ')' and refuses a word after a named one", () => {
    expectHaproxy("HA004", "backend b\n    persist rdp-cookie(x)y\nbackend c\n    persist rdp-cookie x\nbackend d\n    persist rdp-cookie(x) «y»\nbackend e\n    persist «rdp-cookie()»\n");
  });

  it("checks node names, h1-case-adjust pairs, ssl-load-extra-files words and the global log-tag's count", () => {
    expectHaproxy(
      "HA004",
      "global\n    node lb1.x_y-z\n    node «a:b»\n    h1-case-adjust content-length Content-Length\n    h1-case-adjust foo «bar»\n    ssl-load-extra-files bundle sctl key\n    ssl-load-extra-files «BUNDLE»\n    log-tag a «b»\nbackend b\n    log-tag a b\n",
    );
  });

  it("takes a stick-table data type's name up to its '(' and a peers server name without an address as it is", () => {
    expectHaproxy("HA004", "backend b\n    stick-table type ip size 1m store «+conn_cur»\n    server s 10.0.0.1:80\npeers p\n    server +lb2\n    peer «lb+3» 127.0.0.1:10003\n");
  });

  it("refuses a port with a '-' where no range is taken, and keeps a source port in an int", () => {
    expectHaproxy(
      "HA004",
      "backend b\n    source 0.0.0.0:4294967296\n    source «0.0.0.0:x»\n    server s «127.0.0.1:1.2.3.4-5»\nresolvers r\n    nameserver n «127.0.0.1:1.2.3.4-5»\nmailers m\n    mailer m «127.0.0.1:1.2.3.4-5»\n",
    );
  });

  it("refuses a bind id given twice, or on a line of several sockets", () => {
    expectHaproxy("HA004", "frontend f\n    bind :8080 id 5 «id» 6\n    bind :8081,:8082 «id» 7\n    bind :8083-8084 «id» 8\n    bind :8085 id 9\n");
  });

  it("wants a content-type with a string payload, warns about one without a payload, and takes no condition on http-error", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    bind :80\n    mode http\n    http-request return status 200 «string» x\n    http-request return status 200 content-type text/plain string x if TRUE\n    http-request deny deny_status 403 «lf-string» x\n    http-request return status 200 «content-type» text/plain\n    http-error status 503 «if» TRUE\n    http-error status 503 «string» x\n    http-error status 503 «content-type» text/plain default-errorfiles\n    http-error status 503 content-type text/plain string x\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "a 'string' payload needs a 'content-type' on the same line; haproxy refuses it without one",
      "a 'lf-string' payload needs a 'content-type' on the same line; haproxy refuses it without one",
      "'content-type' is ignored without a string, lf-string, file or lf-file payload (haproxy warns about it)",
      "'if' is not an option of 'http-error' (it takes no condition); haproxy refuses it",
      "a 'string' payload needs a 'content-type' on the same line; haproxy refuses it without one",
      "'content-type' is ignored without a string, lf-string, file or lf-file payload (haproxy warns about it)",
    ]);
  });

  it("warns about a cache's process-vary other than on or off and max-age without a value, which haproxy ignores", () => {
    const found = expectHaproxy("HA004", "cache c\n    total-max-size 4\n    process-vary «ON»\n    «process-vary»\n    process-vary off\n    «max-age»\n    max-age 60\n");
    expect(found.map((p) => p.severity)).toEqual(["warning", "warning", "warning"]);
  });

  it("reads tune.ssl.capture-cipherlist-size as its new name, and a stats socket's IP port strictly", () => {
    expectHaproxy(
      "HA004",
      "global\n    tune.ssl.capture-cipherlist-size «0abc»\n    tune.ssl.capture-cipherlist-size «-1»\n    stats socket «ipv4@127.0.0.1:0x10» level admin\n    stats socket «ipv4@127.0.0.1:+5»\n    stats socket ipv4@127.0.0.1:9999 level admin\n",
      { haproxyVersion: "2.6" },
    );
  });
});

describe("HA007 unknown-option: a peer line's options (a second sweep)", () => {
  it("reads the words after a peer's address as server options", () => {
    expectHaproxy("HA007", "peers p\n    peer lb1 127.0.0.1:10000 «bogus»\n    peer lb2 127.0.0.1:10001 ssl verify none\n    peer lb3\n");
  });

  it("reads a bind's thread set and a body size of 32 bits as haproxy 2.6.12 does", () => {
    expectHaproxy(
      "HA004",
      "frontend f\n    bind :1 thread 1-\n    bind :2 thread 1/all\n    bind :3 thread «1,»\n    bind :4 thread «0»\n    mode http\n    http-request wait-for-body time 1s at-least 3G\n    http-request wait-for-body time 1s at-least «4g»\n",
      { haproxyVersion: "2.6" },
    );
  });

  it("reads a peers default-bind's words as bind options", () => {
    expectHaproxy("HA007", "peers p\n    default-bind «SSL»\n    default-bind ssl\n    peer lb1 127.0.0.1:10000\n");
  });

  it("reads an fcgi-app's option max-reqs with atoi(), 1 alone passing at 2.6, and its log-stderr as 'global' or an address and a facility", () => {
    expectHaproxy("HA004", "fcgi-app fa\n    docroot /var/www\n    option max-reqs 1\n    option max-reqs 4294967297\n    option max-reqs «10abc»\n    option max-reqs «-1»\n    option max-reqs «0x10»\n    log-stderr «x»\n    log-stderr global\n    log-stderr 127.0.0.1:514 local0\n", { haproxyVersion: "2.6" });
  });

});
