// How many words keepalived reads after a keyword, and how it counts them: command strings
// (`script`, `notify_*`) are re-read by keepalived's script reader, which also groups single quotes.
import type { Statement, Word } from "../../../../grammars/keepalived/ast.js";
import { keepalivedCommandWords } from "../../facts/keepalived-entries.js";
import type { KeepalivedKeyword } from "../../facts/types.js";

export interface ArgumentReading {
  /** The argument words as keepalived counts them (several grammar words per group for quoted commands). */
  readonly groups: readonly (readonly Word[])[];
}

export function isCommand(keyword: KeepalivedKeyword): boolean {
  return keyword.args?.shapes?.[0] === "command";
}

/**
 * A command whose first word is a quoted string glued to the keyword (`notify_master"/bin/x.sh"`).
 * keepalived's keyword reader splits at the quote, but its script reader reads the line again and
 * joins the two into one word, `notify_master/bin/x.sh` (measured with keepalived 2.2.7: "Configuration
 * line starting `notify_master/bin/x.sh` is missing a parameter"), so the command is what follows, if
 * anything does.
 */
export function gluedCommand(statement: Statement): boolean {
  const first = statement.args[0];
  return first !== undefined && first.text.startsWith('"') && first.range.start.offset === statement.keyword.range.end.offset;
}

export function readArguments(statement: Statement, keyword: KeepalivedKeyword): ArgumentReading {
  const args = statement.args;
  if (!isCommand(keyword)) return { groups: args.map((word) => [word]) };
  const texts = keepalivedCommandWords(args.map((word) => word.text));
  // Map the re-read words back onto the grammar's words, in order.
  const groups: Word[][] = [];
  let index = 0;
  for (const text of texts) {
    const group: Word[] = [];
    let joined = "";
    while (index < args.length && (group.length === 0 || joined.length < text.length)) {
      const word = args[index++]!;
      group.push(word);
      joined = joined === "" ? word.text : `${joined} ${word.text}`;
    }
    if (group.length > 0) groups.push(group);
  }
  while (index < args.length) groups.push([args[index++]!]);
  return { groups };
}
