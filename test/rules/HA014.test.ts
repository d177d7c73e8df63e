import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA014 duplicate-server", () => {
  it("accepts distinct names, and one name in two backends", () => {
    expectHaproxy("HA014", "backend a\n    server s1 10.0.0.1:80\n    server s2 10.0.0.2:80\nbackend b\n    server s1 10.0.0.3:80\n");
  });

  it("reports the second server of a name in one backend, pointing at the first", () => {
    const [found] = expectHaproxy("HA014", "backend a\n    server s1 10.0.0.1:80\n    server «s1» 10.0.0.2:80\n");
    expect(found!.message).toBe("server 's1' is already defined on line 2 of this backend");
    expect(found!.related?.[0]?.range.start.line).toBe(1);
  });

  it("reports duplicate peers in a peers section", () => {
    const found = expectHaproxy("HA014", "peers mine\n    peer lb1 10.0.0.1:1024\n    peer «lb1» 10.0.0.2:1024\n");
    // haproxy -c accepts it: a warning.
    expect(found[0]!.severity).toBe("warning");
  });
});

describe("HA014 duplicate-server: nameservers", () => {
  it("reports two nameservers of one name in a resolvers section, as haproxy does", () => {
    const found = expectHaproxy("HA014", "resolvers dns\n    nameserver dns1 127.0.0.1:53\n    nameserver «dns1» 127.0.0.2:53\n    nameserver dns2 127.0.0.3:53\n");
    expect(found.map((p) => [p.severity, p.message])).toEqual([["error", "nameserver 'dns1' is already defined on line 2 of this resolvers"]]);
  });
});

describe("HA014 duplicate-server: server-template names", () => {
  it("reads a template's servers as PREFIX1, PREFIX2… (tenth mutation round)", () => {
    // haproxy 2.6.12: "backend 'b', another server named 'w3' was already defined at line 2".
    const found = expectHaproxy(
      "HA014",
      "backend b\n    server-template w 1-3 127.0.0.1:80\n    server-template «w» 3-4 127.0.0.1:81\n    server «w1» 127.0.0.1:82\n    server w5 127.0.0.1:83\n    server-template srv 2 127.0.0.1:84\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "server-template 'w3' is already defined on line 2 of this backend",
      "server 'w1' is already defined on line 2 of this backend",
    ]);
  });
});
