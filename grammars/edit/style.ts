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

/** Indents every line of a possibly multi-line text. */
export function indentLines(text: string, indent: string, lineBreak: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.length > 0 ? indent + line : line))
    .join(lineBreak);
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
