// Small builders for the fixes rules offer: replace a word, remove a line.
import type { Range } from "../../../grammars/common/text.js";
import type { Fix } from "./rule.js";

export function replaceRange(range: Range, newText: string, description: string): Fix {
  return { description, edits: [{ start: range.start.offset, end: range.end.offset, newText }] };
}

/**
 * Did-you-mean edits: with exactly one candidate it is the fix (`--fix` applies it); with several,
 * guessing would be unsafe, so they are only suggestions an editor offers.
 */
export function replacementFixes(range: Range, candidates: readonly string[]): { fix?: Fix; suggestions?: Fix[] } {
  const fixes = candidates.map((candidate) => replaceRange(range, candidate, `replace with '${candidate}'`));
  if (fixes.length === 0) return {};
  return fixes.length === 1 ? { fix: fixes[0]! } : { suggestions: fixes };
}

export function didYouMean(candidates: readonly string[]): string {
  if (candidates.length === 0) return "";
  return `; did you mean ${candidates.map((c) => `'${c}'`).join(" or ")}?`;
}
