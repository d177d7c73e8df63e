// Did-you-mean: the known names closest to a misspelt one, by edit distance (transpositions count
// as one edit, as people mistype), limited so that unrelated names are never offered.

/** Optimal string alignment distance, abandoned early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current = new Array<number>(cols);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = current;
  }
  return prev[cols - 1]!;
}

/**
 * Up to `max` candidates close to `name`, best first. Case differences cost nothing extra beyond one
 * edit, so `MASTER` is offered for `master`.
 */
export function suggest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.min(3, Math.max(1, Math.floor(name.length * 0.3)));
  const scored: { candidate: string; score: number }[] = [];
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const score = candidate.toLowerCase() === lower ? 0.5 : editDistance(name, candidate, limit);
    if (score <= limit) scored.push({ candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  // Only the closest ones: a second-best guess next to a good one is noise.
  const best = scored[0]?.score;
  return [...new Set(scored.filter((s) => s.score === best).map((s) => s.candidate))].slice(0, max);
}
