import type { BenchStack } from '../bench-stack.ts';
import { spreadOf } from '../percentiles.ts';

type Hop = { readonly name: string; readonly ms: number[] };
type Time = number | string | null;

/**
 * Where an order's time goes, hop by hop, from the services' own rows (p50 of each hop):
 * placed (the order's transaction) → OrderPlacedEvent acknowledged and marked sent (order-service's
 * relay) → inventory's inbox transaction → StockReserved/FailedEvent sent (inventory's relay) →
 * order-service's inbox transaction → the order's last update. A consumer's transaction can
 * start before its event's `sent_at` is written (the relay marks a batch after the broker's
 * acknowledgement), so a hop after a relay can read a little short, never long.
 */
export async function flowHops(stack: BenchStack, orderIds: readonly string[]): Promise<string> {
  const ms = (column: string) => `extract(epoch from ${column}) * 1000`;
  const placed = await stack.orders.query<{
    order_id: string;
    event_id: string;
    created: Time;
    sent: Time;
    updated: Time;
  }>(
    `SELECT o.id AS order_id, ob.event_id, ${ms('o.created_at')} AS created, ${ms('ob.sent_at')} AS sent, ${ms('o.updated_at')} AS updated
       FROM orders o JOIN kafka_outbox ob ON ob.message_key = o.id::text AND ob.event_type = 'OrderPlacedEvent'
      WHERE o.id = ANY($1::uuid[])`,
    [orderIds],
  );
  const inventoryInbox = await stack.inventory.query<{ event_id: string; at: Time }>(
    `SELECT event_id, ${ms('processed_at')} AS at FROM kafka_inbox WHERE event_id = ANY($1::uuid[])`,
    [placed.rows.map((row) => row.event_id)],
  );
  const answers = await stack.inventory.query<{ order_id: string; event_id: string; sent: Time }>(
    `SELECT message_key AS order_id, event_id, ${ms('sent_at')} AS sent FROM kafka_outbox
      WHERE event_type IN ('StockReservedEvent', 'StockReservationFailedEvent') AND message_key = ANY($1::text[])`,
    [orderIds],
  );
  const orderInbox = await stack.orders.query<{ event_id: string; at: Time }>(
    `SELECT event_id, ${ms('processed_at')} AS at FROM kafka_inbox WHERE event_id = ANY($1::uuid[])`,
    [answers.rows.map((row) => row.event_id)],
  );
  const inventoryAt = new Map(inventoryInbox.rows.map((row) => [row.event_id, row.at]));
  const answerOf = new Map(answers.rows.map((row) => [row.order_id, row]));
  const orderAt = new Map(orderInbox.rows.map((row) => [row.event_id, row.at]));
  const hops: Hop[] = ['OrderPlacedEvent sent', 'inventory', 'its answer sent', 'order-service', 'CONFIRMED'].map(
    (name) => ({ name, ms: [] }),
  );
  for (const row of placed.rows) {
    const answer = answerOf.get(row.order_id);
    // numeric from PostgreSQL arrives as text; a hop not yet taken (no row, or not sent) leaves the order out.
    const orNaN = (value: number | string | null | undefined) =>
      value === null || value === undefined ? Number.NaN : Number(value);
    const known = [
      row.created,
      row.sent,
      inventoryAt.get(row.event_id),
      answer?.sent,
      answer && orderAt.get(answer.event_id),
      row.updated,
    ].map(orNaN);
    if (known.some(Number.isNaN)) continue;
    hops.forEach((hop, index) => hop.ms.push((known[index + 1] ?? 0) - (known[index] ?? 0)));
  }
  return `hops p50: placed → ${hops.map((hop) => `${hop.name} ${Math.round(spreadOf(hop.ms).p50)} ms`).join(' → ')}`;
}
