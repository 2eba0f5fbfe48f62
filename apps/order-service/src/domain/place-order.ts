import { createHash } from 'node:crypto';
import { newEventId, type OrderItem } from '@orderflow/events';
import { IdempotencyKeyReusedError, OrderNotFoundError } from './order-errors.ts';
import type { ActionContext, UnitOfWork } from './order-ports.ts';
import type { Order } from './order.ts';

export type PlaceOrderInput = {
  readonly customerId: string;
  readonly email: string;
  readonly items: readonly OrderItem[];
};

/** `replayed`: the Idempotency-Key was seen before with this body; nothing new happened. */
export type PlaceOrderResult = { readonly order: Order; readonly replayed: boolean };

/**
 * Places an order: stores it as PENDING and puts OrderPlacedEvent into the outbox, in one
 * transaction. With an idempotency key, a retry of the same request returns the first order
 * and writes nothing; the same key with another body is refused.
 */
export async function placeOrder(
  unitOfWork: UnitOfWork,
  input: PlaceOrderInput,
  context: ActionContext,
  idempotencyKey?: string,
): Promise<PlaceOrderResult> {
  return unitOfWork.run(async ({ orders, idempotencyKeys, outbox }) => {
    // Order ids are UUIDv7 like event ids: they sort by creation time.
    const orderId = newEventId();
    if (idempotencyKey !== undefined) {
      const requestHash = hashRequest(input);
      const earlier = await idempotencyKeys.claim(idempotencyKey, requestHash, orderId);
      if (earlier) {
        if (earlier.requestHash !== requestHash) throw new IdempotencyKeyReusedError(idempotencyKey);
        const order = await orders.findForUpdate(earlier.orderId);
        if (!order) throw new OrderNotFoundError(earlier.orderId);
        return { order, replayed: true };
      }
    }
    const order: Order = {
      id: orderId,
      customerId: input.customerId,
      email: input.email,
      items: input.items.map(({ sku, quantity }) => ({ sku, quantity })),
      status: 'PENDING',
      createdAt: context.now,
      updatedAt: context.now,
    };
    await orders.insert(order);
    await outbox.append(
      'OrderPlacedEvent',
      { orderId: order.id, customerId: order.customerId, email: order.email, items: [...order.items] },
      context,
    );
    return { order, replayed: false };
  });
}

/** A fingerprint of the request, independent of JSON key order and whitespace. */
export function hashRequest(input: PlaceOrderInput): string {
  const canonical = JSON.stringify([input.customerId, input.email, input.items.map((item) => [item.sku, item.quantity])]);
  return createHash('sha256').update(canonical).digest('hex');
}
