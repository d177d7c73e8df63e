// Shared helpers for the haproxy grammar tests: a compact, exact rendering of ranges and quick
// access to every line of a parsed file.
import type { Range } from "../../../grammars/common/text.js";
import type { HaproxyConfig, Line, Section, Statement } from "../../../grammars/haproxy/ast.js";
import { parseHaproxy, type HaproxyParseResult } from "../../../grammars/haproxy/parse.js";

/**
 * `line:column-line:column @startOffset-endOffset`, all 0-based, so one string pins down the
 * offset, line and column of both ends of a range.
 */
export function loc(range: Range): string {
  const { start, end } = range;
  return `${start.line}:${start.column}-${end.line}:${end.column} @${start.offset}-${end.offset}`;
}

/** Every line of the file in source order: the preamble, then each section's header and body. */
export function allLines(ast: HaproxyConfig): Line[] {
  return [...ast.preamble, ...ast.sections.flatMap((section: Section) => [section.header, ...section.body])];
}

/** Parses a file and returns its lines too. */
export function parse(text: string): HaproxyParseResult & { all: Line[] } {
  const result = parseHaproxy(text);
  return { ...result, all: allLines(result.ast) };
}

/** The diagnostic codes, in the order parseHaproxy returns them. */
export function codes(result: HaproxyParseResult): string[] {
  return result.diagnostics.map((d) => d.code);
}

/** The line at `index` of a parse, which must be a statement. */
export function statement(lines: readonly Line[], index: number): Statement {
  const line = lines[index];
  if (!line || line.kind !== "statement") throw new Error(`line ${index} is ${line?.kind ?? "missing"}, not a statement`);
  return line;
}

/** The single word of `.notice WORD` in a global section, as haproxy's `.notice` probe would read it. */
export function noticeWord(word: string) {
  const result = parseHaproxy(`global\n.notice ${word}\n`);
  const line = result.ast.sections[0]!.body[0]!;
  if (line.kind !== "directive") throw new Error("expected a directive");
  return { result, line, words: line.args };
}
