// Text edits: what an editor applies, and how every change the edit API makes is expressed, so that
// each untouched byte of the file survives.

export interface TextEdit {
  /** UTF-16 offsets in the original text: [start, end) is replaced. */
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/**
 * Applies edits made against the same original text. Edits at the same offset keep the order in
 * which they were made; overlapping edits are a programming error and throw.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order)
    .map((entry) => entry.edit);
  let out = "";
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) {
      throw new RangeError(`overlapping or invalid edit at offset ${edit.start}`);
    }
    out += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}
