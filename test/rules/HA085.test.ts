import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectHaproxy, lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const DEFAULTS = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n";
const BACKEND = "backend app\n    server a 10.0.0.1:80\n";

describe("HA085 converter-input", () => {
  it("says nothing where haproxy casts the value, or where its type is not known", () => {
    expectHaproxy(
      "HA085",
      `${DEFAULTS}frontend www
    bind :80
    acl odd_port dst_port,odd -m bool
    acl local src,ipmask(24) 10.0.0.0/24
    http-request set-var(txn.a) ipv4(10.0.0.1),not
    http-request set-var(txn.b) path,sha1,hex,lower
    http-request set-var(txn.c) req.body,length,add(1)
    http-request set-var(txn.d) var(txn.x),add(1)
    http-request set-var(txn.e) method,lower
    http-request set-header X-H %[req.hdr(x),ipmask(16)]
    http-request deny if odd_port local
    default_backend app
${BACKEND}`,
    );
  });

  it("reports a converter after a method, binary data, a boolean or an IPv6 address it cannot take", () => {
    const found = expectHaproxy(
      "HA085",
      `${DEFAULTS}frontend www
    bind :80
    acl m method,«not» -m bool
    http-request set-var(txn.a) req.body,«add»(1)
    http-request set-var(txn.b) always_true,«ipmask»(24)
    http-request set-var(txn.c) ipv6(::1),«mul»(2)
    http-request set-header X-H %[path,sha1,«odd»]
    http-request deny if m
    default_backend app
${BACKEND}`,
    );
    expect(found[0]!.message).toBe("converter 'not' takes an integer, and sample fetch 'method' gives an HTTP method, which haproxy cannot cast to it: haproxy refuses the line");
    expect(found[4]!.message).toContain("converter 'sha1' gives binary data");
  });
});

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

describe.runIf(installed)("HA085 against haproxy 2.6.12", () => {
  // One fetch of each type before one converter of each input type: lblint reports exactly the pairs haproxy refuses.
  const FETCHES = ["always_true", "dst_port", "src", "ipv6(::1)", "path", "req.body", "method", "var(txn.x)", "path,sha1"];
  const CONVERTERS = ["not", "add(1)", "ipmask(24)", "sha1", "lower", "json(utf8)"];

  it("reports exactly the pairs haproxy refuses", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha085-"));
    const file = join(dir, "t.cfg");
    const wrong: string[] = [];
    for (const fetch of FETCHES) {
      for (const converter of CONVERTERS) {
        const text = `${DEFAULTS}frontend www\n    bind 127.0.0.1:18080\n    http-request set-var(txn.y) ${fetch},${converter}\n    default_backend app\n${BACKEND}`;
        writeFileSync(file, text);
        const run = haproxyCheck(file, { timeout: 20_000 });
        const refused = `${run.stdout}${run.stderr}`.includes("cannot be applied");
        const reported = lintText("haproxy", text, { haproxyVersion: "2.6" }).some((p) => p.ruleId === "HA085");
        if (refused !== reported) wrong.push(`${fetch},${converter}: haproxy ${refused ? "refuses" : "accepts"}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
