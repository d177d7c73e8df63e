// The indentation a file already uses, for formatting it from the command line (an editor sends its
// own): the step by which the first line of a section or block is most often indented further than
// its header (a line at the margin, or one that ends with `{`), in tabs when most indented lines
// start with one. Formatting then changes as few lines as it can.
import type { FormatOptions } from "./formatting.js";

export const DEFAULT_INDENT: FormatOptions = { tabSize: 4, insertSpaces: true };

/** The formatting options of an `indent` setting (lblint.config.json, --indent), if there is one. */
export function indentOptions(indent: number | "tab" | undefined): FormatOptions | undefined {
  if (indent === undefined) return undefined;
  return indent === "tab" ? { tabSize: 4, insertSpaces: false } : { tabSize: indent, insertSpaces: true };
}

export function detectIndent(text: string): FormatOptions {
  const steps = new Map<number, number>();
  let tabs = 0;
  let spaces = 0;
  let previous = 0;
  let opens = false;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let at = start;
    while (at < end && (text[at] === " " || text[at] === "\t")) at++;
    const blank = at === end || text[at] === "\r";
    if (!blank && text[at] !== "#") {
      if (at > start) {
        if (text[start] === "\t") tabs++;
        else spaces++;
      }
      const width = at - start;
      if (width > previous && (opens || previous === 0) && text[start] !== "\t") steps.set(width - previous, (steps.get(width - previous) ?? 0) + 1);
      previous = width;
      let last = end - 1;
      while (last > at && (text[last] === " " || text[last] === "\t" || text[last] === "\r")) last--;
      opens = text[last] === "{";
    }
    start = end + 1;
  }
  if (tabs > spaces) return { tabSize: 4, insertSpaces: false };
  let best: number | undefined;
  for (const [step, count] of steps) if (step <= 16 && (best === undefined || count > steps.get(best)! || (count === steps.get(best)! && step < best))) best = step;
  return best === undefined ? DEFAULT_INDENT : { tabSize: best, insertSpaces: true };
}
