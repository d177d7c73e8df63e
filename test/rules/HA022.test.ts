import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import type { Fix } from "../../server/src/lint/rule.js";
import { expectHaproxy, lintText } from "./harness.js";

describe("HA022 duplicate-directive", () => {
  it("accepts repeatable keywords, one value per section, and .if alternatives", () => {
    expectHaproxy(
      "HA022",
      `global
    log 10.0.0.1 local0
    log 10.0.0.2 local0
    maxconn 100
    setenv A 1
    setenv B 2
defaults
    mode http
    timeout client 30s
    timeout server 30s
frontend www
    mode http
    timeout client 10s
    bind :80
    bind :443
    http-request set-header A b
    http-request set-header C d
    option httplog
    option forwardfor
.if defined(BLUE)
    default_backend blue
.else
    default_backend green
.endif
`,
    );
  });

  it("reports a repeated proxy setting, where the last one wins, on the repeat", () => {
    const found = expectHaproxy(
      "HA022",
      `backend app
    balance roundrobin
    «balance» leastconn
    timeout server 10s
    «timeout server» 20s
    mode http
    «mode» http
`,
    );
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "'balance' is already set on line 2; haproxy silently uses this last value"],
      ["warning", "'timeout server' is already set on line 4; haproxy silently uses this last value"],
      ["info", "'mode' repeats line 6 with the same value; remove one"],
    ]);
    expect(found[0]!.related?.[0]?.range.start.line).toBe(1);
  });

  it("says which global settings keep their first value, and which repeats are refused", () => {
    const found = expectHaproxy(
      "HA022",
      `global
    maxconn 100
    «maxconn» 200
    user haproxy
    «uid» 99
    nbthread 2
    «nbthread» 4
    ca-base /etc/ssl
    «ca-base» /etc/ssl2
backend app
    stick-table type ip size 1m
    «stick-table» type ip size 2m
    tcp-request inspect-delay 5s
    «tcp-request inspect-delay» 10s
`,
    );
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "'maxconn' is already set on line 2; haproxy ignores this one and keeps the first value"],
      ["warning", "'user' is already set on line 4; haproxy ignores this one and keeps the first value"],
      ["warning", "'nbthread' is already set on line 6; haproxy silently uses this last value"],
      ["error", "'ca-base' is already set on line 8; haproxy refuses a second one in the same section"],
      ["error", "'stick-table' is already set on line 11; haproxy refuses a second one in the same section"],
      ["warning", "'tcp-request inspect-delay' is already set on line 13; haproxy ignores this one and keeps the first value"],
    ]);
  });
});

describe("HA022 duplicate-directive: several global sections", () => {
  it("compares a later global section with the earlier ones, as haproxy reads them into one", () => {
    const found = expectHaproxy(
      "HA022",
      `global
    maxconn 300
    crt-base /srv/tls
defaults
    mode tcp
global
    «maxconn» 300
    «crt-base» /srv/tls2
    daemon
frontend lb
    bind :7000
`,
    );
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "'maxconn' is already set on line 2; haproxy ignores this one and keeps the first value"],
      ["error", "'crt-base' is already set on line 3; haproxy refuses a second one in another global section too"],
    ]);
    expect(found[0]!.related?.[0]?.range.start.line).toBe(1);
  });

  it("still compares proxies one by one", () => {
    expectHaproxy("HA022", "global\n    nbthread 2\nbackend a\n    balance first\nbackend b\n    balance first\nglobal\n    log stdout local0\n");
  });
});

describe("HA022 duplicate-directive: a proxy's id", () => {
  it("is refused twice in one proxy", () => {
    const found = expectHaproxy("HA022", "frontend f\n    bind :80\n    id 20\n    «id» 20\n");
    expect(found[0]!.severity).toBe("error");
  });
});

describe("HA022 duplicate-directive: a peers section's listener", () => {
  it("refuses a second bind", () => {
    const found = expectHaproxy("HA022", "peers p\n    bind 127.0.0.1:20001\n    «bind» 127.0.0.1:20002\n    server lb1\n");
    expect(found[0]!.severity).toBe("error");
  });

  it("takes log-format and option httplog, httpslog and tcplog for one setting, the log format", () => {
    const found = expectHaproxy("HA022", "defaults\n    option httplog\n    «log-format» %ci\nfrontend f\n    bind :80\n    option tcplog\n    «option tcplog»\n    «option httpslog»\n");
    expect(found.map((p) => p.message)).toEqual([
      "'log-format' replaces the log format 'option httplog' sets on line 2; haproxy uses this last one (and warns)",
      "'option tcplog' repeats line 6 with the same value; remove one",
      "'option httpslog' replaces the log format 'option tcplog' sets on line 7; haproxy uses this last one",
    ]);
  });
});

describe("HA022 fixes", () => {
  it("removes a repeat of the same value, and offers to remove the line haproxy does without", () => {
    const applyFixes = (source: string, fixes: readonly Fix[]) => applyEdits(source, fixes.flatMap((fix) => fix.edits));
    const text = `global
    maxconn 100
    maxconn 200   # ignored
backend app
    mode http
    balance roundrobin
    mode http
    balance leastconn
    server a 10.0.0.1:80
`;
    const found = lintText("haproxy", text).filter((p) => p.ruleId === "HA022");
    expect(found.map((p) => [p.fix?.description, p.suggestions?.map((s) => s.description)])).toEqual([
      [undefined, ["remove this line"]],
      ["remove this line", undefined],
      [undefined, ["remove the earlier 'balance' (line 6), which haproxy overrides"]],
    ]);
    expect(applyFixes(text, found.flatMap((p) => (p.fix ? [p.fix] : [])))).toBe(text.replace("    mode http\n    balance leastconn", "    balance leastconn"));
    expect(applyFixes(text, [found[0]!.suggestions![0]!])).toBe(text.replace("    maxconn 200   # ignored\n", ""));
    expect(applyFixes(text, [found[2]!.suggestions![0]!])).toBe(text.replace("    balance roundrobin\n", ""));
  });

  it("removes the last line of a file that has no line break at its end", () => {
    const found = lintText("haproxy", "backend app\n    mode http\n    mode http").filter((p) => p.ruleId === "HA022");
    expect(found[0]!.fix?.edits).toEqual([{ start: 26, end: 39, newText: "" }]);
  });
});
