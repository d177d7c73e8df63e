// The fifteenth mutation round's HA004 cases (docs/agreement.md, "Fifteenth round, haproxy"): a `cookie`
// attribute with a ';' or a control character, and a proxy's `stats http-request` rules beside its `stats
// auth` or `stats realm` (round13-cases.ts asks haproxy 2.6.12, 3.0.11 and 3.2.26 again); and the warning
// for email alerts that haproxy ignores.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";
import { lintText } from "./harness.js";
import { round13Cases } from "./round13-cases.js";

const HEAD = (mode: string, extra = "") => `defaults\n    mode ${mode}\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n${extra}`;
const TAIL = "backend b\n    server s 127.0.0.1:80\n";

round13Cases("the fifteenth mutation round's cookie attributes and stats rules", [
  { line: "cookie SERVERID insert attr a;b", refused: "HA004" },
  { line: "cookie SERVERID insert attr SameSite=Strict;Secure", refused: "HA004" },
  { line: "cookie SERVERID insert attr a\\x01", refused: "HA004" },
  { line: "cookie SERVERID insert attr SameSite=Strict attr Secure" },
  { line: 'cookie SERVERID insert attr "a b"' },
  { line: "stats auth admin:secret\n    stats http-request deny", refused: "HA004" },
  { line: "stats http-request allow if TRUE\n    stats realm Stats", refused: "HA004" },
  { line: "stats http-request deny (mode tcp)", file: `${HEAD("tcp")}frontend f\n    bind :8080\n    stats auth admin:secret\n    stats http-request deny\n    default_backend b\n${TAIL}`, refused: "HA004" },
  { line: "stats http-request deny, auth in defaults", file: `${HEAD("http", "    stats auth admin:secret\n")}frontend f\n    bind :8080\n    stats http-request deny\n    default_backend b\n${TAIL}` },
  { line: "stats http-request auth realm Stats" },
  { line: "stats auth admin:secret\n    stats enable" },
]);

// Email alerts without `from`, `mailers` or `to` (their own or their defaults'): haproxy ignores them with
// a warning ("'email-alert' will be ignored for backend 'b' …"); lblint warns where it does, and asks the
// installed daemons again.
const ALERTS = (defaults: string, backend: string) => `${HEAD("http", defaults)}backend b\n${backend}    server s 127.0.0.1:80\nfrontend f\n    bind :8080\n    default_backend b\nmailers m\n    mailer smtp1 127.0.0.1:25\n`;
const alertCases: readonly { readonly name: string; readonly file: string; readonly ignored: boolean }[] = [
  { name: "to alone", file: ALERTS("", "    email-alert to ops@example.com\n"), ignored: true },
  { name: "mailers and from", file: ALERTS("", "    email-alert mailers m\n    email-alert from haproxy@example.com\n"), ignored: true },
  { name: "level alone", file: ALERTS("", "    email-alert level alert\n"), ignored: true },
  { name: "all three", file: ALERTS("", "    email-alert mailers m\n    email-alert from haproxy@example.com\n    email-alert to ops@example.com\n"), ignored: false },
  { name: "all three through defaults", file: ALERTS("    email-alert mailers m\n    email-alert from haproxy@example.com\n", "    email-alert to ops@example.com\n"), ignored: true },
  { name: "none", file: ALERTS("", ""), ignored: false },
];

describe("the fifteenth mutation round's incomplete email alerts", () => {
  it("get HA004's warning exactly where haproxy ignores them", () => {
    const wrong = alertCases.filter((c) => lintText("haproxy", c.file, { haproxyVersion: "2.6" }).some((p) => p.ruleId === "HA004" && p.severity === "warning" && p.message.includes("email alerts")) !== c.ignored);
    expect(wrong.map((c) => c.name)).toEqual([]);
  });
  const daemons = ["haproxy", "haproxy30", "haproxy32"].filter((name) => spawnSync(name, ["-v"]).error === undefined);
  it.runIf(daemons.length > 0)("are ignored by every installed release exactly where the table says", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-round15-")), "c.cfg");
    const wrong: string[] = [];
    for (const c of alertCases) {
      writeFileSync(file, c.file);
      for (const daemon of daemons) {
        const run = haproxyCheck(file, { binary: daemon });
        if (run.status !== 0 || /will be ignored/.test(`${run.stdout}${run.stderr}`) !== c.ignored) wrong.push(`${daemon}: ${c.name}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);
});
