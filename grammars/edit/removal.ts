// What else a removal must take with it, or must not be made without. keepalived lists the names of
// scripts, tracked processes and files and sync-group members one entry per line: an entry that
// names a removed block goes with it. Any other reference (`use_backend web`, `track web/s1`,
// `virtual_server group NAME`) cannot be removed on its own, so the removal is refused.
import type { HaproxyParseResult } from "../haproxy/parse.js";
import type { Line, Section, Statement as HaproxyStatement, Word as HaproxyWord } from "../haproxy/ast.js";
import type { KeepalivedItem, Statement as KeepalivedStatement, Word as KeepalivedWord } from "../keepalived/ast.js";
import type { KeepalivedParseResult } from "../keepalived/parse.js";
import { haproxyReferencesTo } from "../references/haproxy.js";
import { keepalivedReferencesTo } from "../references/keepalived.js";
import { describeNode } from "./membership.js";

/** Options of `ConfigEditor.remove()`. */
export interface RemoveOptions {
  /** Remove only the node, and leave every reference to it (list entries included) as it is. */
  readonly keepReferences?: boolean;
}

/**
 * The keepalived list entries to remove with `node`. Throws a RangeError, listing them, when other
 * references name it. References inside `node` itself or inside `removed` ranges do not count.
 */
export function dependentEntries(
  parsed: HaproxyParseResult | KeepalivedParseResult,
  node: Line | Section | KeepalivedItem,
  removed: readonly { start: number; end: number }[],
): KeepalivedStatement[] {
  const within = (word: HaproxyWord | KeepalivedWord, span: { start: number; end: number }) => word.range.startOffset >= span.start && word.range.endOffset <= span.end;
  const self = { start: node.range.startOffset, end: node.range.endOffset };
  const live = (word: HaproxyWord | KeepalivedWord) => !within(word, self) && !removed.some((span) => within(word, span));
  const blocking: { keyword: string; line: number }[] = [];
  const entries: KeepalivedStatement[] = [];
  if (parsed.format === "haproxy") {
    const target = node.kind === "section" ? node : node.kind === "statement" && node.keyword.value === "server" ? (node as HaproxyStatement) : undefined;
    for (const reference of target ? haproxyReferencesTo(parsed.ast, target) : []) {
      if (live(reference.word)) blocking.push({ keyword: reference.statement.keyword.text, line: reference.statement.line });
    }
  } else if (node.kind === "block") {
    for (const reference of keepalivedReferencesTo(parsed.ast, node)) {
      if (!live(reference.word)) continue;
      if (reference.entry) entries.push(reference.statement);
      else blocking.push({ keyword: reference.statement.keyword.text, line: reference.statement.line });
    }
  }
  if (blocking.length > 0) {
    const where = blocking.map((reference) => `'${reference.keyword}' on line ${reference.line + 1}`).join(", ");
    const those = blocking.length === 1 ? "that reference" : "those references";
    throw new RangeError(`remove: the ${describeNode(node)} is still named by ${where}; change or remove ${those} first, or pass { keepReferences: true }`);
  }
  return entries;
}
