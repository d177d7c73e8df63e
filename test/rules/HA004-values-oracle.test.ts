// Every keyword of the global and proxy sections whose value is a word from a list, a number, a size
// or a time, given a word that is none of those ("bogus"), alone in a file, through haproxy 2.6.12:
// lblint reports an error on the line exactly where haproxy refuses it. Keywords this haproxy build
// does not have (51degrees, wurfl, zlib tuning) tell nothing and are left out. Skipped where haproxy
// is not installed (CI installs it).
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
const SECTIONS = ["global", "defaults", "frontend", "backend", "listen"];

/** A value that fits a shape, for the arguments around the one tried. */
function fitting(shape: string): string {
  if (shape.startsWith("enum:")) return shape.slice(5).split("|")[0]!;
  if (shape.startsWith("int")) return /^int:(\d+)/.exec(shape)?.[1] ?? "1";
  if (shape === "time") return "1s";
  if (shape === "size") return "1k";
  return "x";
}

describe.runIf(installed)("keyword values against haproxy 2.6.12", () => {
  it("are errors exactly where haproxy refuses them", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-values-"));
    const wrong: string[] = [];
    let tried = 0;
    for (const keyword of haproxySchema().keywords) {
      const shapes = keyword.args?.shapes ?? [];
      const at = shapes.findIndex((shape) => /^(enum|int|size|time)/.test(shape));
      if (at < 0 || keyword.availability) continue;
      const section = keyword.sections?.find((s) => SECTIONS.includes(s));
      if (!section) continue;
      // Integers also past 32 bits and past 64 (haproxy keeps many in an int after atol(), which stops at LONG_MAX).
      for (const value of shapes[at]!.startsWith("int") ? ["bogus", "4294967296", "99999999999999999999"] : ["bogus"]) {
        const words = [keyword.name, ...shapes.slice(0, Math.max(keyword.args!.min, at + 1)).map((shape, i) => (i === at ? value : fitting(shape)))];
        const head = section === "global" ? ["global"] : ["defaults", "    mode http", "    timeout client 5s", "    timeout server 5s", "    timeout connect 5s", section === "defaults" ? "defaults sut" : `${section} sut`];
        if (section === "frontend" || section === "listen") head.push("    bind :18080");
        const text = [...head, `    ${words.join(" ")}`].join("\n") + "\n";
        const file = join(dir, "haproxy.cfg");
        writeFileSync(file, text);
        const messages = runHaproxy(file) as { level: string; line?: number; text: string }[];
        if (messages.some((m) => /unknown keyword/.test(m.text))) continue;
        tried++;
        const refused = messages.some((m) => m.level === "ALERT" && m.line === head.length + 1);
        const errors = lintText("haproxy", text, { haproxyVersion: "2.6" }).filter((p) => p.severity === "error" && p.range.start.line === head.length);
        if (refused !== errors.length > 0) wrong.push(`${section} '${words.join(" ")}': haproxy ${refused ? "refuses" : "accepts"}, lblint ${errors.map((p) => p.message).join("; ") || "no error"}`);
      }
    }
    expect(tried).toBeGreaterThan(60);
    expect(wrong).toEqual([]);
  }, 120_000);
});
