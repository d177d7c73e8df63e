// Every keyword of the common keepalived blocks whose value is a word from a list, an address or a
// boolean, given wrong values, each in a block of its own, through keepalived 2.2.7: where keepalived
// reports the line, lblint has a warning or an error on it; where keepalived says nothing, lblint
// has no error on it. Skipped where keepalived is not installed (CI installs it).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain script of the repository, without types
import { blockWith, messagesByLine } from "../../scripts/oracle/keepalived-lines.mjs";
import { keepalivedSchema } from "../../server/src/facts/keepalived.js";
import { lintText } from "./harness.js";

const installed = spawnSync("keepalived", ["--version"]).error === undefined;
const CHECKS = ["TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK", "SMTP_CHECK", "DNS_CHECK", "PING_CHECK", "UDP_CHECK"];
const BLOCKS = new Set([
  "global_defs", "vrrp_instance", "vrrp_script", "virtual_server", "virtual_server>real_server", ...CHECKS.map((c) => `virtual_server>real_server>${c}`),
  // Added by a sweep of value forms (docs/agreement.md).
  "bfd_instance", "garp_group", "vrrp_track_process", "track_file", "vrrp_track_file", "virtual_server>real_server>SMTP_CHECK>host",
]);
/** Not judged: keepalived resolves a host name here (the machine's DNS). */
const NOT_JUDGED = new Set(["global_defs smtp_server"]);

describe.runIf(installed)("keepalived values from lists, addresses and booleans against keepalived 2.2.7", () => {
  it("are reported where keepalived reports them, and never errors where it says nothing", () => {
    const cases: { block: string; name: string }[] = [];
    for (const [block, facts] of Object.entries(keepalivedSchema().blocks)) {
      if (!BLOCKS.has(block)) continue;
      for (const [name, keyword] of Object.entries(facts.keywords)) {
        const shape = keyword.block ? undefined : keyword.args?.shapes?.[0];
        if (!shape || /^(int|number|string|command|file|path)/.test(shape) || keyword.availability?.since || keyword.availability?.removed) continue;
        if (name.startsWith("include") || NOT_JUDGED.has(`${block} ${name}`)) continue;
        cases.push({ block, name });
      }
    }
    expect(cases.length).toBeGreaterThan(60);
    const dir = mkdtempSync(join(tmpdir(), "lblint-values-"));
    const wrong: string[] = [];
    // `-5` and `/-1`: keepalived reads an address up to a `-` (see addressAsRead in rules/keepalived/ip.ts);
    // `TRUE`: it reads booleans case-sensitively; `+80`: strtoul() takes the sign.
    for (const value of ["bogus", "300.1.1.1", "1.2.3.4/99", "on", "1.2.3.4-5", "1.2.3.4/-1", "224.0.0.18/8", "TRUE", "Off", "+80"]) {
      const lines: string[] = [];
      const at: number[] = [];
      cases.forEach((c, n) => {
        const block = blockWith(c.block, `${c.name} ${value}`, n + 1) as { lines: string[]; at: number };
        at.push(lines.length + block.at);
        lines.push(...block.lines);
      });
      const text = lines.join("\n") + "\n";
      const file = join(dir, "values.conf");
      writeFileSync(file, text);
      const messages = messagesByLine(file) as Map<number, string[]>;
      // KA052 judges email alerts as a whole, not the value of smtp_alert.
      const problems = lintText("keepalived", text, { keepalivedVersion: "2.2" }).filter((p) => p.ruleId !== "KA052");
      cases.forEach((c, i) => {
        const reported = (messages.get(at[i]! + 1) ?? []).length > 0;
        const here = problems.filter((p) => p.range.start.line === at[i]);
        const flagged = here.some((p) => p.severity !== "info");
        const error = here.some((p) => p.severity === "error");
        if (reported ? !flagged : error) wrong.push(`${c.block} ${c.name} ${value}: keepalived ${reported ? "reports it" : "says nothing"}, lblint ${here.map((p) => `${p.severity} ${p.message}`).join("; ") || "nothing"}`);
      });
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
