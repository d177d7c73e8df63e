// The line-level forms keepalived recognises where it starts reading a line: `$NAME=value`
// definitions (continued by a trailing backslash) and `@id` / `@^id` prefixes. Whether a place is
// such a start depends on the tokens before it; that part is the lexer's (lexer.ts) and the
// scanner's (scanner.ts). What the forms look like is here, shared by both and free of Chevrotain.

const DEFINITION_HEAD = /\$[A-Za-z_][A-Za-z0-9_]*=/y;

/**
 * Where one line of a definition ends and whether the next line continues it, as keepalived's
 * decomment() reads it: an unquoted `#` or `!` starts a comment, a backslash escapes the character
 * after it, and the line continues when it ends in a backslash once the comment and trailing blanks
 * are cut (`$A=x \ # note`), or when its very last character is a backslash, even inside the comment.
 */
function definitionLine(text: string, start: number): { end: number; continues: boolean; next: number | undefined } {
  const newline = text.indexOf("\n", start);
  const next = newline < 0 ? undefined : newline + 1;
  let end = newline < 0 ? text.length : newline;
  if (newline >= 0 && text[end - 1] === "\r") end--;
  let quoted = false;
  let comment = -1;
  let backslashLast = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '"') {
      if (comment < 0) quoted = !quoted;
    } else if (c === "\\") {
      if (i + 1 < end) i++;
      else backslashLast = true;
    } else if (!quoted && comment < 0 && (c === "#" || c === "!")) comment = i;
  }
  let content = comment < 0 ? end : comment;
  while (content > start && (text[content - 1] === " " || text[content - 1] === "\t")) content--;
  const continues = backslashLast || (content > start && text[content - 1] === "\\");
  // A continued line keeps its comment inside the definition; the last line leaves it to a Comment.
  return { end: continues || comment < 0 ? end : comment, continues, next };
}

/**
 * End of the `$NAME=value` definition at `offset`, up to a comment or the end of the line and
 * following `\` continuations; -1 when there is none. The caller has checked that a line starts here.
 */
export function definitionEnd(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 36 /* $ */) return -1;
  DEFINITION_HEAD.lastIndex = offset;
  if (!DEFINITION_HEAD.test(text)) return -1;
  for (let start = DEFINITION_HEAD.lastIndex; ; ) {
    const line = definitionLine(text, start);
    if (!line.continues || line.next === undefined) return line.end;
    start = line.next;
  }
}

const CONFIG_ID = /@\^?[^\s{}#!"]+/y;

/** End of the `@id` or `@^id` prefix at `offset`, or -1. The caller has checked where it stands. */
export function configIdEnd(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 64 /* @ */) return -1;
  CONFIG_ID.lastIndex = offset;
  const found = CONFIG_ID.exec(text);
  return found && found[0].length > 1 ? offset + found[0].length : -1;
}
