// The mutation rounds' keepalived cases, asked of keepalived 2.2.7 (and 2.3.3 where it is installed):
// each message keepalived gives should meet a finding of the rule named, on the line keepalived names
// (anywhere, for a message that names no line); each file keepalived reads without a word should get
// no error from the rule named. Skipped where keepalived is not installed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { lintText } from "./harness.js";

const installed = spawnSync("keepalived", ["-v"]).error === undefined;
const DAEMONS = ["keepalived", ...(existsSync("/usr/local/bin/keepalived23") ? ["/usr/local/bin/keepalived23"] : [])];

/** Rule, file, keepalived's message (its first group, when it has one, the line number). */
export type MessageCase = readonly [string, string, RegExp];
/** Rule and a file keepalived reads without a word: the rule may warn, never give an error. */
export type QuietCase = readonly [string, string];

// keepalived 2.3.3 prints its message for some files and then never ends (the sixteenth round's
// SMTP_CHECK host block with an IPv6 bindto: still running after minutes). `timeout` ends the daemon
// itself; the spawn's own timeout ended `sh` only and left the daemon running after the suite.
const run = (daemon: string, file: string) =>
  spawnSync("sh", ["-c", 'timeout -k 1 5 "$1" -t -f "$2" -l -D 2>&1 | cat', "sh", daemon, file], { encoding: "utf8", timeout: 20_000 }).stdout;

/** The two tests of a round's cases, in the current `describe`. */
export function keepalivedRoundTests(round: string, cases: readonly MessageCase[], quiet: readonly QuietCase[]): void {
  it.runIf(installed)("are reported by the rule named, on the line keepalived names", () => {
    const file = join(mkdtempSync(join(tmpdir(), `lblint-ka-${round}-`)), "keepalived.conf");
    const wrong: string[] = [];
    for (const [rule, text, said] of cases) {
      writeFileSync(file, text);
      for (const daemon of DAEMONS) {
        const match = said.exec(run(daemon, file));
        const line = match?.[1] === undefined ? undefined : Number(match[1]) - 1;
        const found = lintText("keepalived", text, { keepalivedVersion: "2.2" }).filter((p) => p.ruleId === rule && (line === undefined || (p.range.start.line <= line && line <= p.range.end.line)));
        if (!match || found.length === 0) wrong.push(`${rule} ${said.source.slice(0, 60)}: ${daemon} ${match ? `says it${line === undefined ? "" : ` on line ${line + 1}`}` : "is quiet"}, lblint ${found.length} ${rule} there`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.runIf(installed)("draw no error where keepalived says nothing", () => {
    const file = join(mkdtempSync(join(tmpdir(), `lblint-ka-${round}-`)), "keepalived.conf");
    const wrong: string[] = [];
    for (const [rule, text] of quiet) {
      writeFileSync(file, text);
      for (const daemon of DAEMONS) {
        const out = run(daemon, file).trim();
        const errors = lintText("keepalived", text, { keepalivedVersion: "2.2" }).filter((p) => p.ruleId === rule && p.severity === "error");
        if (out !== "" || errors.length > 0) wrong.push(`${rule} ${text.split("\n")[1]?.trim()}: ${daemon} says '${out.split("\n")[0]}', lblint ${errors.length} ${rule} errors`);
      }
    }
    expect(wrong).toEqual([]);
  });
}
