import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectHaproxy, lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

describe("HA076 fetch-direction", () => {
  it("accepts fetches of the rule's own side and those read on both", () => {
    expectHaproxy(
      "HA076",
      `frontend f
    bind :80
    http-request set-var(txn.host) req.hdr(host) if { path /a }
    http-response set-header X-Host %[var(txn.host)] if { status 200 }
    http-response set-var(txn.m) method
    http-response set-header X-H %[hdr(x)]
    http-response set-header X-C %[capture.req.hdr(0)]
    tcp-request content set-var(txn.l) req.len
`,
    );
  });

  it("reports a request fetch in a response rule and the reverse; in a condition only a warning (found by mutations)", () => {
    const found = expectHaproxy(
      "HA076",
      `frontend f
    bind :80
    http-response set-header X-Host %[«req.hdr»(host)]
    http-after-response set-var(txn.p) «path»
    http-request set-var(txn.s) «status»
    http-response set-header X-A b if { «path» /a }
`,
    );
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "error 'http-response' rules run on the response, and 'req.hdr' reads the request, which is not available there; haproxy refuses it (keep the value in a variable during the request: http-request set-var(txn.x))",
      "error 'http-after-response' rules run on the response, and 'path' reads the request, which is not available there; haproxy refuses it (keep the value in a variable during the request: http-request set-var(txn.x))",
      "error 'http-request' rules run on the request, and 'status' reads the response, which is not available there; haproxy refuses it",
      "warning 'http-response' rules run on the response, and 'path' reads the request, which is not available there: the condition never matches (keep the value in a variable during the request: http-request set-var(txn.x))",
    ]);
  });
});

describe("HA076 at 2.6: where haproxy 2.6.12's dump lets each fetch be used", () => {
  const CONTEXTS: readonly (readonly [string, string])[] = [
    ["frontend", "http-request"],
    ["backend", "http-request"],
    ["listen", "http-request"],
    ["frontend", "http-response"],
    ["frontend", "tcp-request connection"],
    ["backend", "tcp-response content"],
  ];
  const FETCHES = ["ssl_bc_alpn", "srv_id", "be_id", "ssl_fc_sni", "fe_id", "bc_http_major"];
  const text = (section: string, rule: string, fetch: string) =>
    `defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n${section} x\n${section === "backend" ? "" : "    bind 127.0.0.1:18080\n"}    ${rule} set-var(txn.v) ${fetch}\n${section === "frontend" ? "" : "    server s 127.0.0.1:80\n"}`;

  it("reports a backend-side fetch in a frontend's request rule, on the fetch", () => {
    const [found] = expectHaproxy("HA076", "frontend f\n    bind :80\n    http-request set-var(txn.s) «srv_id»\n    http-request set-var(txn.f) fe_id\nlisten l\n    bind :81\n    http-request set-var(txn.b) be_id\n", { haproxyVersion: "2.6" });
    expect(found!.message).toBe("haproxy does not let 'srv_id' be used in the http-request rules of a frontend: what it reads is not available there; haproxy refuses it");
    // 3.0.11 and 3.2.26 refuse it alike ("extracts information from 'server', none of which is available here"), and their dumps give every fetch 2.6 has the same places.
    expectHaproxy("HA076", "frontend f\n    bind :80\n    http-request set-var(txn.s) «srv_id»\n", { haproxyVersion: "3.4" });
    expectHaproxy("HA076", "frontend f\n    bind :80\n    http-request set-var(txn.s) «srv_id»\n", { haproxyVersion: "3.0" });
  });

  it("holds use_backend rules to the frontend's use-backend column: a warning in a condition, an error in a name", () => {
    const found = expectHaproxy("HA076", "frontend f\n    bind :80\n    use_backend b if { «srv_id» 1 }\n    use_backend %[«srv_name»]\n    use_backend %[req.hdr(host)]\nbackend b\n    server s 127.0.0.1:80\n", { haproxyVersion: "2.6" });
    expect(found.map((p) => p.severity)).toEqual(["warning", "error"]);
  });

  it.runIf(spawnSync("haproxy", ["-v"]).error === undefined)("agrees with haproxy 2.6.12 on a sample of contexts and fetches", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ha076-")), "t.cfg");
    const wrong: string[] = [];
    for (const [section, rule] of CONTEXTS) {
      for (const fetch of FETCHES) {
        const config = text(section, rule, fetch);
        writeFileSync(file, config);
        // An alert on the rule's own line (a backend alone also gets exit status 2: nothing listens).
        const line = config.split("\n").findIndex((text) => text.includes("set-var(txn.v)")) + 1;
        const run = haproxyCheck(file, { args: ["-dr"] });
        const refused = `${run.stdout}${run.stderr}`.split("\n").some((text) => text.includes("ALERT") && text.includes(`t.cfg:${line}]`));
        const flagged = lintText("haproxy", config, { haproxyVersion: "2.6" }).some((p) => p.ruleId === "HA076" && p.severity === "error");
        if (refused !== flagged) wrong.push(`${section} ${rule} ${fetch}: haproxy ${refused ? "refuses" : "accepts"}, lblint ${flagged ? "flags" : "is silent"}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("warns at a named ACL whose every definition reads what the rule cannot see", () => {
    const head = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
    const found = expectHaproxy(
      "HA076",
      `${head}frontend f\n    bind :80\n    acl ok status 200\n    acl host hdr(host) -i a.example\n    http-request deny if «ok»\n    http-request deny if host\n    default_backend b\nbackend b\n    acl api path_beg /api\n    acl mixed path_beg /x\n    acl mixed status 200\n    http-response set-header X 1 if «api» mixed\n    server s 10.0.0.1:80\n`,
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "acl 'ok' never matches in the http-request rules of a frontend: it reads 'status', which is not available there"],
      ["warning", "acl 'api' never matches in the http-response rules of a backend: it reads 'path_beg', which is not available there"],
    ]);
  });
});
