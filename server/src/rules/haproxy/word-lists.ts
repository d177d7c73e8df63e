// Shared by the checks of keywords' words (keyword-words.ts, process-words.ts).
import type { Word } from "../../../../grammars/haproxy/ast.js";
import type { Report } from "../../lint/rule.js";

/** A word holding a `$`: an environment variable, or a value that depends on one. */
export const holdsVariable = (word: Word): boolean => word.value.includes("$");

/** A word outside a closed list (none when the word is missing or holds a variable). */
export function notIn(word: Word | undefined, list: readonly string[], what: string): Report[] {
  if (!word || holdsVariable(word) || list.includes(word.value)) return [];
  return [{ range: word.range, message: `'${word.value}' is not ${what} (${list.join(", ")}); haproxy refuses the line` }];
}
