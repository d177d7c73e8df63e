// How lblint's findings are compared with the real checkers' verdicts on the labelled corpus:
// which files count as accepted, which as rejected for a reason lblint should see (not the
// environment of the machine that ran the checker), which rejections are version drift, and which
// lines the checker names.
import type { ManifestEntry } from "./corpus.js";
import { messageLine } from "./classification.js";

/**
 * Checker messages about the machine rather than the file: missing certificates, maps, Lua files,
 * include files, interfaces, users, DNS. A file whose only messages are these is not a lint target.
 */
export const ENVIRONMENT_MESSAGES: readonly RegExp[] = [
  /unable to stat SSL certificate|unable to load SSL|No such file or directory|cannot open|failed to open pattern file|unable to load file|error opening file|Couldn't open|unable to load (?:DH parameters|\/)/i,
  /error in Lua file/,
  /could not resolve address|invalid address: '[^']*[a-z][^']*' in/i,
  /cannot find user id|cannot find group id|Can't find (?:user|group)/i,
  /Non-existent interface|interface \S+ (?:for \S+ \S+ )?doesn't exist|tracked interface \S+ doesn't exist|Interface name '.*' too long/,
  /Unable to set default user|Error setting global script uid|SECURITY VIOLATION|Disabling track script \S+ since not found/,
  /missing timeouts for|Fatal errors found|Error\(s\) found in configuration file|Configuration file is valid|Warnings were found/,
  /QUIC is not compiled in|not compiled in/i,
];

/** Messages of the checker that say a keyword or syntax belongs to another version. */
export const DRIFT_MESSAGES: readonly RegExp[] = [
  /not supported anymore since HAProxy/i,
  /nbproc is not supported any more/,
  // keepalived: "nb_get_retry is deprecated - please use 'retry'", "… is deprecated. Please use …"
  /deprecated\W+[Pp]lease use|is deprecated\.$|^\s*(?:\(.*\) )?Please use global/,
  /please use the 'bind' keyword for listening addresses/,
];

export type Verdict =
  | { kind: "accepted"; why: string }
  | { kind: "rejected"; drift: boolean; lines: number[] }
  | { kind: "environment" }
  | { kind: "unlabelled" };

function relevant(entry: ManifestEntry, message: string): boolean {
  if (entry.format === "haproxy" && !/\[ALERT\]/.test(message)) return false;
  if (/^\[NOTICE\]|^\[WARNING\]/.test(message)) return false;
  return !ENVIRONMENT_MESSAGES.some((pattern) => pattern.test(message));
}

/**
 * haproxy accepts a file with exit 0, or 2 ("no listener"). keepalived exits 5 for any message, so
 * its verdict comes from the messages: those of the run where every interface the file names
 * existed (`oracle_ifaces`) when there is one, less the ones about the machine.
 */
export function verdict(entry: ManifestEntry): Verdict {
  if (!entry.oracle || entry.templated || entry.file.startsWith("templated/")) return { kind: "unlabelled" };
  const oracle = entry.format === "keepalived" ? (entry.oracle_ifaces ?? entry.oracle) : entry.oracle;
  if (oracle.exit_code === 0 || (entry.format === "haproxy" && oracle.exit_code === 2)) return { kind: "accepted", why: `exit ${oracle.exit_code}` };
  // haproxy built without a feature the file needs.
  if (entry.error_classes?.includes("checker_build")) return { kind: "environment" };
  const messages = oracle.messages.filter((message) => relevant(entry, message));
  if (messages.length === 0) return entry.format === "keepalived" ? { kind: "accepted", why: "only messages about the machine" } : { kind: "environment" };
  const drift = messages.every((message) => DRIFT_MESSAGES.some((pattern) => pattern.test(message)));
  const lines = [...new Set(messages.map((message) => messageLine(entry, message)).filter((line): line is number => line !== undefined))].sort((a, b) => a - b);
  return { kind: "rejected", drift, lines };
}
