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
