/** One line of the bench table; `key` stays the same across commits, so two JSON files compare. */
export type BenchRow = {
  readonly key: string;
  readonly measure: string;
  /** The headline number (a rate, or a p99 in ms); NaN when the measure could not be taken. */
  readonly value: number;
  readonly unit: string;
  /** More of the result, e.g. `p50 / p99 / max`. */
  readonly detail?: string;
  /** The design brief's target, as text: the table shows it, nothing asserts it. */
  readonly target?: string;
};

/** What `npm run bench` writes as JSON. */
export type BenchReport = {
  readonly startedAt: string;
  readonly commit: string;
  readonly mode: 'full' | 'quick' | 'smoke';
  readonly rows: readonly BenchRow[];
  readonly ratios: readonly { readonly name: string; readonly value: number }[];
};
