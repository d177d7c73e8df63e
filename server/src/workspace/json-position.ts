// Positions in the JSON files lblint reads (lblint.config.json, lblint-site.json): a syntax error's
// line and column from the parser's message, and where a key was written, so that a message can
// point at the place to edit instead of the whole file.

/** 1-based line and column, as editors and compilers count. */
export interface JsonPosition {
  readonly line: number;
  readonly column: number;
}

/** The line and column of a UTF-16 offset of `text`. */
export function positionAt(text: string, offset: number): JsonPosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at >= 0 && at < end; at = text.indexOf("\n", at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * What JSON.parse said, without the offset it gives ("… in JSON at position 12"; newer Node versions
 * add "(line 2 column 3)"), and that offset as a line and column. A text that ends too early is
 * placed at its end.
 */
export function jsonSyntaxError(text: string, error: Error): { readonly detail: string; readonly at: JsonPosition | undefined } {
  const message = error.message;
  const offset = /\bat position (\d+)/.exec(message)?.[1];
  const detail = message
    .replace(/\s*\(line \d+ column \d+\)/, "")
    .replace(/\s+in JSON at position \d+/, "")
    .replace(/^Unexpected end of JSON input$/, "the text ends before the value does");
  if (offset !== undefined) return { detail, at: positionAt(text, Number(offset)) };
  if (/end of JSON input/.test(message)) return { detail, at: positionAt(text, text.length) };
  return { detail, at: undefined };
}

/** Where `"key":` is first written in a JSON text, or undefined when it cannot be found as written. */
export function keyPosition(text: string, key: string): JsonPosition | undefined {
  const quoted = JSON.stringify(key);
  for (let at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + 1)) {
    let after = at + quoted.length;
    while (after < text.length && " \t\r\n".includes(text[after]!)) after++;
    if (text[after] === ":") return positionAt(text, at);
  }
  return undefined;
}
