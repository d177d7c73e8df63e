// Every bind and server option that takes a value, given wrong values ("abc", "-5", "0", "1x", a
// list with one wrong item), each on its own line of its own proxy, through haproxy 2.6.12: lblint
// reports an error on exactly the lines haproxy refuses (option-values.ts, numbers.ts, HA007). A few
// options are not judged, for the reasons below. Skipped where haproxy is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { haproxySchema } from "../../server/src/facts/haproxy.js";
// @ts-expect-error: a plain script of the repository, without types
import { runHaproxy } from "../../scripts/oracle/haproxy-lines.mjs";
import { lintText } from "./harness.js";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

/** Options whose values lblint does not judge, and why. */
const NOT_JUDGED: Readonly<Record<string, string>> = {
  "bind group": "a group of the machine",
  "bind user": "a user of the machine",
  "bind mss": "a signed segment size",
  "bind process": "process and thread sets",
  "bind thread": "process and thread sets",
  // Judged up to the highest id, which depends on the OpenSSL haproxy is built with (HA004-sweeps.test.ts).
  "bind ca-ignore-err": "lists of OpenSSL error ids",
  "bind crt-ignore-err": "lists of OpenSSL error ids",
  "server addr": "an address or name",
  "server agent-addr": "an address or name",
  "server socks4": "an address and port",
  "server source": "an address with options",
  "server resolve-net": "a list of networks",
  "server sni": "a sample expression",
  "bind ca-file": "a file of the machine",
  "bind ca-verify-file": "a file of the machine",
  "bind crl-file": "a file of the machine",
  "bind crt": "a file of the machine",
  "bind crt-list": "a file of the machine",
  "bind tls-ticket-keys": "a file of the machine",
  "bind namespace": "a namespace of the machine",
  "server ca-file": "a file of the machine",
  "server crl-file": "a file of the machine",
  "server crt": "a file of the machine",
  "server namespace": "a namespace of the machine",
  // References are resolved after parsing, which haproxy skips once a line is refused: HA019 and
  // HA017 have tests of their own.
  "server resolvers": "a reference, checked after parsing",
  "server track": "a reference, checked after parsing",
};

// Also numbers past 32 and 64 bits, times past the timers' limit or with more after the unit, lists
// ending with a comma (a sweep of value forms, docs/agreement.md).
const VALUES = ["abc", "-5", "0", "1x", "libc,foo", "70000", "4294967296", "99999999999999999999", "2147483648", "25d", "5sec", "libc,", "by-thread"];

describe.runIf(installed)("bind and server option values against haproxy 2.6.12", () => {
  it("are errors exactly where haproxy refuses them", () => {
    const schema = haproxySchema();
    const options: { kind: "bind" | "server"; name: string }[] = [];
    for (const [kind, list] of [["bind", schema.bindOptions], ["server", schema.serverOptions]] as const) {
      for (const option of list) if ((option.args?.min ?? 0) >= 1 && !option.availability?.since && !NOT_JUDGED[`${kind} ${option.name}`]) options.push({ kind, name: option.name });
    }
    expect(options.length).toBeGreaterThan(60);
    const dir = mkdtempSync(join(tmpdir(), "lblint-options-"));
    const wrong: string[] = [];
    for (const value of VALUES) {
      // One listen section per option, all in one file: haproxy reports each line it refuses.
      const lines = ["defaults", "    mode http", "    timeout connect 5s", "    timeout client 5s", "    timeout server 5s"];
      const at: number[] = [];
      options.forEach(({ kind, name }, n) => {
        lines.push(`listen l${n}`);
        at.push(lines.length);
        lines.push(kind === "server" ? `    server s 127.0.0.1:80 ${name} ${value}` : `    bind 127.0.0.1:${20000 + n} ${name} ${value}`);
        lines.push(kind === "server" ? `    bind 127.0.0.1:${20000 + n}` : "    server s 127.0.0.1:80");
      });
      const text = lines.join("\n") + "\n";
      const file = join(dir, "options.cfg");
      writeFileSync(file, text);
      const refused = new Set((runHaproxy(file) as { level: string; line?: number }[]).filter((m) => m.level === "ALERT" && m.line !== undefined).map((m) => m.line! - 1));
      const errors = new Set(lintText("haproxy", text, { haproxyVersion: "2.6" }).filter((p) => p.severity === "error").map((p) => p.range.start.line));
      options.forEach(({ kind, name }, n) => {
        if (refused.has(at[n]!) !== errors.has(at[n]!)) wrong.push(`${kind} ${name} ${value}: haproxy ${refused.has(at[n]!) ? "refuses" : "accepts"}, lblint ${errors.has(at[n]!) ? "refuses" : "accepts"}`);
      });
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
