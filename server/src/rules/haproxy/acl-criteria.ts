// Every ACL criterion of a configuration: the words after the name of an `acl NAME …` line, and
// those of each anonymous ACL (`{ … }`) in a condition, with the section they stand in. Rules that
// read ACL patterns and flags walk them through here.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import type { Placed, SectionModel } from "./model.js";

interface AclCriterion {
  readonly words: readonly Word[];
  readonly section: SectionModel;
  /** A `{ … }` of a condition rather than an `acl` line. */
  readonly anonymous?: boolean;
}

/** The criteria of each list of statements already walked: several rules walk the same lists. */
const walked = new WeakMap<readonly Placed[], readonly AclCriterion[]>();

/**
 * Calls `visit` with the words of each criterion of `placedList` (the statements to look at: all of
 * them, or those a search found), `acl` lines first, then conditions, each in order. The criteria
 * of a list are found once; each visit of them gets the same lists of words.
 */
export function forEachAclCriterion(placedList: readonly Placed[], visit: (words: readonly Word[], section: SectionModel, anonymous: boolean) => void): void {
  let found = walked.get(placedList);
  if (!found) walked.set(placedList, (found = criteriaOf(placedList)));
  for (let at = 0; at < found.length; at++) visit(found[at]!.words, found[at]!.section, found[at]!.anonymous === true);
}

function criteriaOf(placedList: readonly Placed[]): AclCriterion[] {
  const found: AclCriterion[] = [];
  for (let at = 0; at < placedList.length; at++) {
    const placed = placedList[at]!;
    if (placed.keyword === "acl" && placed.reading.kind === "known") found.push({ words: placed.reading.args.slice(1), section: placed.section });
  }
  for (let at = 0; at < placedList.length; at++) {
    const { statement, section } = placedList[at]!;
    // Anonymous ACLs stand in conditions; most lines have none, and asking is free.
    if (!statement.hasCondition) continue;
    for (const alternative of statement.condition?.expression?.alternatives ?? []) {
      for (const term of alternative.terms) if (term.kind === "anonymous-acl") found.push({ words: term.words, section, anonymous: true });
    }
  }
  return found;
}
