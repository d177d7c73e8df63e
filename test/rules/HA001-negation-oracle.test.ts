// `no KEYWORD` for every keyword of the tables in the global, defaults, frontend, backend and fcgi-app
// sections at 2.6, through haproxy 2.6.12: lblint's HA001 reports the negation exactly when haproxy
// refuses it ("negation/default currently supported only for …", "negation/default is not supported
// for option …"). Other alerts (a keyword that needs more than `no`) are not compared.
// Lines go to haproxy twenty to a file, not one file each (a process per line was most of this test's
// time): each refusal names its line. Haproxy stops reading after 50 fatal errors, and `no disabled`
// ends the file at once, so a last line it cannot read proves it read them all; when it stopped early,
// the lines before the last it reported count, that one is asked alone, and the rest go in the next file.
// Skipped where haproxy is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { haproxyKeywordsIn } from "../../server/src/facts/haproxy.js";
import { lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

const HEADERS: Record<string, string> = {
  global: "global",
  defaults: "defaults",
  frontend: "frontend f\n    bind 127.0.0.1:18000",
  backend: "backend b",
  "fcgi-app": "fcgi-app php\n    docroot /var/www",
};

const SENTINEL = "zz-lblint-unknown-keyword";
const CHUNK = 20;

/** Asks haproxy about `lines` after `header`: for each line whether it refuses a negation there, and the index of the last line it reported on (lines.length when it read the sentinel after them). */
function ask(file: string, header: string, lines: readonly string[], sentinel: boolean): { refused: boolean[]; reached: number } {
  const first = header.split("\n").length + 1;
  writeFileSync(file, `${header}\n${lines.map((line) => `    ${line}\n`).join("")}${sentinel ? `    ${SENTINEL}\n` : ""}`);
  const run = haproxyCheck(file, { timeout: 20_000 });
  const refused = lines.map(() => false);
  let reached = -1;
  // split on the alert tag, not on line ends: the alert for `no acl` ends without one
  for (const alert of `${run.stdout}${run.stderr}`.split(/(?=\[ALERT\])/)) {
    const at = /parsing \[[^\]]*:(\d+)\]/.exec(alert);
    if (!at) continue;
    const index = Number(at[1]) - first;
    reached = Math.max(reached, index);
    if (index < lines.length && /negation\/default/.test(alert)) refused[index] = true;
  }
  return { refused, reached };
}

/** Whether haproxy refuses the negation on each of `lines`, each read as if alone in the section. */
function refusedNegations(file: string, header: string, lines: readonly string[]): boolean[] {
  const result: boolean[] = [];
  while (result.length < lines.length) {
    const chunk = lines.slice(result.length, result.length + CHUNK);
    const { refused, reached } = ask(file, header, chunk, true);
    if (reached >= chunk.length) {
      result.push(...refused);
      continue;
    }
    const stop = Math.max(reached, 0);
    result.push(...refused.slice(0, stop), ask(file, header, [chunk[stop]!], false).refused[0]!);
  }
  return result;
}

describe("HA001 'no' before a keyword, against haproxy 2.6.12", () => {
  it.runIf(installed)("reports a negation exactly where haproxy refuses it", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ha001-no-")), "t.cfg");
    const wrong: string[] = [];
    let asked = 0;
    for (const [section, header] of Object.entries(HEADERS)) {
      // `.if`-style directives and the section keywords themselves are not statements of the section
      const keywords = haproxyKeywordsIn(section, "2.6").map((k) => k.name).filter((name) => /^[a-z]/.test(name));
      const refusals = refusedNegations(file, header, keywords.map((name) => `no ${name}`));
      keywords.forEach((name, i) => {
        const reported = lintText("haproxy", `${header}\n    no ${name}\n`, { haproxyVersion: "2.6" }).some((p) => p.ruleId === "HA001" && p.severity === "error" && /only before|cannot turn/.test(p.message));
        asked++;
        if (refusals[i] !== reported) wrong.push(`${section}: no ${name}: haproxy ${refusals[i] ? "refuses" : "accepts"} the negation, lblint ${reported ? "reports" : "says nothing"}`);
      });
    }
    expect(asked).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
  });
});
