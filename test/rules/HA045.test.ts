import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA045 map-without-default", () => {
  it("accepts maps with a default, maps in ACLs and conditions, log formats, and use_backend with a default_backend", () => {
    expectHaproxy(
      "HA045",
      `frontend www
    bind :80
    acl known req.hdr(host),lower,map(/etc/haproxy/hosts.map) -m found
    http-request set-header X-Tenant %[req.hdr(host),lower,map(/etc/haproxy/tenants.map,unknown)]
    http-request set-var(txn.tenant) req.hdr(host),map_str(/etc/haproxy/tenants.map)
    http-request deny if { req.hdr(host),map_dom(/etc/haproxy/blocked.map) -m found }
    log-format "%ci %[req.hdr(host),map(/etc/haproxy/names.map)]"
    http-request redirect code 301 location %[path,map_str(/etc/haproxy/moves.map)] ignore-empty
    acl moved path,map_beg(/etc/haproxy/moves.map) -m found
    http-request redirect location %[path,map_beg(/etc/haproxy/moves.map)] if moved
    use_backend %[req.hdr(host),lower,map(/etc/haproxy/hosts.map)]
    default_backend web
backend web
    server a 10.0.0.1:80
`,
    );
  });

  it("reports maps without a default in log-format expressions", () => {
    const found = expectHaproxy(
      "HA045",
      `frontend www
    bind :80
    http-request set-header X-Tenant %[req.hdr(host),lower,«map(/etc/haproxy/tenants.map)»]
    http-request redirect location "%[path,«map_beg(/etc/haproxy/moves.map)»]" if { path_beg /old/ }
    http-request set-var-fmt(txn.pool) "pool-%[src,«map_ip_int(/etc/haproxy/pools.map)»]"
`,
    );
    expect(found[0]!.message).toBe("'map(/etc/haproxy/tenants.map)' has no default value: a key missing from the map gives an empty result");
  });

  it("reports use_backend maps when there is no default_backend", () => {
    const [found] = expectHaproxy(
      "HA045",
      `frontend www
    bind :80
    use_backend be_%[req.hdr(host),lower,«map_dom(/etc/haproxy/hosts.map)»]
`,
    );
    expect(found!.message).toContain("503");
  });
});
