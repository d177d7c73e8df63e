import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectHaproxy, lintText } from "./harness.js";

describe("HA023 no-bind", () => {
  it("accepts frontends and listens with a bind, also inside .if, and backends without one", () => {
    expectHaproxy(
      "HA023",
      `frontend www
    bind :80
listen stats
.if defined(STATS_PORT)
    bind "127.0.0.1:\${STATS_PORT}"
.else
    bind 127.0.0.1:8404
.endif
    stats enable
backend app
    server a 10.0.0.1:80
`,
    );
  });

  it("reports a frontend and a listen without bind, on the name", () => {
    const found = expectHaproxy("HA023", "frontend «www»\n    default_backend app\nlisten «db»\n    server d 10.0.0.2:5432\nbackend app\n    server a 10.0.0.1:80\n");
    expect(found.map((p) => p.message)).toEqual([
      "frontend 'www' has no 'bind' line, so it never receives a connection",
      "listen 'db' has no 'bind' line, so it never receives a connection; declare it as a backend if only other proxies should use it",
    ]);
  });

  it("reports a configuration in which nothing listens, on its first section (found by mutations)", () => {
    const found = expectHaproxy("HA023", "«global»\n    maxconn 100\ndefaults\n    mode http\nbackend app\n    server a 10.0.0.1:80\n");
    expect(found.map((p) => p.message)).toEqual([
      "no proxy of this configuration listens (no frontend or listen with a 'bind' line): haproxy -c exits 2 and haproxy will not start",
    ]);
    expectHaproxy("HA023", "global\n    maxconn 100\nlog-forward lf\n    dgram-bind 127.0.0.1:514\n    log 127.0.0.1:515 local0\n");
    expectHaproxy("HA023", "peers p\n    peer a 127.0.0.1:1024\nbackend app\n    server a 10.0.0.1:80\n");
  });

  it("does not report a configuration without proxies whose global section opens the CLI or runs master-worker (haproxy -c exits 0)", () => {
    expectHaproxy("HA023", "global\n    daemon\n    stats socket /run/lb/cli.sock mode 600 level admin\ndefaults\n    mode http\n    timeout client 10s\n");
    expectHaproxy("HA023", "global\n    stats socket ipv4@127.0.0.1:9999\n");
    expectHaproxy("HA023", "global\n    master-worker\ndefaults\n    mode tcp\nbackend db\n    server d 10.1.1.1:5432\n");
    const [found] = expectHaproxy("HA023", "«global»\n    stats timeout 30s\ndefaults\n    mode http\n");
    expect(found!.message).toContain("haproxy -c exits 2");
  });

  it("reports a configuration with no section at all (haproxy 2.6.12: \"no listener => exit(2)\"), but not a template", () => {
    const [found] = expectHaproxy("HA023", "«# every section was removed»\n\n# the end\n");
    expect(found!.message).toBe("this configuration has no section, so no proxy listens: haproxy -c exits 2 and haproxy will not start");
    expectHaproxy("HA023", "«»");
    expectHaproxy("HA023", "{% include 'proxies.cfg' %}\n");
  });
});

describe("HA023 suggestions", () => {
  const suggested = (text: string) =>
    lintText("haproxy", text)
      .filter((p) => p.ruleId === "HA023")
      .map((p) => (p.suggestions ?? []).map((s) => [s.description, applyEdits(text, s.edits)]));

  it("offers to declare a listen without bind as a backend when a backend takes all its lines", () => {
    const text = "frontend www\n    bind :80\n    default_backend app\nlisten app\n    balance roundrobin\n    server a 10.0.0.1:80\n";
    expect(suggested(text)).toEqual([[["declare it as a backend", text.replace("listen app", "backend app")]]]);
  });

  it("offers nothing when the listen holds frontend settings", () => {
    const text = "frontend www\n    bind :80\n    default_backend app\nlisten app\n    timeout client 5s\n    server a 10.0.0.1:80\n";
    expect(suggested(text)).toEqual([[]]);
  });
});
