// Measures the outbox relay on the real cluster, acks=all:
//   0. the yardstick: a plain kafkajs producer (idempotent, acks=all, awaited batches of 100)
//      sending the same encoded events to a topic of the same settings;
//   1. publish rate: rows already in the outbox, published and marked sent, per second, and
//      its ratio to the yardstick;
//   2. latency: from the COMMIT of a transaction that wrote an outbox row to the moment a
//      consumer's handler sees the event (median and p99).
//
// Run (Node >= 22.18 runs the TypeScript directly):
//   KAFKA_BROKERS=127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094 node libs/kafka/bench/outbox-relay.bench.ts
// PostgreSQL: DATABASE_URL (a server URL; a scratch database is created on it), else an
// embedded server in a temporary directory. Options: BENCH_ROWS (default 5000),
// BENCH_LATENCY_EVENTS (default 300; 0 measures the publish rate only).
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { defineTopic, deadLetterTopic, eventContextOf, eventToMessage, ordersTopic } from '@orderflow/events';
import { createDatabase, createPool, dropDatabase, startEmbeddedPostgres, withTransaction } from '@orderflow/service';
import { Partitioners } from 'kafkajs';
import {
  appendToOutbox,
  createConsumerRunner,
  createKafkaClient,
  createOutboxRelay,
  migrateKafkaTables,
  provisionTopics,
} from '../src/index.ts';

const rows = Number(process.env['BENCH_ROWS'] ?? 5_000);
const latencyEvents = Number(process.env['BENCH_LATENCY_EVENTS'] ?? 300);
const paceMs = Number(process.env['BENCH_PACE_MS'] ?? 10);
const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094').split(',');
const suffix = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

const placed = () => ({
  orderId: randomUUID(),
  customerId: randomUUID(),
  email: 'ada@example.com',
  items: [{ sku: 'SKU-KEYBOARD', quantity: 1 }],
});
const context = () => ({ now: new Date(), correlationId: 'bench' });
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const waitUntil = async (condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(20);
  }
};

// A benchmark that hangs tells nobody anything: give up loudly after 5 minutes.
setTimeout(() => {
  console.error('benchmark did not finish within 5 minutes');
  process.exit(1);
}, 300_000).unref();

const embedded = process.env['DATABASE_URL'] ? undefined : await startEmbeddedPostgres({});
const serverUrl = process.env['DATABASE_URL'] ?? embedded?.connectionString() ?? '';
const databaseName = `bench_${suffix.replaceAll('-', '_')}`;
const pool = createPool({
  connectionString: await createDatabase(serverUrl, databaseName),
  applicationName: 'bench',
  max: 10,
});
const kafka = createKafkaClient({ brokers, clientId: 'outbox-relay-bench' });
const plainTopic = defineTopic({ ...ordersTopic, name: `bench-plain-${suffix}` });
const throughputTopic = defineTopic({ ...ordersTopic, name: `bench-outbox-${suffix}` });
const latencyTopic = defineTopic({ ...ordersTopic, name: `bench-latency-${suffix}` });
const groupId = `bench-consumer-${suffix}`;

/** Records/s of a plain idempotent kafkajs producer, acks=all, one awaited batch of 100 at a time. */
async function plainProducerRate(): Promise<number> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const encode = (count: number) =>
      Array.from({ length: count }, () => {
        const message = eventToMessage(plainTopic, 'OrderPlacedEvent', placed(), eventContextOf(context()));
        return { ...message, headers: { ...message.headers } };
      });
    const messages = encode(rows);
    // One batch first, untimed, so metadata and connections are in place as they are for the relay.
    await producer.send({ topic: plainTopic.name, acks: -1, messages: encode(100) });
    const started = performance.now();
    for (let sent = 0; sent < rows; sent += 100) {
      await producer.send({ topic: plainTopic.name, acks: -1, messages: messages.slice(sent, sent + 100) });
    }
    return rows / ((performance.now() - started) / 1000);
  } finally {
    await producer.disconnect();
  }
}

try {
  await migrateKafkaTables(pool);
  await provisionTopics({
    kafka,
    topics: [plainTopic, throughputTopic, latencyTopic, deadLetterTopic(latencyTopic, groupId)],
  });

  // 0. The yardstick: what kafkajs itself does with the same records on the same cluster.
  const plainRate = await plainProducerRate();
  console.log(
    `plain kafkajs: ${rows} events = ${Math.round(plainRate)} events/s (idempotent, acks=all, awaited batches of 100)`,
  );

  // 1. Publish rate: fill the outbox first, then time the relay draining it.
  for (let written = 0; written < rows; written += 100) {
    await withTransaction(pool, async (client) => {
      for (let index = 0; index < Math.min(100, rows - written); index += 1) {
        await appendToOutbox(client, throughputTopic, [
          { type: 'OrderPlacedEvent', event: placed(), context: context() },
        ]);
      }
    });
  }
  const relay = createOutboxRelay({ pool, kafka, batchSize: 500 });
  const started = performance.now();
  await relay.start();
  await waitUntil(() => relay.status().published >= rows, `${rows} rows to be published`);
  const seconds = (performance.now() - started) / 1000;
  const relayRate = rows / seconds;
  console.log(
    `publish rate: ${rows} events in ${seconds.toFixed(2)} s = ${Math.round(relayRate)} events/s ` +
      `(acks=all, batches of 500, 3 brokers): ${Math.round((100 * relayRate) / plainRate)} % of plain kafkajs`,
  );

  if (latencyEvents > 0) {
    // 2. Commit-to-handler latency: one event per transaction, paced like real requests.
    const committedAt = new Map<string, number>();
    const latencies: number[] = [];
    const runner = createConsumerRunner({
      kafka,
      groupId,
      topics: [latencyTopic],
      heartbeatIntervalMs: 500,
      sessionTimeoutMs: 10_000,
      maxWaitTimeMs: Number(process.env['BENCH_MAX_WAIT_MS'] ?? 1_000),
      handler: async (event) => {
        const at = committedAt.get(event.metadata.eventId);
        if (at !== undefined) latencies.push(performance.now() - at);
      },
    });
    await runner.start();
    await waitUntil(
      () => (runner.status().assignment[latencyTopic.name]?.length ?? 0) === 6,
      'the consumer to be assigned',
    );
    for (let index = 0; index < latencyEvents; index += 1) {
      const eventId = await withTransaction(pool, async (client) => {
        const [row] = await appendToOutbox(client, latencyTopic, [
          { type: 'OrderPlacedEvent', event: placed(), context: context() },
        ]);
        return row?.eventId ?? '';
      });
      committedAt.set(eventId, performance.now());
      await delay(paceMs);
    }
    await waitUntil(() => latencies.length >= latencyEvents, `${latencyEvents} events to reach the handler`);
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `commit -> handler: ${latencyEvents} events, median ${percentile(sorted, 50).toFixed(1)} ms, ` +
        `p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`,
    );
    await runner.stop();
  }
  await relay.stop();
} finally {
  await pool.end();
  await dropDatabase(serverUrl, databaseName).catch(() => {});
  await embedded?.stop();
}
