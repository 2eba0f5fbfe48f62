import { setTimeout as delay } from 'node:timers/promises';
import type { LocalKafkaCluster } from '@orderflow/kafka-cluster';
import { waitFor } from '@orderflow/testing';
import type { Kafka } from 'kafkajs';
import type { BenchRow } from '../bench-row.ts';
import type { BenchSettings } from '../bench-settings.ts';
import type { BenchStack } from '../bench-stack.ts';
import { formatSpread, spreadOf, type Spread } from '../percentiles.ts';
import { flowHops } from './flow-hops.ts';
import { connectionsFor, loadOrders, type LoadResult } from './order-load.ts';

type Window = { readonly from: Date; readonly to: Date };
type FixedRateRun = LoadResult & Window & { readonly pendingAtEnd: number };

const pendingOrders = async (stack: BenchStack) =>
  Number(
    (await stack.orders.query<{ n: string }>(`SELECT count(*) AS n FROM orders WHERE status = 'PENDING'`)).rows[0]?.n ??
      0,
  );

/** Orders at a fixed rate for `seconds`; how many PENDING orders are left when the load stops. */
async function runFixedRate(
  stack: BenchStack,
  skus: readonly string[],
  ratePerSecond: number,
  seconds: number,
  during?: () => Promise<void>,
): Promise<FixedRateRun> {
  const from = new Date();
  const [load] = await Promise.all([
    loadOrders({
      url: stack.orderServiceUrl,
      skus,
      connections: connectionsFor(ratePerSecond),
      seconds,
      ratePerSecond,
    }),
    during?.(),
  ]);
  const pendingAtEnd = await pendingOrders(stack);
  return { ...load, from, to: new Date(), pendingAtEnd };
}

/** Waits until no order is PENDING: the pipeline has caught up with what was placed. */
export const settle = (stack: BenchStack, settings: BenchSettings) =>
  waitFor(async () => (await pendingOrders(stack)) === 0, {
    description: 'every order placed to leave PENDING',
    timeoutMs: settings.settleTimeoutMs,
    intervalMs: 100,
  });

/**
 * Row 5: the highest fixed rate the pipeline keeps up with, stepping up through `flowRates`.
 * Kept up = nearly every request accepted, and when the load stops no more than one second's
 * worth of orders is still PENDING (a pipeline that falls behind piles up PENDING orders).
 */
export async function sustainedFlow(
  stack: BenchStack,
  skus: readonly string[],
  settings: BenchSettings,
): Promise<BenchRow> {
  let sustained = 0;
  const steps: string[] = [];
  for (const rate of settings.flowRates) {
    const run = await runFixedRate(stack, skus, rate, settings.flowStepSeconds);
    const keptUp = run.accepted >= 0.95 * rate * settings.flowStepSeconds && run.pendingAtEnd <= Math.max(20, rate);
    steps.push(
      `${rate}/s ${keptUp ? 'kept up' : `fell behind (${Math.round(run.accepted / run.seconds)}/s accepted, ${run.pendingAtEnd} PENDING)`}`,
    );
    await settle(stack, settings);
    if (!keptUp) break;
    sustained = rate;
  }
  return {
    key: 'flow-sustained',
    measure: 'order flow sustained (placed → reserved → confirmed, PENDING bounded)',
    value: sustained,
    unit: 'orders/s',
    detail: steps.join('; '),
    target: '≥ 1,000 orders/s',
  };
}

/** The services' own timestamps: order created → reservation made → order CONFIRMED. */
async function latencies(
  stack: BenchStack,
  window: Window,
): Promise<{ confirmed: Spread; reserved: Spread; unconfirmed: number; hops: string }> {
  const { rows } = await stack.orders.query<{ id: string; status: string; created_at: Date; updated_at: Date }>(
    'SELECT id, status, created_at, updated_at FROM orders WHERE created_at >= $1 AND created_at <= $2',
    [window.from, window.to],
  );
  const reservations = await stack.inventory.query<{ order_id: string; created_at: Date }>(
    'SELECT order_id, created_at FROM reservations WHERE order_id = ANY($1::uuid[])',
    [rows.map((row) => row.id)],
  );
  const placedAt = new Map(rows.map((row) => [row.id, row.created_at.getTime()]));
  const confirmed = rows.filter((row) => row.status === 'CONFIRMED');
  return {
    confirmed: spreadOf(confirmed.map((row) => row.updated_at.getTime() - row.created_at.getTime())),
    reserved: spreadOf(
      reservations.rows.map((row) => row.created_at.getTime() - (placedAt.get(row.order_id) ?? Number.NaN)),
    ),
    unconfirmed: rows.length - confirmed.length,
    hops: await flowHops(
      stack,
      rows.map((row) => row.id),
    ),
  };
}

const latencyDetail = (measured: Awaited<ReturnType<typeof latencies>>) =>
  `CONFIRMED p50/p99/max ${formatSpread(measured.confirmed)}; inventory handler ${formatSpread(measured.reserved)}` +
  (measured.unconfirmed > 0 ? `; ${measured.unconfirmed} not CONFIRMED` : '') +
  `; ${measured.hops}`;

/** Row 6: latency from placed to CONFIRMED (and to the inventory handler) at a fixed rate. */
export async function flowLatency(
  stack: BenchStack,
  skus: readonly string[],
  ratePerSecond: number,
  settings: BenchSettings,
): Promise<BenchRow> {
  const run = await runFixedRate(stack, skus, ratePerSecond, settings.latencySeconds);
  await settle(stack, settings);
  const measured = await latencies(stack, run);
  return {
    key: `latency-${ratePerSecond}`,
    measure: `p99 placed → CONFIRMED at ${ratePerSecond} orders/s`,
    value: measured.confirmed.p99,
    unit: 'ms',
    detail: latencyDetail(measured),
    ...(ratePerSecond === 200 ? { target: '≤ 50 ms' } : {}),
  };
}

/**
 * Row 7: the same latency while the leader of `orders[0]` is SIGKILLed, and later started
 * again. Needs the local cluster (its brokers are processes the bench can kill).
 */
export async function failoverLatency(
  stack: BenchStack,
  skus: readonly string[],
  ratePerSecond: number,
  kafka: Kafka,
  cluster: LocalKafkaCluster | undefined,
  settings: BenchSettings,
): Promise<BenchRow> {
  const row = {
    key: 'failover',
    measure: `p99 placed → CONFIRMED at ${ratePerSecond} orders/s, leader of orders[0] SIGKILLed`,
    unit: 'ms',
    target: '≤ session timeout + 3 s',
  };
  if (!cluster)
    return {
      ...row,
      value: Number.NaN,
      detail: 'not measured: needs the local cluster (KAFKA_BROKERS names another one)',
    };
  const admin = kafka.admin();
  await admin.connect();
  let killed: number | undefined;
  try {
    const fault = async () => {
      await delay(settings.failoverKillAtSeconds * 1000);
      const metadata = await admin.fetchTopicMetadata({ topics: ['orders'] });
      killed = metadata.topics[0]?.partitions.find((partition) => partition.partitionId === 0)?.leader;
      if (killed === undefined) throw new Error('orders[0] has no leader');
      await cluster.killBroker(killed);
      await delay((settings.failoverRestartAtSeconds - settings.failoverKillAtSeconds) * 1000);
      await cluster.startBroker(killed);
    };
    const run = await runFixedRate(stack, skus, ratePerSecond, settings.failoverSeconds, fault);
    await settle(stack, settings);
    const measured = await latencies(stack, run);
    return {
      ...row,
      value: measured.confirmed.p99,
      detail: `broker ${killed} killed at ${settings.failoverKillAtSeconds} s, started at ${settings.failoverRestartAtSeconds} s; ${latencyDetail(measured)}`,
    };
  } finally {
    await admin.disconnect();
    // Leaves the cluster as it was found, also when the measure failed half-way.
    await cluster.up();
    await cluster.waitForFullIsr(120_000, ['orders', 'inventory', '__consumer_offsets']);
  }
}
