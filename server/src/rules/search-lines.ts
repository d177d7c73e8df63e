// Finding the lines of a file that hold a word or pattern, so that rules read only the statements
// that can concern them instead of every statement. Shared by the haproxy and keepalived models.
import type { LineIndex } from "../../../grammars/common/text.js";

/**
 * A search written by hand where a regular expression would try every position of a large text
 * (one whose match starts with a character class or an anchor): `find` gives the offset where the
 * next match starts, at or after `from`, or -1. `pattern` is the regular expression it stands for,
 * with the same matches (a test holds them to each other).
 */
export interface TextProbe {
  readonly pattern: RegExp;
  find(text: string, from: number): number;
}

/** The lines (of `lines`, from 0) on which `pattern` is found, each once, in order. */
export function searchLines(text: string, lines: LineIndex, pattern: string | RegExp | TextProbe): number[] {
  const found: number[] = [];
  if (typeof pattern === "string") {
    for (let at = text.indexOf(pattern); at >= 0; ) {
      const line = lines.lineOf(at);
      found.push(line);
      const next = lines.lineStart(line + 1);
      at = next > at ? text.indexOf(pattern, next) : -1;
    }
    return found;
  }
  if (!(pattern instanceof RegExp)) {
    for (let at = pattern.find(text, 0); at >= 0; ) {
      const line = lines.lineOf(at);
      found.push(line);
      const next = lines.lineStart(line + 1);
      at = next > at ? pattern.find(text, next) : -1;
    }
    return found;
  }
  const search = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
  for (let match = search.exec(text); match; match = search.exec(text)) {
    const line = lines.lineOf(match.index);
    found.push(line);
    const next = lines.lineStart(line + 1);
    if (next <= match.index) break;
    search.lastIndex = next;
  }
  return found;
}
