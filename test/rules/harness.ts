// Rule tests write the expected ranges into the configuration itself: «word» marks where a finding
// must be, so each invalid case asserts the rule id and the exact range, and nothing else reported
// by that rule goes unnoticed.
import { expect } from "vitest";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import type { ConfigFile } from "../../server/src/lint/config.js";
import { lint } from "../../server/src/lint/lint.js";
import type { Problem } from "../../server/src/lint/report.js";

export interface Marked {
  readonly text: string;
  readonly ranges: { start: number; end: number }[];
}

export function unmark(source: string): Marked {
  let text = "";
  const ranges: { start: number; end: number }[] = [];
  const open: number[] = [];
  for (const char of source) {
    if (char === "«") open.push(text.length);
    else if (char === "»") ranges.push({ start: open.pop()!, end: text.length });
    else text += char;
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, ranges };
}

export function lintText(format: "haproxy" | "keepalived", text: string, config?: ConfigFile): Problem[] {
  const parsed = format === "haproxy" ? parseHaproxy(text) : parseKeepalived(text);
  return lint(parsed, config);
}

/** Lints a marked text and asserts that `ruleId` reports exactly the marked ranges; returns its problems. */
export function expectFindings(format: "haproxy" | "keepalived", ruleId: string, source: string, config?: ConfigFile): Problem[] {
  const { text, ranges } = unmark(source);
  const found = lintText(format, text, config).filter((problem) => problem.ruleId === ruleId);
  const got = found.map((problem) => ({ start: problem.range.start.offset, end: problem.range.end.offset })).sort((a, b) => a.start - b.start);
  const show = (list: { start: number; end: number }[]) => list.map((r) => `${r.start}-${r.end} '${text.slice(r.start, r.end)}'`);
  expect(show(got), found.map((p) => p.message).join("\n")).toEqual(show(ranges));
  return found;
}

export const expectHaproxy = (ruleId: string, source: string, config?: ConfigFile) => expectFindings("haproxy", ruleId, source, config);
export const expectKeepalived = (ruleId: string, source: string, config?: ConfigFile) => expectFindings("keepalived", ruleId, source, config);
