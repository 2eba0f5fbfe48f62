import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { defineTopic, ordersTopic } from '@orderflow/events';
import { createKafkaClient, provisionTopics } from '@orderflow/kafka';
import { REPO_ROOT, type LocalKafkaCluster } from '@orderflow/kafka-cluster';
import type { BenchReport, BenchRow } from './bench-row.ts';
import type { BenchSettings } from './bench-settings.ts';
import { startBenchStack } from './bench-stack.ts';
import { consoleCost } from './measures/console-cost.ts';
import { consumerDrainRates } from './measures/consumer-drain.ts';
import { failoverLatency, flowLatency, settle, sustainedFlow } from './measures/order-flow.ts';
import { connectionsFor, loadOrders } from './measures/order-load.ts';
import { javaProducerRate, kafkajsProducerRate } from './measures/producer-rates.ts';
import { relayDrainRate } from './measures/relay-drain.ts';
import { formatValue, ratiosOf } from './report-table.ts';

export type BenchOptions = {
  readonly brokers: readonly string[];
  /** The local cluster the brokers belong to, for the failover row; without it that row says so. */
  readonly cluster: LocalKafkaCluster | undefined;
  readonly settings: BenchSettings;
  readonly mode: BenchReport['mode'];
  /** Progress lines. */
  readonly log: (line: string) => void;
  /** What the services print (warnings and errors only). */
  readonly serviceOutput?: (line: string) => void;
};

const skus = Array.from({ length: 20 }, (_, index) => `BENCH-${String(index + 1).padStart(2, '0')}`);

/**
 * Every measure of the bench table, in one run, on one cluster: raw Kafka first, then the
 * system as `npm start` runs it. All topics have the catalogue's settings (6 partitions, RF 3,
 * min.insync.replicas=2) and every write is acks=all.
 */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const { settings, log } = options;
  const startedAt = new Date().toISOString();
  const suffix = `${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
  const benchTopics = ['java', 'kafkajs', 'relay'].map((name) =>
    defineTopic({ ...ordersTopic, name: `bench-${name}-${suffix}` }),
  );
  const [javaTopic, kafkajsTopic, relayTopic] = benchTopics as [
    typeof ordersTopic,
    typeof ordersTopic,
    typeof ordersTopic,
  ];
  const kafka = createKafkaClient({ brokers: options.brokers, clientId: 'orderflow-bench' });
  const rows: BenchRow[] = [];
  const add = (row: BenchRow) => {
    rows.push(row);
    log(`${row.measure}: ${formatValue(row)}${row.detail ? ` (${row.detail})` : ''}`);
  };

  log('starting the services (order, inventory, notification) and PostgreSQL');
  const stack = await startBenchStack(options.brokers, skus, options.serviceOutput ?? (() => {}));
  try {
    add({
      key: 'time-to-ready',
      measure: 'time to ready: services started until all answer /ready (cluster up)',
      value: stack.readyMs,
      unit: 'ms',
    });
    await provisionTopics({ kafka, topics: benchTopics });
    add(javaProducerRate(options.brokers, javaTopic.name, settings));
    add(await kafkajsProducerRate(kafka, kafkajsTopic.name, settings));
    add(
      await relayDrainRate(
        kafka,
        await stack.stack.postgres.createDatabase(`bench_relay_${suffix.replaceAll('-', '_')}`),
        relayTopic,
        settings,
      ),
    );
    for (const row of await consumerDrainRates(kafka, stack, skus, settings)) add(row);

    if (settings.warmUpSeconds > 0) {
      log(`warming up: ${settings.warmUpRate} orders/s for ${settings.warmUpSeconds} s (not measured)`);
      const { warmUpRate: ratePerSecond, warmUpSeconds: seconds } = settings;
      await loadOrders({
        url: stack.orderServiceUrl,
        skus,
        connections: connectionsFor(ratePerSecond),
        seconds,
        ratePerSecond,
      });
      await settle(stack, settings);
    }
    const accepted = await loadOrders({
      url: stack.orderServiceUrl,
      skus,
      connections: settings.acceptConnections,
      seconds: settings.acceptSeconds,
    });
    add({
      key: 'orders-accepted',
      measure: `POST /orders accepted (closed loop, ${settings.acceptConnections} connections)`,
      value: accepted.accepted / accepted.seconds,
      unit: 'orders/s',
      detail: `${accepted.accepted} accepted, ${accepted.failed} failed`,
      target: '≥ 2,000 orders/s',
    });
    // The closed loop accepts faster than the pipeline confirms: the next rows start once that
    // backlog is handled, or they would measure it instead of their own rate.
    await settle(stack, settings);
    const sustained = await sustainedFlow(stack, skus, settings);
    add(sustained);
    const fifthOfSustained = Math.max(20, Math.round(sustained.value / 5));
    for (const rate of new Set([...settings.latencyRates, fifthOfSustained]))
      add(await flowLatency(stack, skus, rate, settings));
    add(await failoverLatency(stack, skus, fifthOfSustained, kafka, options.cluster, settings));
    for (const row of await consoleCost(stack, skus, settings)) add(row);
  } finally {
    await stack.stop();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: benchTopics.map((topic) => topic.name) }).catch(() => {});
    await admin.disconnect();
  }
  return { startedAt, commit: currentCommit(), mode: options.mode, rows, ratios: ratiosOf(rows) };
}

/** The commit measured, marked `+changes` when the work tree differs from it. */
function currentCommit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  try {
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? '+changes' : ''}`;
  } catch {
    return 'unknown';
  }
}
