import { createServer, connect, type Socket } from 'node:net';
import { createPool } from '@orderflow/service';
import { withInbox } from '../inbox/with-inbox.ts';
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

  beforeEach(async () => {
    bed = await consumerTestBed('hung-db', { inbox: 'CREATE TABLE reservations (order_id uuid PRIMARY KEY)' });
  });

  afterEach(() => bed.stop());

  it('is waited for like one that refuses: no record is dead-lettered, each is handled once after it resumes', async () => {
    const proxy = await hangingProxy(Number(new URL(bed.db.connectionString).port));
    const through = new URL(bed.db.connectionString);
    through.port = String(proxy.port);
    const pool = createPool({ connectionString: through.href, applicationName: 'hung-db-spec' });
    const events = [orderPlaced(), orderPlaced(), orderPlaced()];
    let runner: ConsumerRunner | undefined;
    try {
      await pool.query('SELECT 1'); // a connection open before the hang, as in a running service
      proxy.hang();
      for (const event of events) await bed.producer.publish(bed.topic, 'OrderPlacedEvent', event, testContext());
      runner = await bed.startRunner(
        withInbox(pool, async (decoded, _context, client) => {
          if (decoded.type !== 'OrderPlacedEvent') return;
          await client.query('INSERT INTO reservations (order_id) VALUES ($1)', [decoded.event.orderId]);
        }),
        // Without the probe, 2 timed-out attempts would dead-letter a record within seconds.
        { attempts: 2, backoff: { initialMs: 50, maxMs: 100 } },
        {
          handlerTimeoutMs: 1_000,
          probeTimeoutMs: 300,
          outageBackoff: { initialMs: 200, maxMs: 500 },
          dependencyProbe: databaseProbe(pool),
        },
      );
      const hung = runner;
      await statusReached(hung, ({ retried, deadLettered }) => retried >= 4 || deadLettered > 0, {
        description: 'a few waits (or a dead letter) while it hangs',
      });
      expect(hung.status()).toMatchObject({ deadLettered: 0, lastError: { code: 'dependency-hangs' } });

      proxy.resume();
      await statusReached(hung, ({ processed }) => processed === events.length, {
        description: 'every record handled after the database resumes',
        timeoutMs: 45_000,
      });
      const { rows } = await bed.db.pool.query<{ order_id: string }>('SELECT order_id FROM reservations');
      expect(rows.map((row) => row.order_id).sort()).toEqual(events.map((event) => event.orderId).sort());
      expect(hung.status().deadLettered).toBe(0);
    } finally {
      await runner?.stop();
      await proxy.stop();
      await pool.end();
    }
  });
});
