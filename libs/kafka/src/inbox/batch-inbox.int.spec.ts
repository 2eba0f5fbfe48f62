import { eventToMessage, OrderflowError } from '@orderflow/events';
import { consumeFromBeginning, waitFor } from '@orderflow/testing';
import { consumerTestBed, type InboxTestBed } from '../spec-helpers/consumer-test-bed.ts';
import { orderPlaced, testContext } from '../spec-helpers/order-events.ts';
import { withBatchInbox } from './batch-inbox.ts';

describe('batches through the inbox', () => {
  let bed: InboxTestBed;

  beforeEach(async () => {
    bed = await consumerTestBed('batch-inbox', {
      inbox:
        'CREATE TABLE effects (seq bigint GENERATED ALWAYS AS IDENTITY, order_id uuid NOT NULL, quantity integer NOT NULL)',
    });
  });
  afterEach(() => bed.stop());

  // One effect per event: the order and the event's quantity, in the order the handler ran.
  const effectsHandler = (failOn?: string) =>
    withBatchInbox<typeof bed.topic>(bed.db.pool, async (decoded, _context, client) => {
      if (decoded.type !== 'OrderPlacedEvent') return;
      const [item] = decoded.event.items;
      if (item?.sku === failOn)
        throw new OrderflowError(`no such sku ${failOn}`, { code: 'invalid-event', retriable: false });
      await client.query('INSERT INTO effects (order_id, quantity) VALUES ($1, $2)', [
        decoded.event.orderId,
        item?.quantity,
      ]);
    });

  /** Events of a few orders, each order's quantities counting up: its per-key order. */
  function placements(orders: readonly string[], perOrder: number) {
    return Array.from({ length: perOrder }, (_, index) =>
      orders.map((orderId) => ({ ...orderPlaced(orderId), items: [{ sku: 'SKU-KEYBOARD', quantity: index + 1 }] })),
    ).flat();
  }

  it('commits many events in one transaction, keeps each key in order and gives a redelivered event no effect', async () => {
    const orders = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const events = placements(orders, 20);
    const messages = events.map((event) => eventToMessage(bed.topic, 'OrderPlacedEvent', event, testContext()));
    // The first event again with its id, as the outbox relay re-sends a row after a crash.
    await bed.producer.publishMessages([{ topic: bed.topic.name, messages: [...messages, ...messages.slice(0, 1)] }]);

    const runner = await bed.startBatchRunner(effectsHandler());

    await waitFor(() => runner.status().processed === 60 && runner.status().duplicates === 1, {
      description: '60 processed, 1 duplicate',
    });
    const { rows } = await bed.db.pool.query<{ order_id: string; quantity: number; xmin: string }>(
      'SELECT order_id, quantity, xmin::text FROM effects ORDER BY seq',
    );
    for (const orderId of orders) {
      expect(rows.filter((row) => row.order_id === orderId).map((row) => row.quantity)).toEqual(
        Array.from({ length: 20 }, (_, index) => index + 1),
      );
    }
    // Rows written by one transaction share its id (xmin): fewer transactions than events.
    expect(new Set(rows.map((row) => row.xmin)).size).toBeLessThan(60);
    expect((await bed.db.pool.query('SELECT count(*)::int AS n FROM kafka_inbox')).rows[0]).toEqual({ n: 60 });
  });

  it('rolls a batch back when one record fails, then commits the others and dead-letters that one on its own', async () => {
    const orderId = crypto.randomUUID();
    const events = placements([orderId], 10);
    const poisoned = { ...orderPlaced(orderId), items: [{ sku: 'SKU-GONE', quantity: 5 }] };
    const messages = events.map((event, index) =>
      eventToMessage(bed.topic, 'OrderPlacedEvent', index === 4 ? poisoned : event, testContext()),
    );
    await bed.producer.publishMessages([{ topic: bed.topic.name, messages }]);

    const runner = await bed.startBatchRunner(effectsHandler('SKU-GONE'), {
      attempts: 3,
      backoff: { initialMs: 50, maxMs: 100 },
    });

    await waitFor(() => runner.status().processed === 9 && runner.status().deadLettered === 1, {
      description: '9 processed, 1 dead-lettered',
    });
    const [deadLetter] = await consumeFromBeginning(bed.kafka, bed.deadLetterTopicName, 1);
    expect(String(deadLetter?.message.headers?.['dlt-error-code'])).toBe('invalid-event');
    // Not retriable: one attempt of its own, exactly as when it is handled alone.
    expect(String(deadLetter?.message.headers?.['dlt-attempts'])).toBe('1');
    const { rows } = await bed.db.pool.query<{ quantity: number }>('SELECT quantity FROM effects ORDER BY seq');
    expect(rows.map((row) => row.quantity)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10]);
  });
});
