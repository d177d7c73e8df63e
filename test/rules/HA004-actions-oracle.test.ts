// Rule actions whose words haproxy 2.6.12 reads itself (variable names and set-var conditions,
// log levels, auth's realm, a redirect's type, normalize-uri, set-timeout, strict-mode, use-service, stick counter numbers):
// each line, alone in a frontend or a backend, through haproxy 2.6.12 (one file per line: haproxy
// stops at the first refused line). lblint (HA004) reports an error on the line exactly when
// haproxy refuses it. Skipped where haproxy is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectHaproxy, lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

/** [where, line]: `fe` puts the line in a frontend, `be` in a backend. */
const CASES: readonly (readonly ["fe" | "be" | "global", string])[] = [
  ["fe", "http-request set-var(txn.a-b) str(a)"],
  ["fe", "http-request set-var(TXN.x) str(a)"],
  ["fe", "http-request set-var(txn.) str(a)"],
  ["fe", "http-request set-var(txn) str(a)"],
  ["fe", "http-request set-var(txn.x_1.y) str(a)"],
  ["fe", "http-request set-var(check.x) str(a)"],
  ["fe", "http-request set-var(proc.x,ifexists,ifnotempty) str(a)"],
  ["fe", "http-request set-var(txn.x,bogus) str(a)"],
  ["fe", "http-request set-var-fmt(foo.x) abc"],
  ["fe", "http-request set-var-fmt(txn.x) abc"],
  ["fe", "http-request unset-var(foo.x)"],
  ["fe", "http-request set-header X %[var(foo.x)]"],
  ["fe", "http-request set-var(txn.y) var(foo.x)"],
  ["fe", "http-request set-var(txn.y) str(a),set-var(foo.z)"],
  ["fe", "http-request set-var(txn.y) str(a),unset-var(txn.z)"],
  ["fe", "tcp-request content set-var(foo.x) str(a)"],
  ["fe", "tcp-request connection set-var(sess.x) src"],
  ["fe", "http-request set-log-level Info"],
  ["fe", "http-request set-log-level silent"],
  ["fe", "tcp-request content set-log-level bogus"],
  ["fe", "http-request auth bogus"],
  ["fe", "http-request auth realm x"],
  ["fe", "http-request auth"],
  ["fe", "http-request redirect drop-query"],
  ["fe", "http-request redirect scheme https"],
  ["fe", "redirect code 301"],
  ["fe", "redirect prefix /x code 301"],
  ["fe", "http-request normalize-uri path-merge-slashes"],
  ["global", "tune.fd.edge-triggered on"],
  ["be", "http-request set-timeout server abc"],
  ["be", "http-request set-timeout client 5s"],
  ["be", "http-request set-timeout server 0"],
  ["be", "http-request set-timeout tunnel 5s"],
  ["fe", "http-request set-timeout server 5s"],
  ["fe", "http-request sc-inc-gpc0(3)"],
  ["fe", "http-request sc-inc-gpc0(2)"],
  ["fe", "http-request sc-set-gpt0(3) 1"],
  ["fe", "http-request sc-inc-gpc(0,3)"],
  ["fe", "tcp-request content sc-inc-gpc1(5)"],
  ["fe", "http-request auth realm X zzbogus"],
  ["fe", "http-request auth realm"],
  ["fe", "http-request auth realm X if TRUE"],
  ["fe", "http-response set-status 200 zzbogus"],
  ["fe", "http-response set-status 200 reason X zzbogus"],
  ["fe", "http-response set-status 200 reason X"],
  ["fe", "http-after-response set-status 101 when"],
  ["fe", "http-response strict-mode off zzbogus"],
  ["fe", "http-request strict-mode on if TRUE"],
  ["fe", "http-request strict-mode maybe"],
  ["fe", "http-request use-service prometheus-exporter if { path /metrics }"],
  ["fe", "http-request use-service prometheus_exporter"],
  ["fe", "tcp-request content use-service nosuch"],
  ["fe", "http-response strict-mode Off"],
  ["fe", "http-response del-header X zzbogus"],
  ["fe", "http-response del-header X -m str if TRUE"],
  ["fe", "http-response del-header -m sub sub"],
  ["fe", "http-response capture res.hdr(X) len 32"],
  ["fe", "http-after-response capture res.hdr(X) len 32"],
  ["fe", "http-request capture req.hdr(X) len 32"],
  ["fe", "http-request silent-drop zzbogus"],
  ["fe", "http-request set-var(txn.x) +5"],
  ["fe", "http-request sc-set-gpt0(0) +5"],
  ["fe", "tcp-request content silent-drop zzbogus"],
  ["fe", "http-request silent-drop if TRUE"],
  // A sweep of value forms (docs/agreement.md): numbers as strtol()/strtoul() read them, into an int.
  ["fe", "http-response set-status +200"],
  ["fe", "http-response set-status 4294967496"],
  ["fe", "http-response set-status 200abc"],
  ["fe", "http-request set-mark 0x1F"],
  ["fe", "http-request set-mark 08"],
  ["fe", "http-request set-tos 5abc"],
  ["fe", "tcp-request content set-mark -0x1"],
  ["fe", "http-request sc-inc-gpc0(4294967296)"],
  ["fe", "http-request sc-inc-gpc0(-1)"],
  ["fe", "http-request sc-inc-gpc0(1abc)"],
  ["fe", "http-request sc-inc-gpc(0x1,0)"],
  ["fe", "http-request sc-inc-gpc(0,1,)"],
  ["fe", "http-request sc-set-gpt0(0) 1abc"],
  ["fe", "http-request sc-set-gpt0(0) -1"],
  ["fe", "http-request set-priority-class -5"],
  ["fe", "http-request capture req.hdr(x) len 2147483648"],
  ["fe", "http-request capture req.hdr(x) len 4294967297"],
  ["be", "http-request set-timeout server 2147483648"],
  ["be", "http-request set-timeout server 5s x"],
];

function config(where: "fe" | "be" | "global", line: string): { text: string; line: number } {
  const head = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
  if (where === "global") return { text: `global\n    ${line}\n${head}frontend f\n    bind 127.0.0.1:18080\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`, line: 1 };
  if (where === "fe") return { text: `${head}frontend f\n    bind 127.0.0.1:18080\n    ${line}\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`, line: 7 };
  return { text: `${head}frontend f\n    bind 127.0.0.1:18080\n    default_backend b\nbackend b\n    ${line}\n    server s 127.0.0.1:80\n`, line: 9 };
}

describe("HA004 action words", () => {
  it("reports on the word haproxy trips over", () => {
    const [name] = expectHaproxy("HA004", "frontend f\n    bind :80\n    http-request set-var(«foo.x») str(a)\n    http-request set-header X %[var(«txn.a-b»)]\n");
    expect(name!.message).toBe("'foo.x' is not a variable name: it starts with its scope (proc, sess, txn, req, res, check), a dot and a name; haproxy refuses the line");
    const [counter] = expectHaproxy("HA004", "frontend f\n    bind :80\n    http-request sc-inc-gpc(0,«3»)\n", { haproxyVersion: "2.6" });
    expect(counter!.message).toBe("haproxy 2.6 tracks 3 stick counters (0 to 2), not 3; it refuses the line");
    expectHaproxy("HA004", "backend b\n    http-request set-timeout «client» 5s\n", { haproxyVersion: "2.6" });
  });

  it("takes what later versions take: the client timeout in a frontend, more counters after tune.stick-counters", () => {
    // Measured on 3.0.11 and 3.2.26: `set-timeout client` needs a frontend, and sc-inc-gpc0(5) needs tune.stick-counters 6 or more.
    expectHaproxy("HA004", "global\n    tune.stick-counters 6\nfrontend f\n    bind :80\n    http-request set-timeout client req.hdr(x),map_int(t)\n    http-request sc-inc-gpc0(5)\n", { haproxyVersion: "3.4" });
  });

  it("accepts normalize-uri after expose-experimental-directives", () => {
    expectHaproxy("HA004", "global\n    expose-experimental-directives\nfrontend f\n    bind :80\n    http-request normalize-uri path-merge-slashes\n");
    expectHaproxy("HA004", "frontend f\n    bind :80\n    http-request «normalize-uri» path-merge-slashes\nglobal\n    expose-experimental-directives\n");
  });

  it("reports tune.fd.edge-triggered and (3.4) attach-srv before expose-experimental-directives, as normalize-uri", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    bind :80\n    tcp-request session «attach-srv» b/s\nglobal\n    «tune.fd.edge-triggered» on\n    expose-experimental-directives\n    tune.fd.edge-triggered off\n",
      { haproxyVersion: "3.4" },
    );
    expect(found.map((p) => p.message)).toEqual(
      ["attach-srv", "tune.fd.edge-triggered"].map((name) => `'${name}' is experimental: haproxy refuses it unless 'expose-experimental-directives' comes first, in the global section`),
    );
  });

  it.runIf(installed)("agrees with haproxy 2.6.12 on every case", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha004-actions-"));
    const file = join(dir, "t.cfg");
    const wrong: string[] = [];
    for (const [where, rule] of CASES) {
      const { text, line } = config(where, rule);
      writeFileSync(file, text);
      const refused = haproxyCheck(file, { timeout: 20_000 }).status !== 0;
      const errors = lintText("haproxy", text, { haproxyVersion: "2.6" }).filter((p) => p.severity === "error" && p.range.start.line === line);
      if (refused !== errors.length > 0) wrong.push(`${where} '${rule}': haproxy ${refused ? "refuses" : "accepts"} it, lblint ${errors.map((p) => `${p.ruleId} ${p.message}`).join("; ") || "no error"}`);
    }
    expect(wrong).toEqual([]);
  });
});
