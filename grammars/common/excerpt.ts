// Messages quote what the user wrote, but a word can be a whole 200 KB line: a message quotes at most
// a short excerpt, so that one diagnostic cannot flood a terminal, a log or an editor's hover.

/** Longest quotation in a message, in UTF-16 code units, ellipsis included. */
export const MAX_EXCERPT = 60;

/** `text` itself when short, else its start and an ellipsis (never half of a surrogate pair). */
export function excerpt(text: string, max = MAX_EXCERPT): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
