import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deadLetterTopicName, ordersTopic } from '@orderflow/events';
import { queryOnce } from '@orderflow/service';
import { consumeFromBeginning, recordCount, requestJson, waitFor } from '@orderflow/testing';
import { startFaultStack, type FaultStack } from './harness/fault-stack.ts';

// Dead-lettering one record and going on lets later events of the same key overtake it: an
// OrderPlacedEvent dead-lettered by inventory-service, the order cancelled, then the dead
// letter replayed. The replayed placement is older than the cancel, so it must reserve nothing.

const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');
const inventoryDeadLetters = deadLetterTopicName(ordersTopic, 'inventory-service');

describe('a dead-lettered placement replayed after the cancel', () => {
  let faultStack: FaultStack;
  const inventoryDb = () => faultStack.stack.databaseUrls.get('inventory-service') ?? '';
  const orderDb = () => faultStack.stack.databaseUrls.get('order-service') ?? '';

  beforeAll(async () => {
    faultStack = await startFaultStack({ inventory: 1 });
  });
  afterAll(async () => {
    await faultStack?.stop();
  });

  /** The id of the order's event of this type, from order-service's outbox. */
  const eventIdOf = (orderId: string, eventType: string) =>
    waitFor(
      async () =>
        (
          await queryOnce<{ event_id: string }>(
            orderDb(),
            'SELECT event_id FROM kafka_outbox WHERE message_key = $1 AND event_type = $2',
            [orderId, eventType],
          )
        )[0]?.event_id,
      { description: `the ${eventType} of order ${orderId} in the outbox` },
    );
  /** Waits until inventory-service has committed its handling of the event (its inbox row). */
  const handledByInventory = (eventId: string) =>
    waitFor(
      async () =>
        (
          await queryOnce(
            inventoryDb(),
            `SELECT 1 FROM kafka_inbox WHERE consumer_group = 'inventory-service' AND event_id = $1`,
            [eventId],
          )
        ).length === 1,
      { description: `inventory-service to handle event ${eventId}`, timeoutMs: 60_000 },
    );

  it('refuses the replayed placement as stale: no stock stays reserved for the cancelled order', async () => {
    const sku = await faultStack.newProduct(5);
    // A bug in this release of inventory-service: it fails every placement of this sku, so the
    // runner retries and then dead-letters it (the partition flows on).
    const trigger = `refuse_${sku.replaceAll('-', '_').toLowerCase()}`;
    await queryOnce(
      inventoryDb(),
      `CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
         IF NEW.items @> '[{"sku": "${sku}"}]'::jsonb THEN RAISE EXCEPTION 'a bug in this release'; END IF;
         RETURN NEW;
       END $$`,
    );
    await queryOnce(
      inventoryDb(),
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON reservations FOR EACH ROW EXECUTE FUNCTION ${trigger}()`,
    );

    const placed = await requestJson(`${faultStack.orderServiceUrl()}/orders`, 'POST', {
      customerId: randomUUID(),
      email: 'replay@example.com',
      items: [{ sku, quantity: 2 }],
    });
    expect(placed.status).toBe(201);
    const orderId = String(placed.body['id']);
    const placedEventId = await eventIdOf(orderId, 'OrderPlacedEvent');
    const deadLetter = await waitFor(
      async () => {
        const records = await consumeFromBeginning(
          faultStack.kafka,
          inventoryDeadLetters,
          await recordCount(faultStack.kafka, inventoryDeadLetters),
        );
        return records.find((record) => String(record.message.headers?.['event-id']) === placedEventId);
      },
      { description: `order ${orderId}'s placement on ${inventoryDeadLetters}`, timeoutMs: 60_000 },
    );
    expect(deadLetter.message.key?.toString()).toBe(orderId);

    // The bug is fixed; meanwhile the customer cancels the order, and the inventory handles the cancel.
    await queryOnce(inventoryDb(), `DROP TRIGGER ${trigger} ON reservations; DROP FUNCTION ${trigger}()`);
    const cancelled = await requestJson(`${faultStack.orderServiceUrl()}/orders/${orderId}/cancel`, 'POST');
    expect(cancelled.body['status']).toBe('CANCELLED');
    await handledByInventory(await eventIdOf(orderId, 'OrderCancelledEvent'));

    // The documented replay: the placement goes back on `orders`, key, value and headers as they were.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        'tools/local-kafka/src/cli.ts',
        'replay-dead-letters',
        '--topic',
        inventoryDeadLetters,
        '--event-id',
        placedEventId,
      ],
      { cwd: repoRoot, env: { ...process.env, KAFKA_BROKERS: faultStack.brokers.join(',') } },
    );
    expect(stdout).toContain('Replayed 1 record(s)');
    await handledByInventory(placedEventId);

    const [stock] = await queryOnce<{ reserved: number }>(inventoryDb(), 'SELECT reserved FROM stock WHERE sku = $1', [
      sku,
    ]);
    expect(stock?.reserved).toBe(0);
    const [reservation] = await queryOnce<{ status: string }>(
      inventoryDb(),
      'SELECT status FROM reservations WHERE order_id = $1',
      [orderId],
    );
    expect(reservation?.status).toBe('CANCELLED');
    const order = await requestJson(`${faultStack.orderServiceUrl()}/orders/${orderId}`);
    expect(order.body['status']).toBe('CANCELLED');
    const metrics = await fetch(`${faultStack.stack.process('inventory-service#1').url}/metrics`);
    expect(await metrics.text()).toMatch(
      /^orderflow_events_stale_total\{[^}]*event_type="OrderPlacedEvent"[^}]*\} 1$/m,
    );
  });
});
