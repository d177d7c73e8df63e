// How a file is written, so that inserted lines look like their neighbours: its line break, its
// indentation unit, and quoting for values that need it.

export function lineBreakOf(text: string): "\n" | "\r\n" {
  const crlf = text.split("\r\n").length - 1;
  const lf = text.split("\n").length - 1 - crlf;
  return crlf > lf ? "\r\n" : "\n";
}

/** The leading spaces and tabs of the line that contains `offset`. */
export function indentAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== "\n" && text[start - 1] !== "\r") start--;
  let end = start;
  while (text[end] === " " || text[end] === "\t") end++;
  return text.slice(start, end);
}

/** Offset of the start of the line that contains `offset`. */
export function lineStartAt(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== "\n" && text[start - 1] !== "\r") start--;
  return start;
}

/** True when only spaces and tabs stand between the start of its line and `offset`. */
export function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartAt(text, offset), offset));
}

/** Offset just after the line break that ends the line containing `offset` (or the end of the text). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline < 0 ? text.length : newline + 1;
}

/** The most common indentation step of the file: a tab, or the smallest run of spaces seen. */
export function indentUnitOf(text: string): string {
  let tabs = 0;
  let smallest = Infinity;
  for (const match of text.matchAll(/^([ \t]+)\S/gm)) {
    const indent = match[1]!;
    if (indent.startsWith("\t")) tabs++;
    else smallest = Math.min(smallest, indent.length);
  }
  if (tabs > 0 && smallest === Infinity) return "\t";
  return smallest === Infinity ? "    " : " ".repeat(Math.min(smallest, 8));
}

/** Width of an indentation in columns, a tab counting as one step of `tabWidth`. */
function indentWidth(indent: string, tabWidth: number): number {
  let width = 0;
  for (const c of indent) width += c === "\t" ? tabWidth : 1;
  return width;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The nesting level of each line of a snippet, measured from its own indentation: the least indented
 * line is level 0, and one level is the snippet's own step (its smallest indentation difference).
 * Blank lines get level -1.
 */
export function indentLevels(lines: readonly string[]): number[] {
  const widths = lines.map((line) => (line.trim() === "" ? -1 : indentWidth(/^[ \t]*/.exec(line)![0], 4)));
  const present = widths.filter((width) => width >= 0);
  const least = present.length > 0 ? Math.min(...present) : 0;
  const step = present.reduce((step, width) => gcd(step, width - least), 0) || 1;
  return widths.map((width) => (width < 0 ? -1 : Math.round((width - least) / step)));
}

/**
 * Re-indents a multi-line snippet as a whole: every line gets `indent`, plus the file's `unit` once
 * per level of nesting the snippet shows, whatever indentation the snippet came with. Lines are
 * joined with the file's line break; blank lines stay empty.
 */
export function indentLines(text: string, indent: string, lineBreak: string, unit = "    "): string {
  const lines = text.split(/\r?\n/);
  const levels = indentLevels(lines);
  return lines.map((line, i) => (levels[i]! < 0 ? "" : indent + unit.repeat(levels[i]!) + line.trimStart())).join(lineBreak);
}

/** True when the line that contains `offset` holds only spaces and tabs. */
export function isBlankLine(text: string, offset: number): boolean {
  const start = lineStartAt(text, offset);
  return /^[ \t]*(?:\r?\n|$)/.test(text.slice(start, nextLineStart(text, start)));
}

/** Offset where the run of blank lines that ends at line start `offset` begins. */
export function blankRunStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0) {
    const previous = lineStartAt(text, text[start - 2] === "\r" ? start - 2 : start - 1);
    if (!isBlankLine(text, previous)) break;
    start = previous;
  }
  return start;
}

/** Offset where the run of blank lines that starts at line start `offset` ends. */
export function blankRunEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && isBlankLine(text, end)) end = nextLineStart(text, end);
  return end;
}

/** A haproxy word for `value`: as is when safe, else single-quoted, else double-quoted with escapes. */
export function quoteHaproxy(value: string): string {
  if (value !== "" && !/[\s#"'\\$]/.test(value)) return value;
  if (!value.includes("'") && !/[\r\n]/.test(value)) return `'${value}'`;
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`).replace(/\n/g, "\\n").replace(/\r/g, "\\r")}"`;
}

/** A keepalived word for `value`: as is when safe, else double-quoted (keepalived has no escapes). */
export function quoteKeepalived(value: string): string {
  if (/["\r\n]/.test(value)) throw new RangeError(`keepalived cannot represent ${JSON.stringify(value)} as one word`);
  return value !== "" && !/[\s#!{}]/.test(value) ? value : `"${value}"`;
}
