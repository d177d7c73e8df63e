// KA007: words keepalived never reads. keepalived takes what a keyword needs from its line (or its
// brace segment) and drops the rest without a word: `state BACKUP priority 150` is `state BACKUP`,
// `authentication { auth_type PASS auth_pass x }` has no password, `script /bin/check a b` runs
// `/bin/check` alone. When the dropped words start with a keyword of the same block, the fix puts
// them on a line of their own; for a command, it quotes the whole command. Dropped words with letters
// outside ASCII are a note without its '#' (`priority 120 权限`), and so are words after `//` or
// `;`: a warning, fixed into a comment.
// A "yes" after a keyword that takes no value says what the keyword does anyway: not reported.
// Also a password that goes on with `#` or `!` and no blank (`auth_pass P@##D321!`): keepalived starts
// a comment there even inside a word and keeps 'P@' (keepalived 2.2.7, measured with the password
// dump), without a word. A warning, with a fix that quotes it. Other values are left alone: there
// `eth0#uplink` is more likely a note written without a blank, which keepalived reads as meant.
import type { Statement, Word } from "../../../../grammars/keepalived/ast.js";
import { keepalivedKeyword } from "../../facts/keepalived.js";
import type { Fix, KeepalivedRule } from "../../lint/rule.js";
import { gluedCommand, isCommand, readArguments } from "./arguments.js";
import { commentStart, lineText } from "./comment-backslash.js";
import type { KeepalivedModel } from "./model.js";
import { keywordStatements, linesByReading, wordCounts } from "./keywords.js";

/**
 * A "yes" after a keyword that takes no value (`vrrp_skip_check_adv_addr 1`, `nopreempt yes`): the
 * word is dropped, and the keyword turns the setting on, as the word says, so nothing is wrong.
 * (A "no" there is: `enable_script_security 0` turns it on.)
 */
const YES: ReadonlySet<string> = new Set(["1", "yes", "on", "true", "enable", "enabled"]);

/** A word with a letter outside ASCII (`权限`, `MASTER或BACKUP`): no keyword or value keepalived reads. */
const NOTE = /[^\x00-\x7f]/;

function indentationOf(statement: Statement, text: string): string {
  const start = statement.range.startOffset;
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== "\n" && text[lineStart - 1] !== "\r") lineStart--;
  const before = text.slice(lineStart, start);
  return /^[ \t]*$/.test(before) ? before : (/^[ \t]*/.exec(before)?.[0] ?? "");
}

/** An `auth_pass` line whose last word runs into a `#` or `!` and goes on to the end of the line without a blank. */
const GLUED_COMMENT = /auth_pass[ \t]+[^\s#!"]+[#!]\S*[ \t]*\r?$/m;

/**
 * Passwords cut by a comment sign inside them: the `auth_pass` value goes on after `#` or `!` without
 * a blank up to the end of the line, so it reads as one word, not as a value and a note.
 */
function gluedComments(model: KeepalivedModel, report: Parameters<KeepalivedRule["check"]>[0]["report"]): void {
  if (!model.textHolds("#") && !model.textHolds("!")) return;
  for (const file of model.files) {
    const candidates = model.matchingLines(file, GLUED_COMMENT);
    if (!candidates || candidates.size === 0) continue;
    const lines = file.parse.lines;
    const text = lines.text;
    for (const documentLine of candidates) {
      const local = documentLine - lines.base.line;
      const line = lineText(text, lines, local);
      const hash = commentStart(line);
      if (hash <= 0 || /\s/.test(line[hash - 1]!)) continue;
      const cut = line.slice(hash).trimEnd();
      const words = line.slice(0, hash).trim().split(/\s+/);
      if (/\s/.test(cut) || words.length !== 2 || words[0] !== "auth_pass" || line.slice(0, hash).includes('"')) continue;
      const kept = words[words.length - 1]!;
      const start = lines.lineStart(local) + hash - kept.length;
      const end = lines.lineStart(local) + hash + cut.length;
      report({
        range: lines.range(start + kept.length, end),
        uri: file.uri,
        severity: "warning",
        message: `keepalived starts a comment at '${cut[0]}' even inside a word: the password is '${kept}', and '${cut}' is dropped; put it in double quotes to keep it whole`,
        fix: { description: "quote the password", edits: [{ start: lines.base.offset + start, end: lines.base.offset + end, newText: `"${kept}${cut}"` }] },
      });
    }
  }
}

export const extraWords: KeepalivedRule = {
  meta: {
    id: "KA007",
    alias: "extra-words",
    product: "keepalived",
    severity: "error",
    category: "syntax",
    description: "words after a keyword's values that keepalived silently drops",
    fixable: true,
    native: "silent",
    stricter: "keepalived drops the words after a keyword's values without a message, so the line does something else than it says (`enable_script_security 0` turns it on)",
  },
  check({ model, report }) {
    const texts = new Map(model.files.map((file) => [file.uri, file.parse.lines.text]));
    const lines = keywordStatements(model);
    const counts = wordCounts(model);
    for (const [reading, indexes] of linesByReading(model)) {
      if (reading.kind !== "known" || !reading.keyword.args || reading.keyword.args.max < 0) continue;
      const { max } = reading.keyword.args;
      const command = isCommand(reading.keyword);
      for (const i of indexes) {
        // A command groups several words into one argument; other keywords take one word each.
        if (!command && counts[i]! - 1 <= max) continue;
        const { statement, uri, blockId } = lines[i]!;
        // A command glued to its keyword by a quote is KA003's: keepalived reads other words than these.
        if (command && gluedCommand(statement)) continue;
        const { groups } = readArguments(statement, reading.keyword);
        if (groups.length <= max) continue;
        const dropped: Word[] = groups.slice(max).flat();
        const first = dropped[0]!;
        if (max === 0 && !command && dropped.length === 1 && YES.has(first.value.toLowerCase())) continue;
        const last = dropped[dropped.length - 1]!;
        const range = { start: first.range.start, end: last.range.end };
        const name = statement.keyword.value;
        const droppedText = dropped.map((word) => word.text).join(" ");
        const excerpt = droppedText.length > 40 ? `${droppedText.slice(0, 40)}…` : droppedText;
        let fix: Fix | undefined;
        let message: string;
        const nextKeyword = keepalivedKeyword(blockId, first.value);
        const valueBefore = statement.args[max - 1];
        if (dropped.length === 1 && first.text === "\\" && valueBefore && !isCommand(reading.keyword)) {
          // keepalived 2.2.7 continues no line: a '\' at the end joins the word before it (measured:
          // `priority 100 \` is "invalid number '100\'"), as after a comment (KA057).
          message = `a '\\' does not continue the line: keepalived reads '${valueBefore.text}\\' as the value of '${name}'`;
          fix = undefined;
          report({ uri, range, message, suggestions: [{ description: "remove the '\\'", edits: [{ start: valueBefore.range.end.offset, end: first.range.end.offset, newText: "" }] }] });
          continue;
        }
        if (isCommand(reading.keyword)) {
          const all = statement.args;
          const whole = all.map((word) => word.text).join(" ");
          message = `keepalived runs only '${groups[0]!.map((w) => w.text).join(" ")}' and drops '${excerpt}'; quote the whole command`;
          if (!whole.includes('"')) {
            fix = {
              description: "quote the whole command",
              edits: [{ start: all[0]!.range.start.offset, end: all[all.length - 1]!.range.end.offset, newText: `"${all.map((w) => w.value).join(" ")}"` }],
            };
          }
        } else if (nextKeyword) {
          message = `keepalived reads '${name}' with ${max === 0 ? "no value" : max === 1 ? "one value" : `${max} values`} and drops '${excerpt}'; '${first.value}' must stand on its own line`;
          const text = texts.get(uri);
          if (text !== undefined) {
            const before = statement.args[max - 1]?.range.end.offset ?? statement.keyword.range.end.offset;
            fix = { description: `put '${first.value}' on its own line`, edits: [{ start: before, end: first.range.start.offset, newText: `\n${indentationOf(statement, text)}` }] };
          }
        } else if (first.value.startsWith("//") || first.value.startsWith(";") || dropped.every((word) => NOTE.test(word.value))) {
          // Words with letters outside ASCII are no keepalived setting or value: a note written
          // without its '#' (common in tutorials), as are words after '//' or ';' (the comment
          // marks of C and of ini files and Lisp, which keepalived does not know: `priority 110
          // ;; note` is priority 110, keepalived 2.2.7 -t silent). keepalived drops them and the
          // line does what it says, so a warning, not the error of a dropped setting.
          message = `keepalived reads '${name}' with ${max === 0 ? "no value" : max === 1 ? "one value" : `${max} values`} and drops '${excerpt}', which reads like a note: start it with '#'`;
          report({ uri, range, severity: "warning", message, fix: { description: "make it a comment", edits: [{ start: first.range.start.offset, end: first.range.start.offset, newText: "# " }] } });
          continue;
        } else {
          message = `keepalived reads '${name}' with ${max === 0 ? "no value" : max === 1 ? "one value" : `${max} values`} and drops '${excerpt}'`;
      }
      report({ uri, range, message, ...(fix ? { fix } : {}) });
      }
    }
    gluedComments(model, report);
  },
};
