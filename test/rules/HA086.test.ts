import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const proxies = "frontend f\n    bind :80\n    default_backend b\nbackend b\n";

describe("HA086 unused-section", () => {
  it("accepts sections that something names", () => {
    expectHaproxy(
      "HA086",
      "userlist admins\n    user a insecure-password x\nresolvers dns\n    nameserver n 127.0.0.1:53\nresolvers http\n    nameserver n 127.0.0.1:53\npeers mesh\n    peer a 127.0.0.1:1024\npeers own\n    peer a 127.0.0.1:1025\n    table t type ip size 1k\ncache c\n    total-max-size 4\nhttp-errors e\n    errorfile 503 /etc/haproxy/503.http\nmailers m\n    mailer smtp 127.0.0.1:25\nglobal\n    httpclient.resolvers.id http\n" +
        proxies +
        "    acl ok http_auth(admins)\n    stick-table type ip size 1k peers mesh\n    http-request cache-use c\n    errorfiles e\n    email-alert mailers m\n    email-alert to a@b\n    server s app:80 resolvers dns\n",
    );
  });

  it("reports one that nothing names, on its name", () => {
    const found = expectHaproxy("HA086", "userlist «admins»\n    user a insecure-password x\nresolvers «docker»\n    nameserver n 127.0.0.11:53\ncache «c»\n    total-max-size 4\n" + proxies + "    server s app:80\n");
    expect(found.map((p) => p.message)).toEqual([
      "userlist section 'admins' is never used: no http_auth() or http_auth_group() names it (unless a program outside this file, such as the Data Plane API, reads it)",
      "resolvers section 'docker' is never used: no server line names it with 'resolvers', and no do-resolve action or httpclient.resolvers.id",
      "cache section 'c' is never used: no 'filter cache', 'http-request cache-use' or 'http-response cache-store' names it",
    ]);
  });

  it("says nothing where any section may be meant: a name made at run time, a program, a fragment", () => {
    expectHaproxy("HA086", "resolvers dns\n    nameserver n 127.0.0.1:53\n" + proxies + '    server s app:80 resolvers "${RESOLVERS}"\n');
    expectHaproxy("HA086", "userlist admins\n    user a insecure-password x\nprogram api\n    command /usr/bin/dataplaneapi\n" + proxies + "    server s app:80\n");
    expectHaproxy("HA086", "resolvers dns\n    nameserver n 127.0.0.1:53\nbackend b\n    server s app:80\n");
  });
});
