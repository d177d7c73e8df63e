// A site run's json report gives fixes and suggestions of several edits as one replacement, as a
// per-file run does: the site's texts reach the formatter.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cli = join(import.meta.dirname, "..", "..", "dist", "cli.js");

const HAPROXY = [
  "global",
  "    log stdout format raw local0",
  "defaults",
  "    mode http",
  "    timeout connect 5s",
  "    timeout client 30s",
  "    timeout server 30s",
  "frontend www",
  "    bind :80",
  "    use_backend app if { path_beg /api }",
  "    http-request deny if { path_beg /admin }",
  "    default_backend app",
  "backend app",
  "    server a 10.0.0.1:80",
  "",
].join("\n");

describe("json report of a site", () => {
  it("merges a suggestion of several edits into one replacement", () => {
    const site = mkdtempSync(join(tmpdir(), "lblint-site-json-"));
    for (const host of ["lb1", "lb2"]) {
      mkdirSync(join(site, host, "etc", "haproxy"), { recursive: true });
      writeFileSync(join(site, host, "etc", "haproxy", "haproxy.cfg"), HAPROXY);
    }
    const result = spawnSync(process.execPath, [cli, "--format", "json", site], { encoding: "utf8", input: "", timeout: 60_000 });
    const reports = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[] }[] }[];
    const moves = reports.flatMap((report) => report.messages.filter((message) => message.ruleId === "HA054"));
    expect(moves).toHaveLength(2);
    const start = HAPROXY.indexOf("    use_backend");
    const end = HAPROXY.indexOf("    default_backend");
    for (const move of moves) {
      expect(move.suggestions).toEqual([
        { desc: "move this rule above the use_backend on line 10", fix: { range: [start, end], text: "    http-request deny if { path_beg /admin }\n    use_backend app if { path_beg /api }\n" } },
      ]);
    }
  });
});
