/** How big and how long each measure of `npm run bench` is. */
export type BenchSettings = {
  /** Records per producer measure (Java perf test and plain kafkajs). */
  readonly producerRecords: number;
  /** One size for every record of every row, as in the issue: 300 B. */
  readonly recordBytes: number;
  /** Plain kafkajs: records per awaited send, and sends in flight at once. */
  readonly kafkajsBatch: number;
  readonly kafkajsInFlight: number;
  /** Outbox rows the relay drains. */
  readonly relayRows: number;
  /** Events each service's consumer drains from a backlog. */
  readonly drainEvents: number;
  /**
   * Orders at `warmUpRate` for this long before the rows that place orders, not measured: on a
   * fresh cluster the brokers spend their first minutes compiling (one broker's JIT threads
   * took 20 of its first 40 CPU seconds), and those rows should measure the pipeline, not
   * the compiler. 0: no warm-up.
   */
  readonly warmUpSeconds: number;
  readonly warmUpRate: number;
  /** POST /orders, closed loop: connections and seconds. */
  readonly acceptConnections: number;
  readonly acceptSeconds: number;
  /** Order flow sustained: the fixed rates tried, lowest first, and seconds per step. */
  readonly flowRates: readonly number[];
  readonly flowStepSeconds: number;
  /** Latency at fixed rates (the 20 % of row 5 rate is added): seconds per rate. */
  readonly latencyRates: readonly number[];
  readonly latencySeconds: number;
  /** Failover: seconds of load, and when the partition leader is killed and started again. */
  readonly failoverSeconds: number;
  readonly failoverKillAtSeconds: number;
  readonly failoverRestartAtSeconds: number;
  /** The console's cost: seconds at idle and seconds at `consoleLoadRate` orders/s. */
  readonly consoleSeconds: number;
  readonly consoleLoadRate: number;
  /** How long a step may take to settle (its backlog confirmed) before the bench gives up on it. */
  readonly settleTimeoutMs: number;
};

/** The real measure: about ten minutes on a quiet 2-core machine. */
export const fullBench: BenchSettings = {
  producerRecords: 200_000,
  recordBytes: 300,
  kafkajsBatch: 100,
  kafkajsInFlight: 4,
  relayRows: 20_000,
  drainEvents: 10_000,
  warmUpSeconds: 60,
  warmUpRate: 200,
  acceptConnections: 16,
  acceptSeconds: 15,
  flowRates: [100, 200, 300, 400, 500, 600, 800, 1_000, 1_200, 1_500],
  flowStepSeconds: 15,
  latencyRates: [20, 200],
  latencySeconds: 20,
  failoverSeconds: 60,
  failoverKillAtSeconds: 10,
  failoverRestartAtSeconds: 30,
  consoleSeconds: 20,
  consoleLoadRate: 200,
  settleTimeoutMs: 120_000,
};

/** A few minutes: two commits compared back to back on a busy machine. */
export const quickBench: BenchSettings = {
  producerRecords: 20_000,
  recordBytes: 300,
  kafkajsBatch: 100,
  kafkajsInFlight: 4,
  relayRows: 2_000,
  drainEvents: 2_000,
  warmUpSeconds: 30,
  warmUpRate: 200,
  acceptConnections: 16,
  acceptSeconds: 5,
  // 500: the done-when (sustained ≥ 500/s), so a quick run shows it too.
  flowRates: [50, 100, 200, 400, 500, 800],
  flowStepSeconds: 5,
  latencyRates: [20, 200],
  latencySeconds: 5,
  failoverSeconds: 25,
  failoverKillAtSeconds: 3,
  failoverRestartAtSeconds: 15,
  consoleSeconds: 5,
  consoleLoadRate: 200,
  settleTimeoutMs: 120_000,
};

/** CI's smoke: every row, from a few seconds of each measure; proves the bench runs, not the targets. */
export const smokeBench: BenchSettings = {
  producerRecords: 2_000,
  recordBytes: 300,
  kafkajsBatch: 100,
  kafkajsInFlight: 4,
  relayRows: 500,
  drainEvents: 200,
  warmUpSeconds: 0,
  warmUpRate: 0,
  acceptConnections: 4,
  acceptSeconds: 1,
  // Slow and a little longer: it must keep up even on a machine busy with other suites (kept
  // up = at most 20 orders still PENDING when the load stops, so up to 2 s of latency).
  flowRates: [10],
  flowStepSeconds: 3,
  latencyRates: [20],
  latencySeconds: 1,
  failoverSeconds: 5,
  failoverKillAtSeconds: 1,
  failoverRestartAtSeconds: 2,
  consoleSeconds: 1,
  consoleLoadRate: 20,
  settleTimeoutMs: 120_000,
};
