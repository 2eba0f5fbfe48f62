import { setTimeout as delay } from 'node:timers/promises';
import { createPool, withTransaction } from '@orderflow/service';
import {
  consumeFromBeginning,
  localTestCluster,
  restoreTestCluster,
  testDatabase,
  type TestDatabase,
  testKafka,
  uniqueOrdersTopic,
  waitFor,
} from '@orderflow/testing';
import { defineTopic, type OrderPlacedEvent } from '@orderflow/events';
import type { Kafka } from 'kafkajs';
import type { KafkaMetrics } from '../metrics/kafka-metrics.ts';
import { migrateKafkaTables } from '../database/kafka-migrations.ts';
import { provisionTopics } from '../provisioning/provision-topics.ts';
import { orderPlaced, testAction } from '../spec-helpers/order-events.ts';
import { appendToOutbox } from './append-to-outbox.ts';
import { createOutboxRelay, type OutboxRelay } from './outbox-relay.ts';
import { startRelayProcess } from './spec-helpers/relay-process.ts';

type Topic = ReturnType<typeof uniqueOrdersTopic>;
type LocalKafkaCluster = Awaited<ReturnType<typeof localTestCluster>>;

describe('the outbox relay', () => {
  let db: TestDatabase;
  let kafka: Kafka;
  const relays: OutboxRelay[] = [];
  const startRelay = async (metrics?: KafkaMetrics, leaderTimeoutMs?: number) => {
    const relay = createOutboxRelay({
      pool: db.pool,
      kafka,
      metrics,
      leaderTimeoutMs,
      pollIntervalMs: 500,
      standbyIntervalMs: 300,
      backoff: { initialMs: 250, maxMs: 2_000 },
    });
    relays.push(relay);
    await relay.start();
    return relay;
  };
  /** Adds one OrderCancelledEvent per order id to the outbox in one committed transaction; returns their event ids. */
  const appendCommitted = (topic: Topic, orderIds: readonly string[]) =>
    withTransaction(db.pool, async (client) => {
      const entries = orderIds.map((orderId) => ({
        type: 'OrderPlacedEvent' as const,
        event: orderPlaced(orderId),
        context: testAction(),
      }));
      return (await appendToOutbox(client, topic, entries)).map((row) => row.eventId);
    });
  const unsentRows = async () =>
    Number((await db.pool.query('SELECT count(*) FROM kafka_outbox WHERE sent_at IS NULL')).rows[0].count);

  beforeEach(async () => {
    db = await testDatabase('outbox');
    await migrateKafkaTables(db.pool);
    kafka = await testKafka('outbox-relay-spec');
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await db.drop();
  });

  it('never publishes rows of a rolled-back transaction', async () => {
    const topic = uniqueOrdersTopic();
    await provisionTopics({ kafka, topics: [topic] });
    const rolledBack = withTransaction(db.pool, async (client) => {
      await appendToOutbox(client, topic, [{ type: 'OrderPlacedEvent', event: orderPlaced(), context: testAction() }]);
      throw new Error('the order could not be saved');
    });
    await expect(rolledBack).rejects.toThrow('the order could not be saved');
    const [committed] = await appendCommitted(topic, [crypto.randomUUID()]);

    const relay = await startRelay();
    await waitFor(() => relay.status().published === 1, { description: 'the committed row to be published' });
    const records = await consumeFromBeginning(kafka, topic.name, 1);

    expect(records.map((record) => String(record.message.headers?.['event-id']))).toEqual([committed]);
    expect(await unsentRows()).toBe(0);
    expect((await db.pool.query('SELECT count(*) FROM kafka_outbox')).rows[0].count).toBe('1');
  });

  it('reports the backlog while rows cannot be published, and 0 once they are', async () => {
    // A topic that does not exist yet: every send fails (auto-creation is off) until it is created.
    const topic = uniqueOrdersTopic();
    await appendCommitted(topic, [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]);
    const backlog: number[] = [];
    const relay = await startRelay({ outboxPending: (count) => backlog.push(count) });
    await waitFor(() => backlog.at(-1) === 3, { description: 'the gauge to show 3 rows waiting', timeoutMs: 90_000 });

    await provisionTopics({ kafka, topics: [topic] });
    await waitFor(() => relay.status().published === 3 && backlog.at(-1) === 0, {
      description: 'the rows published and the gauge at 0',
      timeoutMs: 90_000,
    });
  }, 200_000);

  it('as a standby, holds a constant number of listeners however often it tries to lead', async () => {
    const leader = await startRelay();
    await waitFor(() => leader.status().role === 'leader', { description: 'the first relay to lead' });
    // The standby's own pool of one connection: every try to lead checks out that same client.
    const standbyPool = createPool({ connectionString: db.connectionString, applicationName: 'standby-relay', max: 1 });
    const errorListeners: number[] = [];
    standbyPool.on('acquire', (client) => errorListeners.push(client.listenerCount('error')));
    const standby = createOutboxRelay({ pool: standbyPool, kafka, standbyIntervalMs: 5 });
    try {
      await standby.start();
      await waitFor(() => errorListeners.length >= 30, { description: '30 tries to lead' });
      expect(standby.status().role).toBe('standby');
    } finally {
      await standby.stop();
      await standbyPool.end();
    }
    expect(new Set(errorListeners)).toEqual(new Set([errorListeners[0]]));
  });

  it('when LISTEN fails after it took the lock, gives that session (and the lock) up and leads on the next try', async () => {
    const topic = uniqueOrdersTopic();
    await provisionTopics({ kafka, topics: [topic] });
    await appendCommitted(topic, [crypto.randomUUID()]);
    // A pool as the services make it: the session given up ends while the database is dropped
    // after the test, and only a pool with an 'error' listener takes that calmly.
    const relayPool = createPool({
      connectionString: db.connectionString,
      applicationName: 'relay-failing-listen',
      max: 2,
    });
    let injected = false;
    relayPool.on('acquire', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
      // The first LISTEN fails, as it would on a session that broke just then.
      const failingListen = (...args: unknown[]) => {
        if (injected || !String(args[0]).startsWith('LISTEN')) return query(...args);
        injected = true;
        return Promise.reject(new Error('injected: LISTEN failed'));
      };
      Object.assign(client, { query: failingListen });
    });
    const relay = createOutboxRelay({ pool: relayPool, kafka, standbyIntervalMs: 50, pollIntervalMs: 500 });
    try {
      await relay.start();
      await waitFor(() => relay.status().published === 1, {
        description: 'the relay to lead after the failed LISTEN and publish',
      });
      expect(injected).toBe(true);
      expect(relay.status().lastError?.message).toBe('injected: LISTEN failed');
    } finally {
      await relay.stop();
    }
    expect(relayPool.totalCount - relayPool.idleCount).toBe(0);
    await relayPool.end();
  });

  it('publishes a backlog of maximum-size events on one partition, all of it, in order', async () => {
    // About 9.4 KB each: ~110 of them make a record batch over the broker's 1 MB limit.
    const topic = defineTopic({ ...uniqueOrdersTopic(), partitions: 1 });
    await provisionTopics({ kafka, topics: [topic] });
    const largest = (orderId: string): OrderPlacedEvent => ({
      ...orderPlaced(orderId),
      email: `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.com`,
      items: Array.from({ length: 100 }, (_, line) => ({
        sku: `SKU-${String(line).padStart(3, '0')}-${'X'.repeat(56)}`,
        quantity: 10_000,
      })),
    });
    const written = await withTransaction(db.pool, async (client) => {
      const eventIds: string[] = [];
      for (let index = 0; index < 150; index += 1) {
        const entry = { type: 'OrderPlacedEvent' as const, event: largest(crypto.randomUUID()), context: testAction() };
        const [row] = await appendToOutbox(client, topic, [entry]);
        eventIds.push(row?.eventId ?? '');
      }
      return eventIds;
    });

    const relay = await startRelay();
    await waitFor(() => relay.status().published === 150, {
      description: 'the whole backlog to be published',
      timeoutMs: 60_000,
    });

    const records = await consumeFromBeginning(kafka, topic.name, 150);
    const received = records
      .sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)))
      .map((record) => String(record.message.headers?.['event-id']));
    expect(received).toEqual(written);
    expect(relay.status().lastError).toBeUndefined();
  }, 90_000);

  it('publishes in order per key, led by one relay while another stands by and takes over', async () => {
    const topic = uniqueOrdersTopic();
    await provisionTopics({ kafka, topics: [topic] });
    const orders = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const first = await startRelay();
    const second = await startRelay();
    await waitFor(
      () =>
        [first, second]
          .map((relay) => relay.status().role)
          .sort()
          .join() === 'leader,standby',
      {
        description: 'one leader and one standby',
      },
    );

    const written: string[] = [];
    for (let round = 0; round < 10; round += 1) written.push(...(await appendCommitted(topic, orders)));
    const leader = first.status().role === 'leader' ? first : second;
    const standby = leader === first ? second : first;
    await waitFor(async () => (await unsentRows()) === 0, { description: 'the leader to publish the first 30 rows' });
    await leader.stop();
    for (let round = 0; round < 10; round += 1) written.push(...(await appendCommitted(topic, orders)));
    await waitFor(async () => standby.status().role === 'leader' && (await unsentRows()) === 0, {
      description: 'the standby to take over and publish the rest',
    });

    const records = await consumeFromBeginning(kafka, topic.name, 60);
    for (const orderId of orders) {
      const received = records
        .filter((record) => record.message.key?.toString() === orderId)
        .sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)))
        .map((record) => String(record.message.headers?.['event-id']));
      const expected = written.filter((_, index) => index % 3 === orders.indexOf(orderId));
      expect(received).toEqual(expected);
    }
    expect(first.status().published + second.status().published).toBe(60);
  });

  it('moves a row the broker refuses for ever to the dead-letter table, with an alarm, and publishes the rows after it in order', async () => {
    // The topic takes 5,000-byte batches; the outbox was written against a definition that
    // allowed more (as rows written before a limit was lowered were): one event is too large.
    const written = defineTopic({ ...uniqueOrdersTopic(), partitions: 1 });
    const provisioned = defineTopic({ ...written, config: { ...written.config, 'max.message.bytes': 5_000 } });
    await provisionTopics({ kafka, topics: [provisioned] });
    const orderId = crypto.randomUUID();
    const tooLarge: OrderPlacedEvent = {
      ...orderPlaced(orderId),
      items: Array.from({ length: 100 }, (_, line) => ({ sku: `SKU-${String(line).padStart(60, '0')}`, quantity: 1 })),
    };
    const entry = (event: OrderPlacedEvent) => ({ type: 'OrderPlacedEvent' as const, event, context: testAction() });
    const [before, refused, ...after] = await withTransaction(db.pool, async (client) =>
      (
        await appendToOutbox(client, written, [
          entry(orderPlaced(orderId)),
          entry(tooLarge),
          entry(orderPlaced(orderId)),
          entry(orderPlaced(orderId)),
        ])
      ).map((row) => row.eventId),
    );
    const alarms: { topic: string; eventType: string }[] = [];
    const relay = await startRelay({ outboxDeadLettered: (labels) => alarms.push(labels) });

    await waitFor(() => relay.status().published === 3 && relay.status().deadLettered === 1, {
      description: 'the rows around the refused one published, and that one dead-lettered',
    });
    const records = await consumeFromBeginning(kafka, provisioned.name, 3);
    const received = records
      .sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)))
      .map((record) => String(record.message.headers?.['event-id']));
    expect(received).toEqual([before, ...after]);
    const deadLetters = await db.pool.query('SELECT event_id, topic, reason FROM kafka_outbox_dead_letter');
    expect(deadLetters.rows).toEqual([
      { event_id: refused, topic: provisioned.name, reason: expect.stringMatching(/^MESSAGE_TOO_LARGE: /) },
    ]);
    expect(await unsentRows()).toBe(0);
    expect(alarms).toEqual([{ topic: provisioned.name, eventType: 'OrderPlacedEvent' }]);
    expect(relay.status().lastDeadLetter).toMatchObject({
      eventId: refused,
      reason: expect.stringMatching(/^MESSAGE_TOO_LARGE/),
    });
  });

  it('when the leader process freezes (SIGSTOP), a standby takes over within the leader timeout; thawed, the old leader stands by', async () => {
    const leaderTimeoutMs = 2_000;
    const topic = uniqueOrdersTopic();
    await provisionTopics({ kafka, topics: [topic] });
    const frozen = startRelayProcess({ databaseUrl: db.connectionString, leaderTimeoutMs });
    try {
      await waitFor(async () => (await frozen.status()).role === 'leader', {
        description: 'the relay process to lead',
        timeoutMs: 30_000,
      });
      const standby = await startRelay(undefined, leaderTimeoutMs);
      // A healthy leader keeps the lead however long it has nothing to do: idle for twice the
      // bound, it is still the leader (its heartbeat keeps the session from timing out).
      await delay(2 * leaderTimeoutMs);
      expect((await frozen.status()).role).toBe('leader');
      expect(standby.status().role).toBe('standby');

      frozen.freeze();
      const frozenAt = Date.now();
      const [eventId] = await appendCommitted(topic, [crypto.randomUUID()]);
      await waitFor(() => standby.status().published === 1, {
        description: 'the standby to take over from the frozen leader and publish',
        // The bound: the session's idle timeout, then the standby's next try, then the send.
        timeoutMs: leaderTimeoutMs + 300 + 5_000,
      });
      console.log(`a standby published ${Date.now() - frozenAt} ms after the leader froze`);

      frozen.thaw();
      await waitFor(async () => (await frozen.status()).role === 'standby', {
        description: 'the thawed relay to notice it lost the lead and stand by',
      });
      expect((await frozen.status()).published).toBe(0);
      const records = await consumeFromBeginning(kafka, topic.name, 1);
      expect(records.map((record) => String(record.message.headers?.['event-id']))).toEqual([eventId]);
      expect(standby.status().role).toBe('leader');
    } finally {
      await frozen.stop();
    }
  }, 60_000);

  describe('when Kafka is down', () => {
    let cluster: LocalKafkaCluster | undefined;

    afterAll(async () => {
      // Leave the shared cluster as we found it, even if the test failed half-way.
      if (cluster) await restoreTestCluster(cluster);
    }, 180_000);

    it('keeps the rows unsent, and publishes them all in order once Kafka is back', async () => {
      cluster = await localTestCluster();
      const topic = uniqueOrdersTopic();
      await provisionTopics({ kafka, topics: [topic] });
      const orderId = crypto.randomUUID();
      const relay = await startRelay();
      const before = await appendCommitted(topic, [orderId, orderId]);
      await waitFor(() => relay.status().published === 2, {
        description: 'the rows before the outage to be published',
      });

      for (const node of cluster.nodes()) await cluster.stopBroker(node.id);
      const during = [
        ...(await appendCommitted(topic, [orderId, orderId])),
        ...(await appendCommitted(topic, [orderId])),
      ];
      await waitFor(() => relay.status().lastError !== undefined, {
        description: 'the relay to notice the outage',
        timeoutMs: 90_000,
      });
      expect(await unsentRows()).toBe(3);

      await cluster.restore();
      await waitFor(async () => (await unsentRows()) === 0, {
        description: 'the relay to publish the rows kept during the outage',
        timeoutMs: 120_000,
      });

      const records = await consumeFromBeginning(kafka, topic.name, 5);
      const received = records
        .sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)))
        .map((record) => String(record.message.headers?.['event-id']));
      // Nothing lost, in order; a batch the broker took just as it went down may come twice.
      expect([...new Set(received)]).toEqual([...before, ...during]);
    }, 240_000);
  });
});
