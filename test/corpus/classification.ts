// How the checkers' messages in the manifest are classified: which files fail for a reason the
// grammar layer owns, and which accepted-with-messages files have only non-syntax messages.
import { basename } from "node:path";
import type { Format, ManifestEntry } from "./corpus.js";

// ---------------------------------------------------------------------------------------------------
// Syntax error classes: checker messages that mean the file fails for a reason the grammar layer owns.
//
// Survey of manifest.jsonl (605 entries, 576 labelled): files, distinct (class, line) findings, and
// how many of those are grammar-level (the rest are `dependent`, see below).
//
// | format     | class                  | checker message (regex)                                   | files | findings | grammar |
// |------------|------------------------|-----------------------------------------------------------|-------|----------|---------|
// | haproxy    | unmatched-quote        | unmatched quote                                           |     0 |        0 |       0 |
// | haproxy    | missing-final-newline  | Missing LF on last line                                   |    16 |       16 |      16 |
// | haproxy    | nul-character          | Stray NUL character                                       |     0 |        0 |       0 |
// | haproxy    | too-many-words         | too many words                                            |     0 |        0 |       0 |
// | haproxy    | outside-section        | unknown keyword '…' out of section                        |     3 |       32 |      32 |
// | haproxy    | unterminated-if        | non-terminated '.if' block                                |     0 |        0 |       0 |
// | haproxy    | lone-conditional       | lone '.elif' / '.else' / '.endif'                         |     0 |        0 |       0 |
// | haproxy    | conditional-after-else | '.elif' / '.else' after '.else'                           |     0 |        0 |       0 |
// | haproxy    | unparsable-condition   | unparsable conditional expression                         |     0 |        0 |       0 |
// | keepalived | unbalanced-braces      | There are N missing '}'s or extra '{'s  (names no line)   |     1 |        1 |       1 |
// | keepalived | unexpected-open-brace  | Unexpected '{' - ignoring                                 |     4 |       10 |       3 |
// | keepalived | stray-close-brace      | Unknown keyword '}'                                       |     4 |        9 |       0 |
// | keepalived | unterminated-quote     | Unterminated quote / Unmatched quote / missing terminating|     0 |        0 |       0 |
//
// haproxy messages name the line as `[FILE:LINE]`; keepalived's as `(Line N)` or `(FILE: Line N)`
// (keepalived -t reads the file once per process, so a problem is often reported two or three times).
// A line counts only when FILE is the file itself, never an included one.
//
// keepalived's brace messages also follow from its keyword tables, which the grammar does not have:
// `real_server_group G1 {` gives `Unknown keyword 'real_server_group'` then `Unexpected '{'` on that
// line, and the `}` of that block later gives `Unknown keyword '}'`. Such findings are `dependent`
// (left to the semantic layer, listed but not checked):
// - `Unexpected '{'` at line N is dependent when the checker also reports `Unknown keyword 'K'` at
//   line N and line N of the file starts with K (the statement keepalived did not know heads the
//   block). `router_id x${u}y` also gives `Unknown keyword 'u'`, but `u` does not start the line, so
//   that brace stays a grammar finding;
// - `Unknown keyword '}'` at line N is dependent when any `Unexpected '{'` comes before it: the `}`
//   of an ignored `{` is left over, and that `{` is the problem (reported on its own line);
// - `missing '}'s or extra '{'s` is dependent when a dependent `Unexpected '{'` exists.
// ---------------------------------------------------------------------------------------------------

export interface SyntaxClass {
  readonly format: Format;
  readonly id: string;
  readonly pattern: RegExp;
}

export const SYNTAX_CLASSES: readonly SyntaxClass[] = [
  { format: "haproxy", id: "unmatched-quote", pattern: /unmatched quote/i },
  { format: "haproxy", id: "missing-final-newline", pattern: /Missing LF on last line/ },
  { format: "haproxy", id: "nul-character", pattern: /Stray NUL character/ },
  { format: "haproxy", id: "too-many-words", pattern: /too many words/ },
  { format: "haproxy", id: "outside-section", pattern: /out of section/ },
  { format: "haproxy", id: "unterminated-if", pattern: /non-terminated '\.if' block/ },
  { format: "haproxy", id: "lone-conditional", pattern: /lone '\.(?:elif|else|endif)'/ },
  { format: "haproxy", id: "conditional-after-else", pattern: /'\.(?:elif|else)' after '\.else'/ },
  { format: "haproxy", id: "unparsable-condition", pattern: /unparsable conditional expression/ },
  { format: "keepalived", id: "unbalanced-braces", pattern: /missing '\}'s or extra '\{'s/ },
  { format: "keepalived", id: "unexpected-open-brace", pattern: /Unexpected '\{'/ },
  { format: "keepalived", id: "stray-close-brace", pattern: /Unknown keyword '\}'/ },
  { format: "keepalived", id: "unterminated-quote", pattern: /Unterminated quote|Unmatched quote|missing terminating/i },
];

export interface SyntaxFinding {
  readonly cls: SyntaxClass;
  /** 1-based line the checker names in this file, or undefined when it names none. */
  readonly line: number | undefined;
  readonly message: string;
  /** keepalived: why the finding follows from another problem rather than the grammar (see above). */
  readonly dependent: string | undefined;
}

/** The checker's line for a message about this file, if it gives one. */
export function messageLine(entry: ManifestEntry, message: string): number | undefined {
  const own = basename(entry.file);
  if (entry.format === "haproxy") {
    const found = /\[([^[\]]+):(\d+)\]/.exec(message);
    return found && found[1] === own ? Number(found[2]) : undefined;
  }
  const found = /\((?:([^()]*): )?Line (\d+)\)/.exec(message);
  return found && (found[1] === undefined || found[1] === own) ? Number(found[2]) : undefined;
}

/** The syntax problems the checker reports for a file (`text`), one per class and line. */
export function syntaxFindings(entry: ManifestEntry, text: string): SyntaxFinding[] {
  if (!entry.oracle || entry.oracle.exit_code === 0) return [];
  const messages = entry.oracle.messages;
  const fileLines = text.split(/\r?\n/);
  // Lines whose first word is a keyword the checker did not know.
  const unknownHeads = new Set<number>();
  for (const message of messages) {
    const unknown = /Unknown keyword '([^']*)'/.exec(message);
    const line = messageLine(entry, message);
    if (!unknown || unknown[1] === "}" || line === undefined) continue;
    if (fileLines[line - 1]?.trim().split(/\s+/)[0] === unknown[1]) unknownHeads.add(line);
  }
  const seen = new Set<string>();
  const raw: Omit<SyntaxFinding, "dependent">[] = [];
  for (const message of messages) {
    for (const cls of SYNTAX_CLASSES) {
      if (cls.format !== entry.format || !cls.pattern.test(message)) continue;
      const line = messageLine(entry, message);
      const key = `${cls.id}:${line ?? "-"}`;
      if (seen.has(key)) continue;
      seen.add(key);
      raw.push({ cls, line, message });
    }
  }
  // A message that names no line only adds something when no message of its class names one.
  const findings = raw.filter((f) => f.line !== undefined || !raw.some((g) => g.cls === f.cls && g.line !== undefined));
  const opens = findings.filter((f) => f.cls.id === "unexpected-open-brace" && f.line !== undefined).map((f) => f.line!);
  const keywordOpens = opens.filter((line) => unknownHeads.has(line));
  return findings.map((f) => {
    let dependent: string | undefined;
    if (f.cls.id === "unexpected-open-brace" && f.line !== undefined && unknownHeads.has(f.line)) {
      dependent = "the line's keyword is unknown to the checker";
    } else if (f.cls.id === "stray-close-brace" && opens.some((line) => line < (f.line ?? Infinity))) {
      dependent = "closes a '{' the checker ignored";
    } else if (f.cls.id === "unbalanced-braces" && keywordOpens.length > 0) {
      dependent = "a '{' after an unknown keyword was ignored";
    }
    return { ...f, dependent };
  });
}

// ---------------------------------------------------------------------------------------------------
// Files the checker accepts. haproxy: exit 0, or 2 ("valid but no listener"). keepalived: exit 0, and
// also exit 5/6 when every message of `oracle` and `oracle_ifaces` matches NON_SYNTAX_MESSAGES below:
// value checks, missing interfaces/scripts/users, deprecations and script security, all of which keepalived
// reports only after it has read the statement in the right block. The rule is deliberately strict:
// - any message not on the list disqualifies the file (new kinds of message are never assumed harmless);
// - `Unknown keyword '…'` always disqualifies it: a keyword read in the wrong block is what a brace
//   problem looks like, and shell text pasted into a config (`cat`, `EOF`, `fi`) shows up the same way;
//   so does any message quoting a `{` or `}`;
// - exit 2 (a fatal parse error) always disqualifies it.
// ---------------------------------------------------------------------------------------------------

export const NON_SYNTAX_MESSAGES: readonly RegExp[] = [
  /Non-existent interface specified in configuration/,
  /WARNING - interface .* doesn't exist/,
  /tracked interface \S+ doesn't exist/,
  /Ignoring track_interface \S+ since own interface/,
  /Interface name '.*' too long - ignoring/,
  /track script \S+ not found, ignoring/,
  /Disabling track script \S+ since not found\/accessible/,
  /No script set for vrrp_script/,
  /Unable to set default user/,
  /Error setting global script uid\/gid/,
  /SECURITY VIOLATION - scripts are being executed but script_security not enabled/,
  /Truncating auth_pass to \d+ characters/,
  /Priority not valid!/,
  /VRID '.*' not valid/,
  /the virtual router id must be set/,
  /unknown state '.*', defaulting to BACKUP/,
  /unknown authentication type/,
  /invalid number '/,
  /number '.*' outside range/,
  /VRRP parsed invalid IP /,
  /Configuration error: VRRP instance\[.*\] malformed (?:src|unicast peer) address/,
  /Invalid address prefix len/,
  /Invalid rule to address/,
  /Invalid smtp server/,
  /No VIP specified/,
  /State MASTER must match being address owner/,
  /is deprecated/,
  /Please use global lvs_sync_daemon/,
  /(?:nopreempt|preempt delay) will not work with initial state MASTER/,
  /Strict mode does not support authentication/,
  /Initial state master is incompatible with AH authentication/,
  /script already specified - ignoring/,
  /accept mode for VRRP version \d+ does not comply/,
  /PARSER : unknown \[\w+\] routing method/,
  /Quorum \d+ must be in/,
  /Rule has no preference specified/,
  /no forwarding method set, setting default/,
  /ports don't match - resetting/,
  /cannot track route .* with no interface specified/,
  /empty notification_email block/,
  /protocol specified for fwmark - protocol will be ignored/,
  /persistence_timeout invalid/,
  /vrrp_(?:garp|gna)_interval '.*' is invalid/,
  /A unicast keyword has been specified without any unicast peers/,
  /vrrp script interval '.*' must be between/,
];

export type AcceptedBecause = "exit 0" | "exit 2 (no listener)" | "only non-syntax messages";

/** Why the checker's verdict says this file has no syntax problem, or undefined when it may have one. */
export function acceptedBecause(entry: ManifestEntry): AcceptedBecause | undefined {
  const oracle = entry.oracle;
  if (!oracle) return undefined;
  if (oracle.exit_code === 0) return "exit 0";
  if (entry.format === "haproxy") return oracle.exit_code === 2 ? "exit 2 (no listener)" : undefined;
  if (oracle.exit_code !== 5 && oracle.exit_code !== 6) return undefined;
  const messages = [...oracle.messages, ...(entry.oracle_ifaces?.messages ?? [])];
  if (messages.length === 0) return undefined;
  // A brace in a message (`VRRP parsed invalid IP {`) means the checker read a brace as a value.
  const harmless = messages.every((m) => !/Unknown keyword|[{}]/.test(m) && NON_SYNTAX_MESSAGES.some((p) => p.test(m)));
  return harmless ? "only non-syntax messages" : undefined;
}

/** A fixed-width text table for console output. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ");
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("-|-"), ...cells.slice(1).map(line)].join("\n");
}
