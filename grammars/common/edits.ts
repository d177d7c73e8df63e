// Text edits: what an editor applies, and how every change the edit API makes is expressed, so that
// each untouched byte of the file survives.

/** Replaces the UTF-16 range [start, end) of the original text with `newText`. */
export interface TextEdit {
  /** UTF-16 offset in the original text where the replaced range starts (an integer, 0 ≤ start ≤ end). */
  readonly start: number;
  /** UTF-16 offset just after the replaced range (equal to `start` for an insertion). */
  readonly end: number;
  /** The text that takes the range's place ("" to delete it). */
  readonly newText: string;
}

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "string" ? JSON.stringify(value) : typeof value === "object" ? "an object" : String(value);
}

/**
 * Throws a TypeError or RangeError, naming the edit, unless `edit` is a well-formed edit of a text of
 * `length` UTF-16 units: integer offsets with 0 ≤ start ≤ end ≤ length and a string `newText`.
 */
export function checkTextEdit(edit: unknown, length: number, index = 0): asserts edit is TextEdit {
  const name = `edit #${index}`;
  if (typeof edit !== "object" || edit === null) throw new TypeError(`${name} must be an object { start, end, newText }, got ${describe(edit)}`);
  const { start, end, newText } = edit as Record<string, unknown>;
  for (const [field, value] of [["start", start], ["end", end]] as const) {
    if (typeof value !== "number") throw new TypeError(`${name}: '${field}' must be a number, got ${describe(value)}`);
    if (!Number.isInteger(value)) throw new RangeError(`${name}: '${field}' must be a whole UTF-16 offset, got ${value}`);
  }
  if (typeof newText !== "string") throw new TypeError(`${name}: 'newText' must be a string, got ${describe(newText)}`);
  const [from, to] = [start as number, end as number];
  if (from < 0 || to > length) throw new RangeError(`${name}: [${from}, ${to}) lies outside the text, whose length is ${length}`);
  if (to < from) throw new RangeError(`${name}: 'end' (${to}) comes before 'start' (${from})`);
}

/**
 * The edits in the order they apply: by start offset, then by end offset; edits at the same offset
 * keep the order in which they were made (the order LSP clients give inserts at one position).
 * Throws a RangeError when two edits overlap, since no order of applying them is right.
 */
export function sortTextEdits<Edit extends TextEdit>(edits: readonly Edit[]): Edit[] {
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order);
  let cursor = 0;
  let owner = -1;
  for (const { edit, order } of sorted) {
    if (edit.start < cursor) {
      throw new RangeError(`edit #${order} [${edit.start}, ${edit.end}) overlaps edit #${owner}, which replaces the text up to offset ${cursor}`);
    }
    if (edit.end >= cursor) {
      cursor = edit.end;
      owner = order;
    }
  }
  return sorted.map((entry) => entry.edit);
}

/**
 * Applies edits made against the same original text and returns the new text. Every edit is checked
 * first: a TypeError for a missing or non-numeric field, a RangeError for a fractional, NaN or
 * out-of-range offset and for edits that overlap. Edits at the same offset keep their order.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (typeof text !== "string") throw new TypeError(`applyEdits expects the original text as a string, got ${describe(text)}`);
  if (!Array.isArray(edits)) throw new TypeError(`applyEdits expects an array of edits, got ${describe(edits)}`);
  edits.forEach((edit, index) => checkTextEdit(edit, text.length, index));
  let out = "";
  let cursor = 0;
  for (const edit of sortTextEdits(edits)) {
    out += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}
