// Moving request rules up to where haproxy runs them (HA028, HA054): haproxy evaluates each set of
// rules at its own stage whatever the order in the file, so the move changes only the text, as
// long as no rule of the same set changes places with a moved one and every ACL a moved rule names
// stays declared before it.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import { wholeLines } from "../../lint/fixes.js";
import type { Fix } from "../../lint/rule.js";
import type { HaproxyModel, SectionModel } from "./model.js";

/**
 * The lines of a section no rule may be moved across: `acl` lines (a moved rule may need the ACL
 * declared first) and `.if` lines. Made once per section, asked in logarithmic time.
 */
export class MoveBarriers {
  private readonly offsets: number[] = [];

  constructor(section: SectionModel) {
    for (const line of section.section.body) {
      if (line.kind === "directive" || (line.kind === "statement" && line.wordIs(0, "acl"))) this.offsets.push(line.range.start.offset);
    }
  }

  /** Whether a barrier stands strictly between two offsets. */
  between(from: number, to: number): boolean {
    const offsets = this.offsets;
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (offsets[middle]! <= from) low = middle + 1;
      else high = middle;
    }
    return low < offsets.length && offsets[low]! < to;
  }
}

/**
 * Moves `moved` (statements of `section`, in order, all after `target`) to just above `target`,
 * keeping their order; undefined when a line to move, or `target`'s, shares its line. The caller
 * has made sure that nothing between them forbids the move (see MoveBarriers).
 */
export function moveAbove(model: HaproxyModel, section: SectionModel, target: Statement, moved: readonly Statement[]): Fix | undefined {
  const lines = model.linesOf(section.uri);
  const at = lines && wholeLines(lines, target.range);
  if (!lines || !at || moved.length === 0) return undefined;
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
