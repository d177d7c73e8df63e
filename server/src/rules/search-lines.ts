// Finding the lines of a file that hold a word or pattern, so that rules read only the statements
// that can concern them instead of every statement. Shared by the haproxy and keepalived models.
import type { LineIndex } from "../../../grammars/common/text.js";

/** The lines (of `lines`, from 0) on which `pattern` is found, each once, in order. */
export function searchLines(text: string, lines: LineIndex, pattern: string | RegExp): number[] {
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
