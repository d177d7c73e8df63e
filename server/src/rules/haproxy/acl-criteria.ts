// Every ACL criterion of a configuration: the words after the name of an `acl NAME …` line, and
// those of each anonymous ACL (`{ … }`) in a condition, with the section they stand in. Rules that
// read ACL patterns and flags walk them through here.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import type { Placed, SectionModel } from "./model.js";

/**
 * Calls `visit` with the words of each criterion of `placedList` (the statements to look at: all of
 * them, or those a search found), `acl` lines first, then conditions, each in order.
 */
export function forEachAclCriterion(placedList: readonly Placed[], visit: (words: readonly Word[], section: SectionModel) => void): void {
  for (let at = 0; at < placedList.length; at++) {
    const placed = placedList[at]!;
    if (placed.keyword === "acl" && placed.reading.kind === "known") visit(placed.reading.args.slice(1), placed.section);
  }
  for (let at = 0; at < placedList.length; at++) {
    const { statement, section } = placedList[at]!;
    // Anonymous ACLs stand in conditions; most lines have none, and asking is free.
    if (!statement.hasCondition) continue;
    for (const alternative of statement.condition?.expression?.alternatives ?? []) {
      for (const term of alternative.terms) if (term.kind === "anonymous-acl") visit(term.words, section);
    }
  }
}
