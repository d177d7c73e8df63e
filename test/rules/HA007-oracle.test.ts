// Every bind and server option that takes a value, written last on its line without one, through
// haproxy 2.6.12: lblint reports an error exactly where haproxy refuses the line (a warning, at
// most, where haproxy accepts it: it reads a missing number as 0, or takes `init-addr` alone as if
// it were not written). Skipped where haproxy is not installed (CI installs it).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { haproxySchema } from "../../server/src/facts/haproxy.js";
import { lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

function config(kind: "bind" | "server", option: string): { text: string; line: number } {
  const lines = ["defaults", "    mode http", "    timeout connect 5s", "    timeout client 5s", "    timeout server 5s", "", "listen l"];
  lines.push(kind === "server" ? `    server s 127.0.0.1:80 ${option}` : `    bind 127.0.0.1:18080 ${option}`);
  lines.push(kind === "server" ? "    bind 127.0.0.1:18081" : "    server s 127.0.0.1:80");
  return { text: lines.join("\n") + "\n", line: 7 };
}

describe.runIf(installed)("bind and server options without their value, against haproxy 2.6.12", () => {
  it("are errors exactly where haproxy refuses them", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha007-"));
    const schema = haproxySchema();
    const wrong: string[] = [];
    let tried = 0;
    for (const [kind, options] of [["bind", schema.bindOptions], ["server", schema.serverOptions]] as const) {
      for (const option of options) {
        if ((option.args?.min ?? 0) < 1 || (option.availability?.since !== undefined && option.availability.since > "2.6")) continue;
        const { text, line } = config(kind, option.name);
        const file = join(dir, "t.cfg");
        writeFileSync(file, text);
        const run = haproxyCheck(file, { timeout: 20_000 });
        // Lines haproxy 2.6 does not know at all (built without QUIC, …) tell nothing here.
        if (/unknown keyword|not supported|not implemented/i.test(run.stderr + run.stdout)) continue;
        tried++;
        const refused = run.status !== 0;
        const errors = lintText("haproxy", text, { haproxyVersion: "2.6" }).filter((p) => p.range.start.line === line && p.severity === "error");
        if (refused !== errors.length > 0) wrong.push(`${kind} ${option.name}: haproxy ${refused ? "refuses" : "accepts"} it, lblint ${errors.map((p) => p.message).join("; ") || "no error"}`);
      }
    }
    expect(tried).toBeGreaterThan(80);
    expect(wrong).toEqual([]);
  }, 120_000);
});
