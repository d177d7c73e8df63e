import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA034 no-default-backend", () => {
  it("accepts a default_backend (own or inherited), a catch-all use_backend or reply, and listens", () => {
    expectHaproxy(
      "HA034",
      `defaults
    default_backend web
frontend inherits
    bind :80
    use_backend api if { path_beg /api }
defaults
    mode http
frontend own
    bind :81
    use_backend api if { path_beg /api }
    default_backend web
frontend catchall
    bind :82
    use_backend api if { path_beg /api }
    use_backend %[req.hdr(host),lower]
frontend refuses
    bind :86
    http-request deny
    use_backend api if { path_beg /api }
frontend plain
    bind :84
listen l
    bind :85
    use_backend api if { path_beg /api }
    server s 10.0.0.1:80
backend api
    server a 10.0.0.1:80
backend web
    server w 10.0.0.2:80
`,
    );
  });

  it("reports a frontend whose use_backend rules are all conditional, on its name", () => {
    const found = expectHaproxy("HA034", "frontend «www»\n    mode http\n    bind :80\n    use_backend api if { path_beg /api }\n    http-request deny if { path_beg /admin }\nbackend api\n    mode http\n    server a 10.0.0.1:80\n");
    expect(found[0]!.message).toBe("frontend 'www' has no default_backend: a request that its use_backend rule does not match gets a 503 error");
    expect(found[0]!.severity).toBe("info");
  });

  it("says that a frontend in mode tcp closes the connection, as there is no HTTP error to send", () => {
    const found = expectHaproxy("HA034", "defaults\n    mode tcp\nfrontend «db»\n    bind :5000\n    use_backend a if { dst_port 5000 }\n    use_backend b if { dst_port 5001 }\nbackend a\n    server a 10.0.0.1:5432\nbackend b\n    server b 10.0.0.2:5432\n");
    expect(found[0]!.message).toBe("frontend 'db' has no default_backend: a connection that matches none of its 2 use_backend rules is closed without a reply (mode tcp)");
  });
});
