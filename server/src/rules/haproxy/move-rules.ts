// Moving request rules up to where haproxy runs them (HA028, HA054): haproxy evaluates each set of
// rules at its own stage whatever the order in the file, so the move changes only the text, as
// long as no rule of the same set changes places with a moved one and every ACL a moved rule names
// stays declared before it.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import { wholeLines } from "../../lint/fixes.js";
import type { Fix } from "../../lint/rule.js";
import type { HaproxyModel, SectionModel } from "./model.js";

/**
 * Moves `moved` (statements of `section`, in order, all after `target`) to just above `target`,
 * keeping their order. Undefined when a line between `target` and the last moved one `stays` (a
 * rule whose order with the moved ones would change), is an `acl` (which a moved rule may need
 * declared first) or a `.if` line, or when a line to move shares its line.
 */
export function moveAbove(model: HaproxyModel, section: SectionModel, target: Statement, moved: readonly Statement[], stays: (statement: Statement) => boolean): Fix | undefined {
  const lines = model.linesOf(section.uri);
  const at = lines && wholeLines(lines, target.range);
  if (!lines || !at || moved.length === 0) return undefined;
  const from = target.range.start.offset;
  const to = moved[moved.length - 1]!.range.start.offset;
  const inBetween = (offset: number) => offset > from && offset < to;
  for (const line of section.section.body) {
    if (!inBetween(line.range.start.offset)) continue;
    if (line.kind === "directive") return undefined;
    if (line.kind === "statement" && !moved.includes(line) && (line.keyword.value === "acl" || stays(line))) return undefined;
  }
  const spans = moved.map((statement) => wholeLines(lines, statement.range));
  if (spans.some((span) => span === undefined)) return undefined;
  const base = lines.base.offset;
  const text = spans.map((span) => lines.text.slice(span!.start - base, span!.end - base)).join("");
  // The last line of a file may lack its line break.
  const inserted = text.endsWith("\n") ? text : `${text}\n`;
  const what = moved.length > 1 ? `the ${moved.length} rules` : "this rule";
  return {
    description: `move ${what} above the ${target.keyword.value} on line ${target.range.start.line + 1}`,
    edits: [{ start: at.start, end: at.start, newText: inserted }, ...spans.map((span) => ({ start: span!.start, end: span!.end, newText: "" }))],
  };
}
