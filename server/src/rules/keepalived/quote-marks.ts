// KA003's warning about quote marks keepalived does not know: it reads only double quotes, so a value
// written in single quotes (`interface 'eth0'`) or typographic ones (`interface “eth0”`, pasted from a
// document) keeps its quote marks. keepalived 2.2.7 then looks for an interface named 'eth0' with its
// quotes ("interface 'eth0' for vrrp_instance VI_1 doesn't exist"), a user “root”, and so on.
import type { Report } from "../../lint/rule.js";
import type { KeepalivedModel } from "./model.js";

const WRAPPED = /^(?:'[^']+'|[“”‘’][^“”‘’]+[“”‘’])$/;

export function quoteMarkReports(model: KeepalivedModel, report: (problem: Report) => void): void {
  // Most files hold none of these characters: nothing to look at.
  if (!["'", "“", "‘", "”", "’"].some((mark) => model.textHolds(mark))) return;
  for (const { statement, uri } of model.mentioning(/['“”‘’]/)) {
    // An entry of a list block (`track_interface { 'eth1' }`) is its line's first word.
    for (const word of [statement.keyword, ...statement.args]) {
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
