// Hover on a value of a closed list: `balance leastconn`, `hash-type consistent`, `log … local0 info`,
// `option httpchk GET`; keepalived `lvs_sched wlc`, `lb_kind DR`, `state BACKUP`. What the value
// means (facts/value-summaries.ts), its version history, and the link of its keyword.
import { haproxyDocUrl, type HaproxyKeywordMatch } from "../facts/haproxy.js";
import { haproxyValue } from "../facts/haproxy-values.js";
import { keepalivedDocUrl } from "../facts/keepalived.js";
import type { HaproxyVersion, KeepalivedKeyword, KeepalivedVersion } from "../facts/types.js";
import { HAPROXY_VALUE_SUMMARIES, haproxyValueSummary, keepalivedValueSummary } from "../facts/value-summaries.js";
import { versionNote } from "./describe.js";

/** Keywords whose first argument is a value of the list of the same name. */
const FIRST_ARGUMENT = new Set(["balance", "mode", "http-reuse", "compression", "option httpchk"]);
const HASH_TYPE = ["hash-type", "hash-type function", "hash-type modifier"];

/**
 * The list a haproxy argument belongs to: `args` are the words after the keyword, `at` the index of
 * the one under the cursor. In `log <target> … <facility> [<level> [<minlevel>]]` the first facility
 * word after the target is the facility and later level words are levels.
 */
export function haproxyValueList(keyword: string, args: readonly string[], at: number): string | undefined {
  if (FIRST_ARGUMENT.has(keyword)) return at === 0 ? keyword : undefined;
  if (keyword === "hash-type") return HASH_TYPE[at];
  if (keyword !== "log" || at < 1) return undefined;
  const facilities = HAPROXY_VALUE_SUMMARIES["log facility"]!;
  const facility = args.findIndex((word, i) => i >= 1 && Object.hasOwn(facilities, word));
  if (facility < 0 || at < facility) return undefined;
  return at === facility ? "log facility" : "log level";
}

/** The hover text of a haproxy value, or undefined when the word is no known value there. */
export function describeHaproxyValue(match: HaproxyKeywordMatch, args: readonly string[], at: number, version: HaproxyVersion): string | undefined {
  const keyword = match.keyword;
  const list = haproxyValueList(keyword.name, args, at);
  const word = args[at];
  if (!list || word === undefined) return undefined;
  const summary = haproxyValueSummary(list, word);
  if (!summary) return undefined;
  return [
    "```haproxy\n" + `${keyword.name} ${word}` + "\n```",
    summary,
    versionNote(haproxyValue(list, word)?.availability, version, "haproxy"),
    `[haproxy ${version} documentation: \`${keyword.name}\`](${haproxyDocUrl(keyword, version)})`,
  ]
    .filter((line) => line !== undefined)
    .join("\n\n");
}

/** The hover text of a keepalived value (`lb_kind DR`), or undefined. */
export function describeKeepalivedValue(keyword: KeepalivedKeyword, value: string, version: KeepalivedVersion): string | undefined {
  const summary = keepalivedValueSummary(keyword.name, value);
  if (!summary) return undefined;
  return [
    "```keepalived\n" + `${keyword.name} ${value}` + "\n```",
    summary,
    versionNote(keyword.availability, version, "keepalived"),
    `[keepalived.conf(5) for ${version}: \`${keyword.name}\`](${keepalivedDocUrl(keyword, version)})`,
  ]
    .filter((line) => line !== undefined)
    .join("\n\n");
}
