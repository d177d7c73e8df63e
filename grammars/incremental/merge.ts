// The document's diagnostics in order, from the pieces' own (each list sorted, the pieces in order,
// so their concatenation is sorted) and the few worked out over the whole document: a merge, rather
// than a sort of every diagnostic after each edit.
import type { SyntaxDiagnostic } from "../common/diagnostics.js";

export function mergeDiagnostics(pieces: readonly (readonly SyntaxDiagnostic[])[], whole: readonly SyntaxDiagnostic[]): SyntaxDiagnostic[] {
  const extra = whole.length > 1 ? [...whole].sort((a, b) => a.range.startOffset - b.range.startOffset) : whole;
  const out: SyntaxDiagnostic[] = [];
  let next = 0;
  for (const list of pieces) {
    for (const diagnostic of list) {
      // A piece's diagnostic comes first at equal offsets, as the whole-file checks run last.
      while (next < extra.length && extra[next]!.range.startOffset < diagnostic.range.startOffset) out.push(extra[next++]!);
      out.push(diagnostic);
    }
  }
  while (next < extra.length) out.push(extra[next++]!);
  return out;
}
