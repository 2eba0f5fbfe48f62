// The public API of @orderflow/bench: `npm run bench` as a function, for its smoke test.
export type { BenchReport, BenchRow } from './bench-row.ts';
export { fullBench, quickBench, smokeBench, type BenchSettings } from './bench-settings.ts';
export { markdownTable, ratiosOf } from './report-table.ts';
export { runBench, type BenchOptions } from './run-bench.ts';
