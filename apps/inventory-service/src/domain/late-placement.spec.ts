import type { ActionContext, InventoryTransaction } from './inventory-ports.ts';
import { reserveStock } from './reserve-stock.ts';
import { releaseStock } from './settle-reservation.ts';
import type { Reservation, StockItem } from './stock-item.ts';

// The rule for events of one order that arrive out of order (a placement dead-lettered, then
// replayed after the cancel): the inventory remembers the cancel and refuses the late placement.

const orderId = '01a21604-0000-7000-8000-00000000000a';
const placed = {
  orderId,
  customerId: '01a21604-0000-7000-8000-00000000000c',
  email: 'late@example.com',
  items: [{ sku: 'BOOK-1', quantity: 2 }],
};
const context: ActionContext = { correlationId: 'test', causationId: 'test', now: new Date('2026-01-01T00:00:00Z') };

/** One transaction's ports on maps: what the use cases read and write, and the events they append. */
function inMemoryTransaction(onHand: number) {
  const stock = new Map<string, StockItem>([
    ['BOOK-1', { sku: 'BOOK-1', name: 'Book', onHand, reserved: 0, updatedAt: new Date(0) }],
  ]);
  const reservations = new Map<string, Reservation>();
  const events: string[] = [];
  const transaction: InventoryTransaction = {
    stock: {
      async lockForUpdate(skus) {
        return new Map(skus.flatMap((sku) => (stock.has(sku) ? [[sku, stock.get(sku) as StockItem] as const] : [])));
      },
      async changeReserved(sku, delta) {
        const item = stock.get(sku) as StockItem;
        stock.set(sku, { ...item, reserved: item.reserved + delta });
      },
      async removeShipped(sku, quantity) {
        const item = stock.get(sku) as StockItem;
        stock.set(sku, { ...item, onHand: item.onHand - quantity, reserved: item.reserved - quantity });
      },
    },
    reservations: {
      async findForUpdate(id) {
        return reservations.get(id);
      },
      async insert(reservation) {
        reservations.set(reservation.orderId, reservation);
      },
      async updateStatus(id, status, now) {
        reservations.set(id, { ...(reservations.get(id) as Reservation), status, updatedAt: now });
      },
    },
    outbox: {
      async append(type) {
        events.push(type);
      },
    },
  };
  return { transaction, stock, reservations, events };
}

describe('an order event that arrives after a later one of the same order', () => {
  it('a cancel of an order never seen placed leaves a CANCELLED row, reserves and publishes nothing', async () => {
    const { transaction, stock, reservations, events } = inMemoryTransaction(5);

    const outcome = await releaseStock(transaction, orderId, context);

    expect(outcome).toMatchObject({ outcome: 'applied', reservation: { orderId, status: 'CANCELLED', items: [] } });
    expect(reservations.get(orderId)?.status).toBe('CANCELLED');
    expect(stock.get('BOOK-1')?.reserved).toBe(0);
    expect(events).toEqual([]);
  });

  it('a placement after its cancel is refused as stale: nothing reserved, no result published', async () => {
    const { transaction, stock, reservations, events } = inMemoryTransaction(5);
    await releaseStock(transaction, orderId, context);

    const outcome = await reserveStock(transaction, placed, context);

    expect(outcome).toEqual({
      outcome: 'stale',
      reason: `order ${orderId} was cancelled before it was placed here`,
    });
    expect(stock.get('BOOK-1')?.reserved).toBe(0);
    expect(reservations.get(orderId)?.status).toBe('CANCELLED');
    expect(events).toEqual([]);
  });

  it('in the usual order the placement reserves and the cancel releases, as before', async () => {
    const { transaction, stock, reservations, events } = inMemoryTransaction(5);

    await reserveStock(transaction, placed, context);
    expect(stock.get('BOOK-1')?.reserved).toBe(2);
    await releaseStock(transaction, orderId, context);

    expect(stock.get('BOOK-1')?.reserved).toBe(0);
    expect(reservations.get(orderId)?.status).toBe('RELEASED');
    expect(events).toEqual(['StockReservedEvent', 'StockReleasedEvent']);
  });

  it('a second cancel of a cancelled order changes nothing', async () => {
    const { transaction, reservations } = inMemoryTransaction(5);
    await releaseStock(transaction, orderId, context);

    expect(await releaseStock(transaction, orderId, context)).toEqual({
      outcome: 'ignored',
      reason: `the reservation of order ${orderId} is CANCELLED`,
    });
    expect(reservations.get(orderId)?.status).toBe('CANCELLED');
  });
});
