// `no KEYWORD` for every keyword of the tables in the global, defaults, frontend, backend and fcgi-app
// sections at 2.6, each alone in a file, through haproxy 2.6.12: lblint's HA001 reports the negation
// exactly when haproxy refuses it ("negation/default currently supported only for …", "negation/default
// is not supported for option …"). Other alerts (a keyword that needs more than `no`) are not compared.
// Skipped where haproxy is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { haproxyKeywordsIn } from "../../server/src/facts/haproxy.js";
import { lintText } from "./harness.js";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

const HEADERS: Record<string, string> = {
  global: "global",
  defaults: "defaults",
  frontend: "frontend f\n    bind 127.0.0.1:18000",
  backend: "backend b",
  "fcgi-app": "fcgi-app php\n    docroot /var/www",
};

describe("HA001 'no' before a keyword, against haproxy 2.6.12", () => {
  it.runIf(installed)("reports a negation exactly where haproxy refuses it", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ha001-no-")), "t.cfg");
    const wrong: string[] = [];
    let asked = 0;
    for (const [section, header] of Object.entries(HEADERS)) {
      for (const keyword of haproxyKeywordsIn(section, "2.6")) {
        // `.if`-style directives and the section keywords themselves are not statements of the section
        if (!/^[a-z]/.test(keyword.name)) continue;
        const text = `${header}\n    no ${keyword.name}\n`;
        writeFileSync(file, text);
        const run = spawnSync("haproxy", ["-c", "-f", file], { encoding: "utf8", timeout: 20_000 });
        const refused = /negation\/default/.test(`${run.stdout}${run.stderr}`);
        const reported = lintText("haproxy", text, { haproxyVersion: "2.6" }).some((p) => p.ruleId === "HA001" && p.severity === "error" && /only before|cannot turn/.test(p.message));
        asked++;
        if (refused !== reported) wrong.push(`${section}: no ${keyword.name}: haproxy ${refused ? "refuses" : "accepts"} the negation, lblint ${reported ? "reports" : "says nothing"}`);
      }
    }
    expect(asked).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
  });
});
