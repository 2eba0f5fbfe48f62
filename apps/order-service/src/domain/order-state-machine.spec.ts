import { OrderStatusConflictError } from './order-errors.ts';
import { applyTransition, canApply, type OrderAction } from './order-state-machine.ts';
import { orderStatuses, type Order, type OrderStatus } from './order.ts';

const created = new Date('2026-01-01T00:00:00Z');
const later = new Date('2026-01-02T00:00:00Z');

function orderIn(status: OrderStatus): Order {
  return {
    id: '0195f0a0-0000-7000-8000-000000000001',
    customerId: '0195f0a0-0000-7000-8000-000000000002',
    email: 'ada@example.com',
    items: [{ sku: 'BOOK-1', quantity: 1 }],
    status,
    createdAt: created,
    updatedAt: created,
  };
}

const allowed: [OrderStatus, OrderAction, OrderStatus][] = [
  ['PENDING', 'confirm', 'CONFIRMED'],
  ['PENDING', 'reject', 'REJECTED'],
  ['PENDING', 'cancel', 'CANCELLED'],
  ['CONFIRMED', 'cancel', 'CANCELLED'],
  ['CONFIRMED', 'ship', 'SHIPPED'],
];
const actions: OrderAction[] = ['confirm', 'reject', 'cancel', 'ship'];
const refused = orderStatuses.flatMap((status) =>
  actions
    .filter((action) => !allowed.some(([from, allowedAction]) => from === status && allowedAction === action))
    .map((action) => [status, action] as const),
);

describe('order state machine', () => {
  it.each(allowed)('a %s order may %s and becomes %s', (from, action, to) => {
    expect(canApply(from, action)).toBe(true);
    const next = applyTransition(orderIn(from), action, later);
    expect(next.status).toBe(to);
    expect(next.updatedAt).toBe(later);
    expect(next.createdAt).toBe(created);
  });

  it.each(refused)('a %s order may not %s: the error names the current status', (from, action) => {
    expect(canApply(from, action)).toBe(false);
    expect(() => applyTransition(orderIn(from), action, later)).toThrow(OrderStatusConflictError);
    expect(() => applyTransition(orderIn(from), action, later)).toThrow(`is ${from}; it cannot ${action}`);
  });

  it('refuses every action on the final statuses SHIPPED, REJECTED and CANCELLED', () => {
    for (const status of ['SHIPPED', 'REJECTED', 'CANCELLED'] as const) {
      expect(actions.filter((action) => canApply(status, action))).toEqual([]);
    }
  });

  it('covers all 20 status and action pairs, 5 allowed and 15 refused', () => {
    expect(allowed.length + refused.length).toBe(orderStatuses.length * actions.length);
    expect(refused).toHaveLength(15);
  });
});
