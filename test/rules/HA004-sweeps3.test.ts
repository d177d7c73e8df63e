// ACL matching methods and the types they take, found by the third round of sweeps against haproxy
// 2.6.12 (docs/agreement.md, "Sweeps, third round").
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const acls = (...criteria: string[]) =>
  `frontend f\n    mode http\n    bind :80\n${criteria.map((c, i) => `    acl a${i} ${c}\n    http-request deny if a${i}\n`).join("")}    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;

describe("HA004 invalid-value: a matching method the criterion's type cannot take", () => {
  it("reports -m ip on booleans, binary data and methods, and -m int or -m bool on binary data, methods and IPv6 addresses", () => {
    // measured on 2.6.12: "matching method 'ip' cannot be used with fetch keyword 'ssl_fc'"; the type is the
    // expression's last, so `always_true,add(1) -m ip` passes and `ssl_fc,not -m ip` does not
    expectHaproxy(
      "HA004",
      acls("always_true -m int 1", "always_true,add(1) -m ip 1.2.3.4", "src -m int 1", "dst_port -m ip 1.2.3.4", "method,lower -m ip 1.2.3.4", "req.body -m bin 00", "path -m bool", "req.body,lower -m int 1"),
      { haproxyVersion: "2.6" },
    );
    const found = expectHaproxy(
      "HA004",
      acls("always_true -m «ip» 1.2.3.4", "ssl_fc,not -m «ip» 1.2.3.4", "req.body -m «int» 1", "method -i -m «bool»", "ipv6(::1) -m «int» 1", "req.payload_lv(0,1) -m «ip» 1.2.3.4"),
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => p.message)).toEqual([
      "'-m ip' cannot match a boolean, which 'always_true' gives; haproxy refuses the ACL",
      "'-m ip' cannot match a boolean, which 'ssl_fc,not' gives; haproxy refuses the ACL",
      "'-m int' cannot match binary data, which 'req.body' gives; haproxy refuses the ACL",
      "'-m bool' cannot match a method, which 'method' gives; haproxy refuses the ACL",
      "'-m int' cannot match an IPv6 address, which 'ipv6(::1)' gives; haproxy refuses the ACL",
      "'-m ip' cannot match binary data, which 'req.payload_lv(0,1)' gives; haproxy refuses the ACL",
    ]);
  });

  it("reads the same in an anonymous ACL", () => {
    const found = expectHaproxy("HA004", "frontend f\n    mode http\n    bind :80\n    http-request deny if { ssl_fc -m «ip» 1.2.3.4 }\n", { haproxyVersion: "2.6" });
    expect(found).toHaveLength(1);
  });
});

const frontend = (...rules: string[]) => `frontend f\n    mode http\n    bind :80\n${rules.map((r) => `    ${r}\n`).join("")}    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;
const backend = (...rules: string[]) =>
  `frontend f\n    mode http\n    bind :80\n    default_backend b\nbackend b\n    stick-table type ip size 1k\n${rules.map((r) => `    ${r}\n`).join("")}    server s 127.0.0.1:80 check\n`;
const at26 = { haproxyVersion: "2.6" } as const;

describe("HA004 invalid-value: rule actions, checks and stick rules of the third round of sweeps", () => {
  it("reads a reply's body, its status and deny_status as haproxy 2.6.12 does", () => {
    // measured: "No body expected for 204 responses", "unexpected 'string' argument, 'errorfile' already defined",
    // "expects either 'if' or 'unless' … but found 'deny_status'"; `status` twice and a 204 errorfile pass
    expectHaproxy(
      "HA004",
      frontend("http-request return status 200 status 201", "http-request return status 204 hdr a b", "http-request deny deny_status 403 content-type text/plain string x"),
      at26,
    );
    const found = expectHaproxy(
      "HA004",
      frontend(
        "http-request return status 204 content-type text/plain «string» ok",
        "http-request return status 304 content-type text/plain «lf-string» x",
        "http-request return status 200 content-type text/plain string x «string» y",
        "http-request deny deny_status 403 hdr a b «deny_status» 404",
      ),
      at26,
    );
    expect(found.map((p) => p.message)).toEqual([
      "a 204 reply has no body; haproxy refuses the 'string' payload",
      "a 304 reply has no body; haproxy refuses the 'lf-string' payload",
      "a reply takes one body, and 'string' already gives it; haproxy refuses 'string'",
      "'deny_status' is read only right after 'deny', not after its other options; haproxy refuses it here",
    ]);
  });

  it("knows what do-resolve, wait-for-body, sc-inc-gpc and an http-response redirect need", () => {
    expectHaproxy("HA004", frontend("http-request do-resolve(txn.ip,default,ipv4) hdr(host)", "http-request wait-for-body time 1s at-least 1k", "http-request sc-inc-gpc(0,0)", "http-response redirect location / code 301"), at26);
    const found = expectHaproxy(
      "HA004",
      frontend(
        "http-request «do-resolve» hdr(host)",
        "http-request «do-resolve(txn.ip,default,ipv4)»",
        "http-request «wait-for-body» at-least 1k",
        "http-request «sc-inc-gpc(0)»",
        "http-request «sc-set-gpt» 1",
        "http-response redirect «prefix» /",
      ),
      at26,
    );
    expect(found.map((p) => p.message)).toEqual([
      "do-resolve needs its variable and resolvers: do-resolve(VARIABLE,RESOLVERS[,ipv4|ipv6]) EXPR; haproxy refuses the line",
      "'do-resolve(txn.ip,default,ipv4)' needs an expression to resolve after it; haproxy refuses the line",
      "wait-for-body needs 'time T' (at-least is optional); haproxy refuses the line",
      "'sc-inc-gpc' needs two numbers, the counter's index and the stick counter's: sc-inc-gpc(IDX,SC); haproxy refuses the line",
      "'sc-set-gpt' needs two numbers, the counter's index and the stick counter's: sc-set-gpt(IDX,SC); haproxy refuses the line",
      "an http-response redirect takes only 'location', not 'prefix'; haproxy refuses the line",
    ]);
  });

  it("reads http-check expect options, use-server and stick rules", () => {
    expectHaproxy("HA004", backend("option httpchk", "http-check expect status 200 status-code int(500) min-recv x", "http-check expect fhdr name -m sub Host value -m reg x", "use-server s if TRUE", "stick on src table b if TRUE"), at26);
    const found = expectHaproxy(
      "HA004",
      backend(
        "option httpchk",
        "http-check expect status 200 «min-recv»",
        "http-check expect status 200 status-code «500»",
        "http-check expect hdr name Host value -m «foo» x",
        "«use-server» s",
        "«ignore-persist»",
        "stick on src «x»",
        "stick match src table b «x»",
      ),
      at26,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'min-recv' needs a value; haproxy refuses the line",
      "'status-code' takes a sample expression, not the number '500' (write int(500)); haproxy refuses it",
      "'foo' is not a matching method of 'hdr' (str, beg, end, sub, reg); haproxy refuses it",
      "'use-server' needs 'if' or 'unless' and a condition; haproxy refuses it without one",
      "'ignore-persist' needs 'if' or 'unless' and a condition; haproxy refuses it without one",
      "'x' may not follow 'stick … EXPR [table NAME]', only 'if' or 'unless' and a condition; haproxy refuses the line",
      "'x' may not follow 'stick … EXPR [table NAME]', only 'if' or 'unless' and a condition; haproxy refuses the line",
    ]);
  });
});
