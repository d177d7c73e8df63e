// KA057: a comment that ends the line with a backslash (`priority 100 # see below \`). keepalived
// 2.2.7 keeps that backslash although it stands in the comment: it glues it to the last word before
// the comment (`100\`: "invalid number", priority left at its default; `router_id lb1\`, silently),
// or, on a line with nothing but the comment or after a brace, reads it as a keyword of its own
// ("Unknown keyword '\'"). The next line is read on its own. Measured with keepalived 2.2.7; blanks
// after the backslash, or a doubled backslash, leave the line alone. Lines of a `$NAME=` definition,
// which continues on the next line after a backslash, are not judged.
// Also a comment started by `\#` or `\!` whose braces do not pair up: keepalived reads the rest of
// the line as a comment, but counts its braces with the others and reports "There are 1 missing
// '}'s or extra '{'s" (`keepalived -t` exits 5; the blocks are read as written). A warning.
import type { LineIndex } from "../../../../grammars/common/text.js";
import type { KeepalivedRule } from "../../lint/rule.js";

/** A line whose last character is one backslash (not two) with a comment character before it. */
const CANDIDATE = /[#!](?:[^\r\n]*[^\\\r\n])?\\\r?$/m;

/** A comment started by a backslash before `#` or `!`, at the start of a line or after a blank. */
const ESCAPED_COMMENT = /(?:^|[ \t])(\\[#!][^\r\n]*)/gm;

/** Where the comment of a line starts: the first `#` or `!` outside double quotes; -1 for none. */
export function commentStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "#" || c === "!")) return i;
  }
  return -1;
}

/** Text of a local line, without its line break. */
export function lineText(text: string, lines: LineIndex, local: number): string {
  const end = local + 1 < lines.lineCount ? lines.lineStart(local + 1) : text.length;
  return text.slice(lines.lineStart(local), end).replace(/\r?\n$/, "").replace(/\r$/, "");
}

/**
 * Whether a line is a `$NAME=` definition or one of the lines its backslashes continue it onto. The
 * first line of each backslash chain is remembered, so a file of such lines is walked once.
 */
function definitionLines(text: string, lines: LineIndex): (local: number) => boolean {
  const firstOf = new Map<number, number>();
  const first = (local: number): number => {
    let line = local;
    const walked: number[] = [];
    while (line > 0 && !firstOf.has(line) && lineText(text, lines, line - 1).endsWith("\\")) {
      walked.push(line);
      line--;
    }
    const found = firstOf.get(line) ?? line;
    for (const w of walked) firstOf.set(w, found);
    firstOf.set(local, found);
    return found;
  };
  return (local) => /^\s*(?:@\^?\S+\s+)?\$/.test(lineText(text, lines, first(local)));
}

export const commentBackslash: KeepalivedRule = {
  meta: {
    id: "KA057",
    alias: "comment-backslash",
    product: "keepalived",
    severity: "error",
    category: "syntax",
    description: "a comment ends the line with a backslash, which keepalived adds to the line's last word; or a '\\#' comment whose braces it counts",
    fixable: false,
    native: "partly",
    stricter: "keepalived glues the backslash ending a comment to the line's last word; for a number or keyword it says so, for a name or a path (`router_id lb1\\`) it takes the changed value without a word",
  },
  check({ model, report }) {
    if (!model.textHolds("\\")) return;
    if (model.textHolds("\\#") || model.textHolds("\\!")) {
      for (const file of model.files) {
        const text = file.parse.lines.text;
        for (const m of text.matchAll(ESCAPED_COMMENT)) {
          const comment = m[1]!;
          let opens = 0;
          let closes = 0;
          for (const c of comment) {
            if (c === "{") opens++;
            else if (c === "}") closes++;
          }
          if (opens === closes) continue;
          const start = m.index + m[0].length - comment.length;
          report({
            range: file.parse.lines.range(start, start + comment.length),
            uri: file.uri,
            severity: "warning",
            message: `keepalived reads this as a comment but still counts its ${opens > closes ? "'{'" : "'}'"}, and reports ${opens > closes ? "a missing '}'" : "an extra '}'"} (keepalived -t fails); remove the brace from the comment or start it with '#' alone`,
          });
        }
      }
    }
    for (const file of model.files) {
      const candidates = model.matchingLines(file, CANDIDATE);
      if (!candidates || candidates.size === 0) continue;
      const lines = file.parse.lines;
      const text = lines.text;
      const inDefinition = definitionLines(text, lines);
      for (const documentLine of [...candidates].sort((a, b) => a - b)) {
        const local = documentLine - lines.base.line;
        const start = lines.lineStart(local);
        const line = lineText(text, lines, local);
        if (inDefinition(local)) continue;
        const hash = commentStart(line);
        if (hash < 0) continue;
        const before = line.slice(0, hash).trimEnd();
        const backslash = start + line.length - 1;
        const last = /(?:"[^"]*"|[^\s{}"]+)$/.exec(before)?.[0];
        report({
          range: lines.range(backslash, backslash + 1),
          uri: file.uri,
          message: last === undefined
            ? "keepalived reads this backslash at the end of the line as a keyword of its own ('\\'), although it stands in a comment; end the comment with another character"
            : `keepalived adds this backslash to '${last}', the last word before the comment ('${last.replace(/^"|"$/g, "")}\\'), although it stands in the comment; end the comment with another character`,
        });
      }
    }
  },
};
