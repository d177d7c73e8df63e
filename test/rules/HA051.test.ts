import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA051 duplicate-bind", () => {
  it("accepts distinct ports, addresses, protocols, interfaces and .if branches", () => {
    expectHaproxy(
      "HA051",
      `frontend a
    bind :80
    bind :::80 v6only
    bind 10.0.0.1:8080-8089
    bind quic4@:443
    bind /run/haproxy/a.sock
    bind "\${ADDR}:80"
frontend b
    bind :443 ssl crt /etc/haproxy/site.pem
    bind 10.0.0.1:8090
    bind 192.168.0.1:9000 interface eth1
frontend c
    bind 192.168.0.1:9000 interface eth2
.if defined(BLUE)
frontend blue
    bind 10.0.0.5:7000
.else
frontend green
    bind 10.0.0.5:7000
.endif
`,
    );
  });

  it("warns when two proxies bind the same address and port", () => {
    const [found] = expectHaproxy(
      "HA051",
      `frontend a
    bind 127.0.0.1:8080
frontend b
    bind «127.0.0.1:8080»
listen c
    bind :9000,«*:9000»
listen d
    bind «0.0.0.0:9000»
    bind 10.0.0.1:8085
frontend e
    bind «10.0.0.1:8080-8089»
`,
    );
    expect(found!.severity).toBe("warning");
    expect(found!.message).toBe("'127.0.0.1:8080' is also bound by frontend 'a' (line 2): both start, and the kernel hands each connection to one of the two at random");
    expect(found!.related?.[0]?.range.start.line).toBe(1);
  });

  it("gives info for a wildcard next to a specific address, and for a bind repeated in one proxy", () => {
    const found = expectHaproxy(
      "HA051",
      `frontend a
    bind :80
    bind «:80»
frontend b
    bind «127.0.0.1:80»
frontend c
    bind [::1]:443
frontend d
    bind «:::443»
`,
    );
    expect(found.map((p) => p.severity)).toEqual(["info", "info", "info"]);
    expect(found[1]!.message).toBe("'127.0.0.1:80' overlaps ':80' of frontend 'a' (line 2): connections to '127.0.0.1:80' all go to the specific bind, the others to the wildcard one");
  });
});
