import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

// Measured on haproxy 2.6.12: a server's `cookie L1` with no `cookie` directive gives no Set-Cookie;
// with `cookie SRV insert` the response carries `Set-Cookie: SRV=L1`, and with servers that have no
// value it clears the cookie (`SRV=; Expires=…1970`, 3.2.26 too). 2.6, 3.0 and 3.2 say nothing.
describe("HA089 server-cookie-unused", () => {
  it("accepts cookie values where a cookie directive is in effect, here or in defaults", () => {
    expectHaproxy("HA089", "backend app\n    cookie SRV insert indirect nocache\n    server a 10.0.0.1:80 cookie a\n    server b 10.0.0.2:80 cookie b\n");
    expectHaproxy("HA089", "defaults web\n    mode http\n    cookie JSESSIONID prefix\n\nbackend app from web\n    server a 10.0.0.1:80 cookie a\n    server b 10.0.0.2:80 cookie b\n");
    expectHaproxy("HA089", "backend app\n    server a 10.0.0.1:80 check\n    server b 10.0.0.2:80 check\n");
    // One server: persistence changes nothing.
    expectHaproxy("HA089", "backend app\n    server a 10.0.0.1:80 check cookie a\n");
  });

  it("warns once per backend when servers carry cookie values and nothing sets the cookie", () => {
    const found = expectHaproxy("HA089", "listen web\n    bind :80\n    server a 10.0.0.1:80 check cookie «a1»\n    server b 10.0.0.2:80 check cookie b1\n    server-template c 2 10.0.0.3:80 cookie c\n");
    expect(found[0]!.message).toBe(
      "3 servers have a 'cookie' value, but listen 'web' has no 'cookie' directive (nor its defaults section): haproxy neither sets nor reads a persistence cookie, so the values do nothing (add e.g. 'cookie SERVERID insert indirect nocache')",
    );
  });

  it("does not take a defaults section the backend does not inherit from", () => {
    expectHaproxy("HA089", "defaults other\n    cookie SRV insert\n\ndefaults web\n    mode http\n\nbackend app from web\n    server a 10.0.0.1:80 cookie «a»\n    server b 10.0.0.2:80 cookie b\n");
  });

  it("warns on a cookie directive of the backend itself when none of its servers has a value", () => {
    const found = expectHaproxy("HA089", "backend app\n    cookie «SRV» insert indirect nocache\n    server a 10.0.0.1:80 check\n    server b 10.0.0.2:80 check\n");
    expect(found[0]!.message).toBe(
      "backend 'app' names the persistence cookie 'SRV', but none of its servers has a 'cookie' value: the cookie carries no server, so requests are not kept on one (give each server 'cookie VALUE', or add 'dynamic' with a 'dynamic-cookie-key')",
    );
  });

  it("leaves a cookie directive alone when it is dynamic, inherited, or the servers get a value from default-server", () => {
    expectHaproxy("HA089", "backend app\n    dynamic-cookie-key s3cr3t\n    cookie SRV insert dynamic\n    server a 10.0.0.1:80\n    server b 10.0.0.2:80\n");
    expectHaproxy("HA089", "defaults web\n    mode http\n    cookie JSESSIONID prefix\n\nbackend app from web\n    server a 10.0.0.1:80\n    server b 10.0.0.2:80\n");
    expectHaproxy("HA089", "backend app\n    cookie SRV insert\n    default-server cookie x\n    server a 10.0.0.1:80\n    server b 10.0.0.2:80\n");
    expectHaproxy("HA089", "backend app\n    cookie SRV insert\n    server a 10.0.0.1:80\n");
  });
});
