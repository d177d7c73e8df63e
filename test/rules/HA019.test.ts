import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const SECTIONS = `userlist admins
    group ops
    user a insecure-password p groups ops
resolvers dns
    nameserver ns 10.0.0.53:53
peers cluster
    peer lb1 10.0.0.1:1024
    table shared type ip size 1m
ring logs
    size 32764
cache pages
    total-max-size 4
http-errors site
    errorfile 503 /etc/haproxy/503.http
fcgi-app php
    docroot /var/www
mailers smtp
    mailer m 10.0.0.25:25
`;

describe("HA019 undefined-reference", () => {
  it("accepts references to existing sections, built-in names and dynamic names", () => {
    expectHaproxy(
      "HA019",
      `global
    log ring@logs local0
    log ring@buf0 local0
frontend www
    bind :80
    log ring@logs local1
    acl ok http_auth(admins)
    acl ops http_auth_group(admins) ops
    http-request auth unless ok || { http_auth_group(admins) ops }
    filter cache pages
    http-request cache-use pages
    http-response cache-store pages
    errorfiles site
    http-error status 500 errorfiles site
    http-request deny deny_status 403 errorfiles site if !ok
    http-request track-sc0 src table rates
    http-request track-sc1 src table cluster/shared
    http-request do-resolve(txn.ip,dns,ipv4) hdr(host)
    http-request do-resolve(txn.ip2,default) hdr(host)
    default_backend app
backend app
    stick-table type ip size 1m peers cluster
    stick on src table rates
    use-fcgi-app php
    email-alert mailers smtp
    default-server resolvers dns
    server a 10.0.0.1:80 resolvers default
    server b "\${HOST}":80 resolvers "\${RESOLVERS}"
backend rates
    stick-table type ip size 1m
${SECTIONS}`,
    );
  });

  it("reports every kind of unknown name, on the name itself", () => {
    const found = expectHaproxy(
      "HA019",
      `frontend www
    bind :80
    log ring@«log» local1
    acl ok http_auth(«admin»)
    acl ops http_auth_group(admins) «ops2»
    filter cache «page»
    http-request cache-use «page»
    http-response cache-store «page»
    errorfiles «sites»
    http-error status 500 errorfiles «sites»
    http-request return status 503 errorfiles «sites» if !ok
    http-request track-sc0 src table «plain»
    http-request track-sc1 src table «cluster/other»
    http-request do-resolve(txn.ip,«dnss») hdr(host)
    default_backend app
backend app
    stick-table type ip size 1m peers «clustre»
    use-fcgi-app «phpp»
    email-alert mailers «smtpp»
    server a 10.0.0.1:80 resolvers «dnss»
backend plain
    stick on src table «nosuch»
${SECTIONS}`,
    );
    expect(found[0]!.message).toBe("there is no ring section named 'log'; haproxy -c accepts it but the daemon refuses to start; did you mean 'logs'?");
    expect(found[0]!.fix?.edits[0]?.newText).toBe("logs");
    expect(found[1]!.message).toBe("there is no userlist section named 'admin'; did you mean 'admins'?");
    expect(found[2]!.message).toBe("userlist 'admins' declares no group 'ops2'; did you mean 'ops'?");
    expect(found.find((p) => p.message.includes("'plain'"))!.message).toBe(
      "there is no stick table 'plain' (a proxy with a 'stick-table', or PEERS/TABLE of a peers section)",
    );
  });
});

describe("HA019 undefined-reference: a proxy's own stick table", () => {
  it("accepts track-sc and stick rules in a proxy with a stick-table, or naming a table", () => {
    expectHaproxy("HA019", "frontend f\n    bind :8000\n    stick-table type ip size 1k\n    http-request track-sc0 src\n    tcp-request connection track-sc1 src table be\n    default_backend be\n\nbackend be\n    stick-table type ip size 1k\n    stick on src\n    server s 10.0.0.1:80\n");
  });

  it("leaves a frontend's stick rules alone: haproxy ignores them there, the table they name included", () => {
    expectHaproxy("HA019", "frontend f\n    bind :8000\n    stick on src\n    stick match src table nosuch\n    default_backend be\n\nbackend be\n    server s 10.0.0.1:80\n");
  });

  it("reports them where there is no table to count in, defaults included", () => {
    const found = expectHaproxy(
      "HA019",
      "defaults x\n    mode http\n    http-request «track-sc0» src\n\nfrontend f from x\n    bind :8000\n    http-request «track-sc1» src\n    default_backend be\n\nbackend be from x\n    «stick» on src\n    server s 10.0.0.1:80\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'track-sc0' without 'table' counts in the defaults section's own stick table, and a defaults section cannot have one; haproxy refuses it (add 'table NAME')",
      "'track-sc1' without 'table' uses the stick table of frontend 'f', which has none; haproxy refuses it (add a 'stick-table' here, or 'table NAME')",
      "'stick on' without 'table' uses the stick table of backend 'be', which has none; haproxy refuses it (add a 'stick-table' here, or 'table NAME')",
    ]);
  });
});

describe("HA019 undefined-reference: fetches that read the proxy's own stick table", () => {
  it("accepts them in a proxy with a stick-table, with a table named, and counters that read a tracked table", () => {
    expectHaproxy(
      "HA019",
      "frontend f\n    bind :80\n    stick-table type ip size 1k store conn_rate(10s)\n    http-request deny if { src_conn_rate gt 10 }\n    default_backend be\n\nbackend be\n    http-request deny if { src_http_req_rate(f) gt 10 } || { sc0_conn_rate gt 5 } || { src_is_local }\n    server s 10.0.0.1:80\n",
    );
  });

  it("reports them where the proxy has no table, in ACLs, conditions, expressions and log formats", () => {
    const found = expectHaproxy(
      "HA019",
      "frontend f\n    bind :80\n    acl abuse «src_http_req_rate» gt 100\n    http-request deny if abuse || { «table_cnt» gt 1000 }\n    http-request set-var(txn.rate) «src_conn_rate»\n    log-format «\"%[src_conn_cur]\"»\n    default_backend be\n\nbackend be\n    server s 10.0.0.1:80\n",
    );
    expect(found[0]!.message).toBe(
      "'src_http_req_rate' without a table argument reads the stick table of frontend 'f', which has none; haproxy refuses it (add a 'stick-table' here, or name one: src_http_req_rate(TABLE))",
    );
  });
});

describe("HA019 undefined-reference: users and groups of a userlist", () => {
  it("reports a group a user names, and a user a group names, that the userlist does not declare", () => {
    const found = expectHaproxy(
      "HA019",
      "userlist L\n    group adm users alice,«bob»\n    group ops\n    user alice insecure-password x groups adm,«dev»\n    user carol insecure-password y groups ops\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "userlist 'L' declares no user 'bob', which group 'adm' names",
      "userlist 'L' declares no group 'dev', which user 'alice' names",
    ]);
  });
});
