// Time spent per rule, kept only when asked for (`LBLINT_TIMING=1 lblint …`, as ESLint's TIMING):
// it tells a user with a slow file, or someone writing a rule, which rules cost what. Off, it costs
// one boolean test per rule run.

let totals: Map<string, number> | undefined;

export function enableRuleTiming(): void {
  totals ??= new Map();
}

export function ruleTimingEnabled(): boolean {
  return totals !== undefined;
}

/** Adds `ms` to what `name` (a rule id, or a step of the lint such as building the model) took. */
export function recordRuleTime(name: string, ms: number): void {
  if (totals) totals.set(name, (totals.get(name) ?? 0) + ms);
}

/**
 * The `limit` costliest entries as a small table: name, milliseconds, share of all timed work.
 * `limit` 0 or less lists them all.
 */
export function ruleTimingReport(limit = 10): string {
  if (!totals || totals.size === 0) return "";
  const rows = [...totals].sort((a, b) => b[1] - a[1]);
  const all = rows.reduce((sum, [, ms]) => sum + ms, 0);
  const shown = limit > 0 ? rows.slice(0, limit) : rows;
  const width = Math.max(4, ...shown.map(([name]) => name.length));
  const lines = [`${"Rule".padEnd(width)} | Time (ms) | Relative`, `${"-".repeat(width)}-|-----------|---------`];
  for (const [name, ms] of shown) lines.push(`${name.padEnd(width)} | ${ms.toFixed(1).padStart(9)} | ${((100 * ms) / (all || 1)).toFixed(1).padStart(7)}%`);
  return `${lines.join("\n")}\n`;
}
