import { randomUUID } from 'node:crypto';
import type { OrderPlacedEvent } from '@orderflow/events';

/** A valid OrderPlacedEvent for a new (or the given) order. */
export function orderPlaced(orderId: string = randomUUID()): OrderPlacedEvent {
  return { orderId, customerId: randomUUID(), email: 'ada@example.com', items: [{ sku: 'SKU-KEYBOARD', quantity: 1 }] };
}

export const testContext = (correlationId = 'test-request') => ({ occurredAt: new Date(), correlationId });

/** The action an outbox entry comes from (appendToOutbox makes the event's context of it). */
export const testAction = (correlationId = 'test-request') => ({ now: new Date(), correlationId });
