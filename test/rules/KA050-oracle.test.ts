// A tracker or check whose one needed line has no value: keepalived 2.2.7 drops it as if the line
// were missing ("No script set for vrrp_script chk - removing", "No file set for track_file",
// "No script path has been specified for MISC_CHECKER"), on the line lblint reports through.
// Skipped where keepalived is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";

const installed = spawnSync("keepalived", ["-v"]).error === undefined;

const CASES: readonly (readonly [string, RegExp])[] = [
  ["vrrp_script chk {\n    script\n    interval 2\n}\n", /Line (\d+)\) No script set for vrrp_script chk/],
  ["vrrp_track_file f {\n    file\n}\n", /Line (\d+)\) No file set for track_file f/],
  ["virtual_server 10.0.0.1 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n    real_server 10.0.0.2 80 {\n        MISC_CHECK {\n            misc_path\n        }\n    }\n}\n", /Line (\d+)\) No script path has been specified for MISC_CHECKER/],
];

describe("KA050 a needed line without its value, against keepalived 2.2.7", () => {
  it.runIf(installed)("is reported through the line keepalived names", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ka050-")), "keepalived.conf");
    const wrong: string[] = [];
    for (const [text, said] of CASES) {
      writeFileSync(file, text);
      const out = spawnSync("sh", ["-c", 'keepalived -t -f "$1" -l -D 2>&1 | cat', "sh", file], { encoding: "utf8", timeout: 20_000 }).stdout;
      const line = Number(said.exec(out)?.[1] ?? NaN) - 1;
      const found = lintText("keepalived", text, { keepalivedVersion: "2.2" }).filter((p) => p.ruleId === "KA050" && p.range.start.line <= line && line <= p.range.end.line);
      if (Number.isNaN(line) || found.length !== 1) wrong.push(`${text.split("\n")[0]}: keepalived ${Number.isNaN(line) ? "is quiet" : `names line ${line + 1}`}, lblint ${found.length} KA050 there`);
    }
    expect(wrong).toEqual([]);
  });
});
