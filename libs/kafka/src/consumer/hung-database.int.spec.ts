import { createServer, connect, type Socket } from 'node:net';
import { createPool } from '@orderflow/service';
import type pg from 'pg';
import { withBatchInbox } from '../inbox/batch-inbox.ts';
import { withInbox, type TransactionalHandler } from '../inbox/with-inbox.ts';
import { consumerTestBed, type InboxTestBed } from '../spec-helpers/consumer-test-bed.ts';
import { orderPlaced, testContext } from '../spec-helpers/order-events.ts';
import { statusReached } from '../spec-helpers/status-reached.ts';
import type { ConsumerRunner } from './consumer-runner.ts';
import { databaseProbe } from './timeout-diagnosis.ts';

/**
 * A TCP proxy in front of PostgreSQL that can stop forwarding without closing anything: to
 * the client, a database that hangs (as a frozen server or a network dropping packets looks).
 */
async function hangingProxy(targetPort: number) {
  const sockets = new Set<Socket>();
  // While it hangs, what either side sends is held back, in order; nothing is closed.
  let held: (() => void)[] | undefined;
  const server = createServer((incoming) => {
    const outgoing = connect({ host: '127.0.0.1', port: targetPort });
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (chunk: Buffer) => (held ? held.push(() => to.write(chunk)) : to.write(chunk)));
    forward(incoming, outgoing);
    forward(outgoing, incoming);
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on('close', () => [incoming, outgoing].forEach((each) => each.destroy()));
      socket.on('error', () => [incoming, outgoing].forEach((each) => each.destroy()));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    hang: () => {
      held = [];
    },
    resume: () => {
      const writes = held ?? [];
      held = undefined;
      writes.forEach((write) => write());
    },
    stop: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('a database that hangs', () => {
  let bed: InboxTestBed;
  let proxy: Awaited<ReturnType<typeof hangingProxy>>;
  let pool: pg.Pool;
  let runner: ConsumerRunner | undefined;

  beforeEach(async () => {
    bed = await consumerTestBed('hung-db', { inbox: 'CREATE TABLE reservations (event_id uuid PRIMARY KEY)' });
    proxy = await hangingProxy(Number(new URL(bed.db.connectionString).port));
    const through = new URL(bed.db.connectionString);
    through.port = String(proxy.port);
    pool = createPool({ connectionString: through.href, applicationName: 'hung-db-spec' });
    await pool.query('SELECT 1'); // a connection open before the hang, as in a running service
  });

  afterEach(async () => {
    // The runner before the pool it uses, the pool before the database is dropped.
    await runner?.stop();
    await proxy.stop();
    await pool.end();
    await bed.stop();
  });

  const reserve: TransactionalHandler<InboxTestBed['topic']> = async (decoded, _context, client) => {
    await client.query('INSERT INTO reservations (event_id) VALUES ($1)', [decoded.metadata.eventId]);
  };
  const settings = {
    // Without the probe, 2 timed-out attempts would dead-letter a record within seconds.
    retry: { attempts: 2, backoff: { initialMs: 50, maxMs: 100 } },
    handlerTimeoutMs: 1_000,
    probeTimeoutMs: 300,
    outageBackoff: { initialMs: 200, maxMs: 500 },
  };

  /** Publishes while the database hangs, waits for a few waits, resumes it, and checks each event had one effect. */
  async function hangThenResume(runnerOf: () => Promise<ConsumerRunner>, orderIds: readonly string[]) {
    proxy.hang();
    const eventIds: string[] = [];
    for (const orderId of orderIds) {
      const eventId = crypto.randomUUID();
      eventIds.push(eventId);
      await bed.producer.publish(bed.topic, 'OrderPlacedEvent', orderPlaced(orderId), { ...testContext(), eventId });
    }
    runner = await runnerOf();
    const hung = runner;
    await statusReached(hung, ({ retried, deadLettered }) => retried >= 4 || deadLettered > 0, {
      description: 'a few waits (or a dead letter) while it hangs',
    });
    expect(hung.status()).toMatchObject({ deadLettered: 0, lastError: { code: 'dependency-hangs' } });

    proxy.resume();
    await statusReached(hung, ({ processed }) => processed === eventIds.length, {
      description: 'every record handled after the database resumes',
      timeoutMs: 45_000,
    });
    const { rows } = await bed.db.pool.query<{ event_id: string }>('SELECT event_id FROM reservations');
    expect(rows.map((row) => row.event_id).sort()).toEqual([...eventIds].sort());
    expect(hung.status().deadLettered).toBe(0);
  }

  it('is waited for like one that refuses: no record is dead-lettered, each is handled once after it resumes', async () => {
    await hangThenResume(
      () =>
        bed.startRunner(withInbox(pool, reserve), settings.retry, {
          ...settings,
          dependencyProbe: databaseProbe(pool),
        }),
      [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()],
    );
  });

  it('costs a batch one timeout, not one per halving: its first record waits alone, the rest follow as a batch', async () => {
    let failedBatches = 0;
    const orderId = crypto.randomUUID(); // one key: one partition, one batch
    await hangThenResume(async () => {
      const started = await bed.startRunner(withInbox(pool, reserve), settings.retry, {
        ...settings,
        handler: undefined,
        batchHandler: withBatchInbox(pool, reserve),
        dependencyProbe: databaseProbe(pool),
      });
      started.events.on('batchHandled', ({ error }) => (failedBatches += error === undefined ? 0 : 1));
      return started;
    }, [orderId, orderId, orderId, orderId]);
    expect(failedBatches).toBe(1);
  });
});
