/** p50 / p99 / max of a sample, nearest-rank (no interpolation: every number was observed). */
export type Spread = { readonly count: number; readonly p50: number; readonly p99: number; readonly max: number };

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return { count: sorted.length, p50: rank(50), p99: rank(99), max: sorted.at(-1) ?? Number.NaN };
}

export const formatSpread = (spread: Spread) =>
  `${Math.round(spread.p50)} / ${Math.round(spread.p99)} / ${Math.round(spread.max)} ms (n=${spread.count})`;
