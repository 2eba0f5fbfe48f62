import { OrderflowError } from '@orderflow/events';
import { waitFor } from '@orderflow/testing';
import { consumerTestBed, type InboxTestBed } from '../spec-helpers/consumer-test-bed.ts';
import { orderPlaced, testContext } from '../spec-helpers/order-events.ts';
import { withInbox } from './with-inbox.ts';

describe('the inbox', () => {
  let bed: InboxTestBed;

  beforeEach(async () => {
    bed = await consumerTestBed('inbox', {
      inbox: 'CREATE TABLE reservations (order_id uuid NOT NULL, attempt integer NOT NULL)',
    });
  });
  afterEach(() => bed.stop());

  const reservations = async () =>
    (await bed.db.pool.query<{ order_id: string; attempt: number }>('SELECT order_id, attempt FROM reservations')).rows;

  it('gives an event delivered twice one effect', async () => {
    const event = orderPlaced();
    const context = { ...testContext(), eventId: crypto.randomUUID() };
    // The same event twice, as the outbox relay may send it after a crash.
    await bed.producer.publish(bed.topic, 'OrderPlacedEvent', event, context);
    await bed.producer.publish(bed.topic, 'OrderPlacedEvent', event, context);

    const runner = await bed.startRunner(
      withInbox(bed.db.pool, async (decoded, handlerContext, client) => {
        if (decoded.type !== 'OrderPlacedEvent') return;
        await client.query('INSERT INTO reservations (order_id, attempt) VALUES ($1, $2)', [
          decoded.event.orderId,
          handlerContext.attempt,
        ]);
      }),
    );

    await waitFor(() => runner.status().processed === 1 && runner.status().duplicates === 1, {
      description: 'one processed, one duplicate',
    });
    expect(await reservations()).toEqual([{ order_id: event.orderId, attempt: 1 }]);
    const inbox = await bed.db.pool.query('SELECT consumer_group, event_id FROM kafka_inbox');
    expect(inbox.rows).toEqual([{ consumer_group: bed.groupId, event_id: context.eventId }]);
  });

  it('rolls back a failed attempt with its inbox row, so the retry that succeeds has the only effect', async () => {
    const event = orderPlaced();
    await bed.producer.publish(bed.topic, 'OrderPlacedEvent', event, testContext());

    const runner = await bed.startRunner(
      withInbox(bed.db.pool, async (decoded, handlerContext, client) => {
        if (decoded.type !== 'OrderPlacedEvent') return;
        await client.query('INSERT INTO reservations (order_id, attempt) VALUES ($1, $2)', [
          decoded.event.orderId,
          handlerContext.attempt,
        ]);
        if (handlerContext.attempt === 1)
          throw new OrderflowError('lock timeout', { code: 'DATABASE_UNAVAILABLE', retriable: true });
      }),
      { attempts: 3, backoff: { initialMs: 50, maxMs: 100 } },
    );

    await waitFor(() => runner.status().processed === 1, { description: 'the event to be processed' });
    expect(runner.status()).toMatchObject({ retried: 1, deadLettered: 0, duplicates: 0 });
    expect(await reservations()).toEqual([{ order_id: event.orderId, attempt: 2 }]);
  });

  it('when the connection drops mid-handler, waits as for an outage (no dead letter), and the retry has the only effect', async () => {
    const event = orderPlaced();
    await bed.producer.publish(bed.topic, 'OrderPlacedEvent', event, testContext());
    let calls = 0;

    const runner = await bed.startRunner(
      withInbox(bed.db.pool, async (decoded, _handlerContext, client) => {
        if (decoded.type !== 'OrderPlacedEvent') return;
        calls += 1;
        await client.query('INSERT INTO reservations (order_id, attempt) VALUES ($1, $2)', [
          decoded.event.orderId,
          calls,
        ]);
        if (calls > 1) return;
        // A failover, as PostgreSQL's side sees it: the session ends while the transaction is open.
        const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        const ended = new Promise((resolve) => client.once('end', resolve));
        await bed.db.pool.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
        await ended;
        await client.query('SELECT 1');
      }),
      // One attempt only: were the drop a failure of the record, it would be dead-lettered at once.
      { attempts: 1, backoff: { initialMs: 50, maxMs: 100 } },
    );

    await waitFor(() => runner.status().processed === 1, { description: 'the event to be processed after the drop' });
    expect(runner.status()).toMatchObject({ deadLettered: 0, duplicates: 0 });
    expect(await reservations()).toEqual([{ order_id: event.orderId, attempt: 2 }]);
  });
});
