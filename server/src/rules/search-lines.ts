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

/** What a search reads of a LineIndex. */
type LineLookup = Pick<LineIndex, "lineOf" | "lineStart">;

/**
 * The lines (of `lines`, from 0) on which `pattern` is found, each once, in order. With `from` and
 * `to` (both at the start of a line, or at the end of the text), only matches that start in
 * [from, to) count: a model of a few sections of a big file searches only their text.
 */
export function searchLines(text: string, lines: LineLookup, pattern: string | RegExp | TextProbe, from = 0, to = text.length): number[] {
  if ((from > 0 || to < text.length) && (typeof pattern === "string" || (pattern instanceof RegExp && sameInPart(pattern)))) {
    // A search that finds nothing runs to the end of what it is given: give it the part only. A
    // slice of a flat string shares its characters.
    return searchLines(text.slice(from, to), { lineOf: (offset) => lines.lineOf(offset + from), lineStart: (line) => lines.lineStart(line) - from }, pattern);
  }
  const found: number[] = [];
  if (typeof pattern === "string") {
    for (let at = text.indexOf(pattern, from); at >= 0 && at < to; ) {
      const line = lines.lineOf(at);
      found.push(line);
      const next = lines.lineStart(line + 1);
      at = next > at ? text.indexOf(pattern, next) : -1;
    }
    return found;
  }
  if (!(pattern instanceof RegExp)) {
    for (let at = pattern.find(text, from); at >= 0 && at < to; ) {
      const line = lines.lineOf(at);
      found.push(line);
      const next = lines.lineStart(line + 1);
      at = next > at ? pattern.find(text, next) : -1;
    }
    return found;
  }
  const search = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
  search.lastIndex = from;
  for (let match = search.exec(text); match && match.index < to; match = search.exec(text)) {
    const line = lines.lineOf(match.index);
    found.push(line);
    const next = lines.lineStart(line + 1);
    if (next <= match.index) break;
    search.lastIndex = next;
  }
  return found;
}

/**
 * Whether a regular expression finds the same matches in a part of the text cut at line starts as
 * in the whole text: no look-behind, and no `^` or `$` that would take the part's ends for the
 * text's (with the `m` flag they match at line starts and ends either way).
 */
function sameInPart(pattern: RegExp): boolean {
  const source = pattern.source;
  if (source.includes("(?<")) return false;
  return pattern.multiline || (!source.includes("^") && !source.includes("$"));
}
