// Reads every word of a parse result, for scripts/bench.mjs and bench-memory.mjs. The trees make
// their word objects on first use, so a parse alone does not pay for them; this is what a consumer
// that looks at every word pays in all. Returns the number of words, so that no work is skipped.
export function walkWords(lblint, format, result) {
  let count = 0;
  if (format === "haproxy") {
    const { preamble, sections } = result.ast;
    for (const line of preamble) count += line.words.length;
    for (const section of sections) {
      count += section.header.words.length;
      for (const line of section.body) for (const word of line.words) count += word.text.length > 0 ? 1 : 0;
    }
  } else {
    for (const statement of lblint.keepalivedStatements(result.ast)) for (const word of statement.words) count += word.text.length > 0 ? 1 : 0;
  }
  return count;
}
