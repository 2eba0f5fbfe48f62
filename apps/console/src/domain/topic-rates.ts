/** A partition's log end offset, and when it was read. */
export type OffsetSample = { readonly logEnd: string; readonly at: number };

/**
 * Records per second written to a partition between two readings of its end offset. Undefined
 * for the first reading; never negative (a recreated topic starts again at 0).
 */
export function recordsPerSecond(before: OffsetSample | undefined, after: OffsetSample): number | undefined {
  if (!before || after.at <= before.at) return undefined;
  const written = Number(BigInt(after.logEnd) - BigInt(before.logEnd));
  return Math.max(0, written) / ((after.at - before.at) / 1000);
}
