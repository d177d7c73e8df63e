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
