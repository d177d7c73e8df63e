import { it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHaproxy } from "../grammars/haproxy/parse.js";
import { parseKeepalived } from "../grammars/keepalived/parse.js";
import { resolveConfig } from "../server/src/lint/config.js";
import { lint } from "../server/src/lint/lint.js";
import { CORPUS, loadManifest } from "./corpus/corpus.js";
import { verdict } from "./corpus/agreement.js";
const config = resolveConfig({ haproxyVersion: "2.6", keepalivedVersion: "2.2" }, "x");
it("dump", () => {
  const format = process.env.FMT as "haproxy" | "keepalived";
  const want = process.env.WANT ?? "missed";
  for (const entry of loadManifest()) {
    if (entry.format !== format) continue;
    const v = verdict(entry);
    const text = readFileSync(join(CORPUS, entry.file), "utf8");
    const problems = lint(format === "haproxy" ? parseHaproxy(text) : parseKeepalived(text), config, entry.file);
    const errs = problems.filter((p) => format === "haproxy" ? p.severity === "error" : p.severity !== "info");
    if (want === "accepted" && v.kind === "accepted" && problems.some((p) => p.severity === "error")) {
      console.log("ACC", entry.file, problems.filter((p) => p.severity === "error").slice(0, 3).map((p) => `${p.range.start.line + 1} ${p.ruleId} ${p.message}`).join(" | "));
    }
    if (want === "missed" && v.kind === "rejected" && errs.length === 0) {
      const o = format === "keepalived" ? (entry.oracle_ifaces ?? entry.oracle)! : entry.oracle!;
      console.log("MISS", entry.file, "\n   ", o.messages.filter((m) => !/NOTICE|Fatal errors|Error\(s\)/.test(m)).slice(0, 4).join("\n    "));
    }
    if (want === "offline" && v.kind === "rejected" && errs.length > 0 && v.lines.length > 0 && !v.lines.some((line) => problems.some((p) => p.range.start.line + 1 <= line && line <= p.range.end.line + 1))) {
      console.log("OFF", entry.file, v.lines.slice(0,3), problems.slice(0,2).map((p) => `${p.range.start.line + 1} ${p.ruleId} ${p.message}`).join(" | "));
    }
  }
});
