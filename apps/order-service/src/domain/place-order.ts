import { createHash } from 'node:crypto';
import { newEventId, type OrderItem } from '@orderflow/events';
import { IdempotencyKeyReusedError, OrderNotFoundError } from './order-errors.ts';
import type { ActionContext, OrderPlacement, OrderQueries } from './order-ports.ts';
import type { Order } from './order.ts';

export type PlaceOrderInput = {
  readonly customerId: string;
  readonly email: string;
  readonly items: readonly OrderItem[];
};

/** `replayed`: the Idempotency-Key was seen before with this body; nothing new happened. */
export type PlaceOrderResult = { readonly order: Order; readonly replayed: boolean };

/**
 * Places an order: stores it as PENDING and puts OrderPlacedEvent into the outbox, at once.
 * With an idempotency key, a retry of the same request returns the first order and writes
 * nothing; the same key with another body is refused.
 */
export async function placeOrder(
  { placement, queries }: { readonly placement: OrderPlacement; readonly queries: OrderQueries },
  input: PlaceOrderInput,
  context: ActionContext,
  idempotencyKey?: string,
): Promise<PlaceOrderResult> {
  const order: Order = {
    // Order ids are UUIDv7 like event ids: they sort by creation time.
    id: newEventId(),
    customerId: input.customerId,
    email: input.email,
    items: input.items.map(({ sku, quantity }) => ({ sku, quantity })),
    status: 'PENDING',
    createdAt: context.now,
    updatedAt: context.now,
  };
  const event = { orderId: order.id, customerId: order.customerId, email: order.email, items: [...order.items] };
  const claim = idempotencyKey === undefined ? undefined : { key: idempotencyKey, requestHash: hashRequest(input) };
  const earlier = await placement.place(order, event, context, claim);
  if (!earlier) return { order, replayed: false };
  if (earlier.requestHash !== claim?.requestHash) throw new IdempotencyKeyReusedError(idempotencyKey ?? '');
  const first = await queries.findById(earlier.orderId);
  if (!first) throw new OrderNotFoundError(earlier.orderId);
  return { order: first, replayed: true };
}

/** A fingerprint of the request, independent of JSON key order and whitespace. */
export function hashRequest(input: PlaceOrderInput): string {
  const canonical = JSON.stringify([
    input.customerId,
    input.email,
    input.items.map((item) => [item.sku, item.quantity]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
