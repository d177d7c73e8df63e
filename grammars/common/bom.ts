// A UTF-8 byte order mark (EF BB BF, U+FEFF) at the start of a file is invisible in an editor, but
// neither daemon skips it: both read it as the first character of the first word. haproxy 2.6 then
// reports `unknown keyword '\ufeffglobal' out of section` and rejects the file; keepalived 2.2 reports
// `Unknown keyword '\ufeffglobal_defs'` and reads that block's lines as if they stood outside it.
import { diagnostic, type SyntaxDiagnostic } from "./diagnostics.js";
import { excerpt } from "./excerpt.js";
import type { LineIndex } from "./text.js";

const BOM = 0xfeff;

const CONSEQUENCES = {
  haproxy: "haproxy reads it as part of the first word, which is then an unknown keyword outside any section, and rejects the file",
  keepalived: "keepalived reads it as part of the first keyword, which is then unknown, and reads the lines of the block it opens as if they stood outside it",
} as const;

/**
 * Reports a byte order mark at the start of the document (1:1). The fix, deleting the one character,
 * is attached where syntax diagnostics become problems (server/src/lint/report.ts).
 */
export function reportByteOrderMark(text: string, lines: LineIndex, daemon: keyof typeof CONSEQUENCES, diagnostics: SyntaxDiagnostic[]): void {
  if (text.charCodeAt(0) !== BOM || lines.base.offset !== 0) return;
  const firstWord = excerpt(/^\ufeff([^\s#!{}]*)/.exec(text)![1]!);
  const word = firstWord ? ` ('${firstWord}' is read as '\\ufeff${firstWord}')` : "";
  diagnostics.push(
    diagnostic(
      "byte-order-mark",
      "error",
      `the file starts with an invisible UTF-8 byte order mark (U+FEFF)${word}: ${CONSEQUENCES[daemon]}; save the file as UTF-8 without BOM`,
      lines.range(0, 1),
    ),
  );
}
