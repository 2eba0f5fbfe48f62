import { randomUUID } from 'node:crypto';
import { inventoryTopic } from '@orderflow/events';
import { migrateKafkaTables } from '@orderflow/kafka';
import { runMigrations, withTransaction } from '@orderflow/service';
import { testDatabase, type TestDatabase } from '@orderflow/testing';
import { migrationsDirectory } from '../create-inventory-service.ts';
import { reserveStock } from '../domain/reserve-stock.ts';
import { releaseStock, shipReservedStock } from '../domain/settle-reservation.ts';
import { pgBatchTransaction } from './pg-batch-transaction.ts';

describe('a batch of inventory events in one set-based transaction (real PostgreSQL)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await testDatabase('inventory_batch');
    await runMigrations({ pool: database.pool, directory: migrationsDirectory });
    await migrateKafkaTables(database.pool);
  });
  afterAll(() => database?.drop());

  const customer = { customerId: randomUUID(), email: 'ada@example.com' };
  const context = (causationId: string) => ({ correlationId: 'flow', causationId, now: new Date() });
  const stockUp = async (sku: string, onHand: number) => {
    await database.pool.query('INSERT INTO stock (sku, name, on_hand) VALUES ($1, $1, $2)', [sku, onHand]);
  };
  const rows = async (sql: string, values: unknown[]) => (await database.pool.query(sql, values)).rows;

  it('gives each event the state the events before it left, and writes the end state and the events in order', async () => {
    const [cup, pen] = [`CUP-${randomUUID()}`, `PEN-${randomUUID()}`];
    await stockUp(cup, 3);
    await stockUp(pen, 5);
    const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];

    await withTransaction(database.pool, async (client) => {
      const batch = await pgBatchTransaction(client, inventoryTopic, {
        orderIds: [first, second, third],
        skus: [cup, pen],
      });
      const { transaction } = batch;
      // first takes 2 of 3 cups; second wants 2 and fails; first is cancelled (the cups come back);
      // third takes 3 cups and ships. Each step only works if it sees the steps before it.
      await reserveStock(
        transaction,
        {
          orderId: first,
          ...customer,
          items: [
            { sku: cup, quantity: 2 },
            { sku: pen, quantity: 1 },
          ],
        },
        context('e1'),
      );
      await reserveStock(
        transaction,
        { orderId: second, ...customer, items: [{ sku: cup, quantity: 2 }] },
        context('e2'),
      );
      await releaseStock(transaction, first, context('e3'));
      await reserveStock(
        transaction,
        { orderId: third, ...customer, items: [{ sku: cup, quantity: 3 }] },
        context('e4'),
      );
      await shipReservedStock(transaction, third, context('e5'));
      await batch.flush();
    });

    expect(
      await rows('SELECT sku, on_hand, reserved FROM stock WHERE sku = ANY($1) ORDER BY sku', [[cup, pen]]),
    ).toEqual([
      { sku: cup, on_hand: 0, reserved: 0 },
      { sku: pen, on_hand: 5, reserved: 0 },
    ]);
    const statuses = await rows('SELECT order_id, status FROM reservations WHERE order_id = ANY($1)', [
      [first, second, third],
    ]);
    expect(Object.fromEntries(statuses.map((row) => [row['order_id'], row['status']]))).toEqual({
      [first]: 'RELEASED',
      [second]: 'FAILED',
      [third]: 'SHIPPED',
    });
    const events = await rows(
      'SELECT event_type, message_key FROM kafka_outbox WHERE message_key = ANY($1) ORDER BY id',
      [[first, second, third]],
    );
    expect(events).toEqual([
      { event_type: 'StockReservedEvent', message_key: first },
      { event_type: 'StockReservationFailedEvent', message_key: second },
      { event_type: 'StockReleasedEvent', message_key: first },
      { event_type: 'StockReservedEvent', message_key: third },
    ]);
  });

  it('updates a reservation that existed before the batch, and reads rows it was not told about', async () => {
    const sku = `BOOK-${randomUUID()}`;
    await stockUp(sku, 4);
    const orderId = randomUUID();
    await withTransaction(database.pool, async (client) => {
      const batch = await pgBatchTransaction(client, inventoryTopic, { orderIds: [orderId], skus: [sku] });
      await reserveStock(batch.transaction, { orderId, ...customer, items: [{ sku, quantity: 4 }] }, context('p1'));
      await batch.flush();
    });

    await withTransaction(database.pool, async (client) => {
      // Scope left empty: the cancel must still find the reservation and lock its stock.
      const batch = await pgBatchTransaction(client, inventoryTopic, { orderIds: [], skus: [] });
      expect(await releaseStock(batch.transaction, orderId, context('c1'))).toMatchObject({ outcome: 'applied' });
      await batch.flush();
    });

    expect(await rows('SELECT on_hand, reserved FROM stock WHERE sku = $1', [sku])).toEqual([
      { on_hand: 4, reserved: 0 },
    ]);
    expect(await rows('SELECT status FROM reservations WHERE order_id = $1', [orderId])).toEqual([
      { status: 'RELEASED' },
    ]);
  });
});
