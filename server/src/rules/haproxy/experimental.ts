// What haproxy hides behind `expose-experimental-directives`, beyond the experimental actions and
// global keywords action-words.ts reads: reverse HTTP, whose `rhttp@` address (of a bind or a server)
// and bind option `nbconn` are refused without it (measured on 3.0.11 and 3.2.26: "Address 'rhttp@'
// is experimental, must be allowed via a global 'expose-experimental-directives'", "'nbconn' is
// experimental"; with it, `nbconn` on another address is "only valid for reverse HTTP listeners").
import type { Report } from "../../lint/rule.js";
import type { Placed } from "./model.js";

export function experimentalMessage(name: string): string {
  return `'${name}' is experimental: haproxy refuses it unless 'expose-experimental-directives' comes first, in the global section`;
}

/** Whether a global section says `expose-experimental-directives` before `placed` (or in another file, which may come first). */
export function experimentalBefore(placed: Placed, exposed: readonly Placed[]): boolean {
  return exposed.some((line) => line.section.uri !== placed.section.uri || line.statement.range.startOffset < placed.statement.range.startOffset);
}

/** A bind, server or default-server line's reverse HTTP words, read at haproxy 3.0 and later. */
export function reverseHttpReports(placed: Placed, experimental: boolean): Report[] {
  const args = placed.statement.args;
  const address = placed.keyword === "default-server" ? undefined : args[placed.keyword === "server" ? 1 : 0];
  const reverse = address !== undefined && address.value.startsWith("rhttp@");
  const reports: Report[] = [];
  if (reverse && !experimental) reports.push({ range: address.range, message: experimentalMessage("rhttp@") });
  if (placed.keyword !== "bind") return reports;
  const at = placed.indexOf("nbconn");
  if (at < 0) return reports;
  const option = args[at]!;
  if (!experimental) reports.push({ range: option.range, message: experimentalMessage("nbconn") });
  else if (address && !reverse && !address.value.includes("$")) reports.push({ range: option.range, message: "'nbconn' sets how many connections a reverse HTTP listener opens: haproxy takes it only on an 'rhttp@' address" });
  return reports;
}
