import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectHaproxy, lintText } from "./harness.js";

describe("HA044 server-hostname-without-resolvers", () => {
  it("accepts IP addresses, sockets, variables, localhost, and names with a fallback", () => {
    expectHaproxy(
      "HA044",
      `resolvers dns
    nameserver ns1 10.0.0.53:53
backend ips
    server a 10.0.0.1:80
    server b ipv6@2001:db8::1:80
    server c [::1]:8080
    server d unix@/run/app.sock
    server e /run/app2.sock
    server f "\${APP_HOST}:80"
    server g localhost:8080
    server h 10.0.0.2
    server i 10.0.0.256:80
backend named
    server a app.internal:80 resolvers dns
    server b app.internal:80 init-addr last,libc,none
    server c app.internal:80 init-addr libc,10.0.0.9
    server-template web 3 _http._tcp.app.internal resolvers dns init-addr none
backend inherited
    default-server resolvers dns
    server a app.internal:80
`,
    );
    expectHaproxy("HA044", "defaults\n    default-server init-addr none\nbackend b\n    server a app.internal:80\n");
  });

  it("leaves an option written where the address should be to HA004 (`server s check` names no host)", () => {
    expectHaproxy("HA044", "backend b\n    server s1 check\n    server s2 backup\n");
    const ids = lintText("haproxy", "backend b\n    server s1 check\n").map((problem) => problem.ruleId);
    expect(ids).toContain("HA004");
  });

  it("reports names resolved only at startup, single-label ones too", () => {
    const found = expectHaproxy(
      "HA044",
      `backend app
    server a «app.example.com»:80 check
    server b «web»:8080
    server-template w 3 «app.internal»:80 check
    server c ipv4@«db.internal»:5432
`,
    );
    expect(found[0]!.message).toBe(
      "server 'a' names the host 'app.example.com': haproxy resolves it once at startup and refuses to start if that fails; add 'resolvers' or 'init-addr last,libc,none'",
    );
  });

  it("reports an init-addr list without a fallback, even with resolvers", () => {
    const [found] = expectHaproxy(
      "HA044",
      `resolvers dns
    nameserver ns1 10.0.0.53:53
backend app
    default-server init-addr last,libc
    server a «app.internal»:80 resolvers dns
    server b app.internal:80 init-addr last,libc,none
`,
    );
    expect(found!.message).toBe("'init-addr last,libc' leaves no way to start when 'app.internal' does not resolve: add ',none' or an IP address to the list");
  });
});

describe("HA044 suggestions", () => {
  it("offers init-addr with none, on the server line or in its own init-addr list", () => {
    const text = `backend app
    server a app.internal:80 check   # the app
    server b api.internal:80 init-addr last,libc
`;
    const found = lintText("haproxy", text).filter((p) => p.ruleId === "HA044");
    const applied = found.map((p) => applyEdits(text, p.suggestions![0]!.edits));
    expect(applied).toEqual([
      text.replace("check   #", "check init-addr last,libc,none   #"),
      text.replace("init-addr last,libc\n", "init-addr last,libc,none\n"),
    ]);
    expect(found.every((p) => p.fix === undefined)).toBe(true);
  });

  it("leaves an init-addr list inherited from a default-server alone", () => {
    const found = lintText("haproxy", "backend app\n    default-server init-addr libc\n    server a app.internal:80\n").filter((p) => p.ruleId === "HA044");
    expect(found).toHaveLength(1);
    expect(found[0]!.suggestions).toBeUndefined();
  });
});
