import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA061 undefined-fetch-name", () => {
  it("accepts names that exist, the current proxy, tables of proxies with a stick-table, and computed names", () => {
    expectHaproxy(
      "HA061",
      `userlist admins
    user a insecure-password b
resolvers dns
    nameserver ns 10.0.0.53:53
frontend www
    bind :80
    tcp-request content track-sc0 src table per_ip
    acl down nbsrv(app) lt 1
    acl up srv_is_up(app/web1)
    acl fast sc_http_req_rate(0,per_ip) lt 10
    acl auth http_auth(admins)
    acl busy fe_conn(www) gt 100
    http-request do-resolve(txn.ip,dns) hdr(host)
    http-request do-resolve(txn.ip2,default) hdr(host)
    http-request deny if down || !up || !fast || !auth || busy
    http-request set-header X-N %[nbsrv(%[var(txn.be)])]
    default_backend app
backend app
    server web1 10.0.0.1:8080
    acl me srv_is_up(web1)
backend per_ip
    stick-table type ip size 1k store http_req_rate(10s)
`,
    );
  });

  it("reports each unknown name at its place, with a fix for a near miss", () => {
    const found = expectHaproxy(
      "HA061",
      `frontend www
    bind :80
    acl down nbsrv(«ap») lt 1
    acl up srv_is_up(app/«web2»)
    acl other srv_is_up(«nope»/web1)
    acl fast table_cnt(«per_ip») gt 1
    http-request deny if down || !up || other || fast
    default_backend app
backend app
    server web1 10.0.0.1:8080
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "nbsrv() names backend 'ap', which is not defined; did you mean 'app'?",
      "srv_is_up() names server 'web2', which is not defined; did you mean 'web1'?",
      "srv_is_up() names backend 'nope', which is not defined",
      "table_cnt() names stick table 'per_ip', which is not defined",
    ]);
    expect(found[0]!.fix?.edits[0]?.newText).toBe("app");
  });
});

describe("HA061 undefined-fetch-name: a server without its backend", () => {
  it("reports it in a frontend or a defaults section, which have no servers", () => {
    const found = expectHaproxy(
      "HA061",
      "defaults d\n    mode http\n    http-request set-header x %[srv_conn(«www»)]\n\nfrontend f from d\n    bind :8000\n    http-request set-header y %[srv_is_up(«www»)]\n    http-request set-header z %[srv_conn(be/www)]\n    default_backend be\n\nbackend be from d\n    http-request set-header y %[srv_conn(www)]\n    server www 10.0.0.1:80\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "srv_conn() names server 'www' without its backend, and defaults 'd' has no servers; write 'BACKEND/www'",
      "srv_is_up() names server 'www' without its backend, and frontend 'f' has no servers; write 'BACKEND/www'",
    ]);
  });
});
