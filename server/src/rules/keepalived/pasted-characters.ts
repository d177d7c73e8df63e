// KA003's warnings about characters pasted from a document that keepalived reads as part of a value.
// It knows only double quotes, so a value written in single quotes (`interface 'eth0'`) or typographic
// ones (`interface “eth0”`) keeps its quote marks; and it separates words only at ASCII blanks, so a
// no-break or ideographic space (U+00A0, U+3000) stays in the word. keepalived 2.2.7 then looks for an
// interface named 'eth0' with its quotes or "eth0 " with its space ("interface 'eth0' for vrrp_instance
// VI_1 doesn't exist"), a user “root”, and so on. Numbers with such a space are KA003's errors already.
import type { Report } from "../../lint/rule.js";
import type { KeepalivedModel } from "./model.js";

const WRAPPED = /^(?:'[^']+'|[“”‘’][^“”‘’]+[“”‘’])$/;
const ODD_SPACE = /[\u00a0\u3000]/;
const HALF_QUOTED = /^['“”‘’][^'“”‘’]+$|^[^'“”‘’]+['“”‘’]$/;

export function pastedCharacterReports(model: KeepalivedModel, report: (problem: Report) => void): void {
  // Most files hold none of these characters: nothing to look at.
  if (!["'", "“", "‘", "”", "’", "\u00a0", "\u3000"].some((mark) => model.textHolds(mark))) return;
  for (const { statement, uri } of model.mentioning(/['“”‘’\u00a0\u3000]/)) {
    // An entry of a list block (`track_interface { 'eth1' }`) is its line's first word.
    const words = [statement.keyword, ...statement.args];
    for (let at = 0; at < words.length; at++) {
      const word = words[at]!;
      const space = ODD_SPACE.exec(word.value);
      // In a value, or after an entry of a list block (`track_interface { eth1  }`): a keyword with such
      // a space inside is an unknown keyword (KA001), a number with one is not a number (KA003).
      const entry = word === statement.keyword && statement.args.length === 0 && /[\u00a0\u3000]$/.test(word.value);
      if (space && (word !== statement.keyword || entry) && !/^[\d.\s\u00a0\u3000-]+$/.test(word.value)) {
        const name = space[0] === "\u00a0" ? "a no-break space (U+00A0)" : "an ideographic space (U+3000)";
        report({ uri, range: word.range, severity: "warning", message: `'${word.value}' holds ${name}, which keepalived reads as part of the value, not as a blank` });
        continue;
      }
      // A quote on one side of an interface's name (`dev 'eth0`, `interface eth0'`): keepalived looks for
      // an interface of that name ("interface 'eth0 … doesn't exist"; eleventh mutation round).
      const interfaceName = at > 0 && (words[at - 1]!.value === "dev" || (at === 1 && statement.keyword.value === "interface"));
      if (interfaceName && HALF_QUOTED.test(word.value)) {
        report({ uri, range: word.range, severity: "warning", message: `keepalived knows only double quotes: it looks for an interface named ${word.value}, quote mark included` });
        continue;
      }
      if (!WRAPPED.test(word.value)) continue;
      report({
        uri,
        range: word.range,
        severity: "warning",
        message: `keepalived knows only double quotes: it keeps the quote marks of ${word.value} as part of the value; write ${word.value.slice(1, -1)} or "${word.value.slice(1, -1)}"`,
      });
    }
  }
}
