import { setTimeout as delay } from 'node:timers/promises';

/**
 * The fault suite runs in two forms: short inside `npm test` (every scenario, brief faults),
 * long as `npm run test:faults` (ORDERFLOW_FAULTS=long: longer outages, more load, more
 * repetitions). The scenarios and the checks are the same; only the durations change.
 */
export const longForm = process.env['ORDERFLOW_FAULTS'] === 'long';

/** A duration in milliseconds: `short` seconds in the short form, `long` in the long one. */
export const seconds = (short: number, long: number): number => (longForm ? long : short) * 1_000;

/** A count: `short` in the short form, `long` in the long one. */
export const times = (short: number, long: number): number => (longForm ? long : short);

/** Lets the load run for a while: the scenario's time line, not a wait for a condition. */
export const loadFor = (ms: number): Promise<void> => delay(ms);
