import { randomUUID } from 'node:crypto';
import { eventToMessage, inventoryTopic, ordersTopic, type EventMessage } from '@orderflow/events';
import { createEventProducer } from '@orderflow/kafka';
import { waitFor } from '@orderflow/testing';
import type { Kafka } from 'kafkajs';
import type { BenchRow } from '../bench-row.ts';
import type { BenchSettings } from '../bench-settings.ts';
import type { BenchStack } from '../bench-stack.ts';

type Consumer = 'order-service' | 'inventory-service' | 'notification-service';

/**
 * Row 3: each service's consumer, with its real handler, inbox and PostgreSQL, draining a
 * backlog written straight to its topic (the bench stands in for the topic's writer).
 *
 * A: `drainEvents` OrderPlacedEvents: inventory-service reserves stock, notification-service
 * renders a notification, both at once (they share the machine). B: as many PENDING orders in
 * order-service's database and a StockReservedEvent for each: order-service confirms them.
 */
export async function consumerDrainRates(
  kafka: Kafka,
  stack: BenchStack,
  skus: readonly string[],
  settings: BenchSettings,
): Promise<BenchRow[]> {
  const producer = createEventProducer({ kafka });
  await producer.start();
  try {
    const context = () => ({ occurredAt: new Date(), correlationId: randomUUID() });
    const placed = Array.from({ length: settings.drainEvents }, (_, index) => ({
      orderId: randomUUID(),
      customerId: randomUUID(),
      email: 'bench@example.com',
      items: [{ sku: skus[index % skus.length] ?? 'BENCH', quantity: 1 }],
    }));
    const ordersBefore = await stack.handled('order-service');
    const placedMessages = placed.map((event) => eventToMessage(ordersTopic, 'OrderPlacedEvent', event, context()));
    const [inventory, notification] = await Promise.all([
      timeDrain(stack, 'inventory-service', settings, () => publishAll(producer, ordersTopic.name, placedMessages)),
      timeDrain(stack, 'notification-service', settings),
    ]);
    // A's StockReservedEvents reach order-service for orders it never stored: let them pass first.
    await waitFor(async () => (await stack.handled('order-service')) >= ordersBefore + settings.drainEvents, {
      description: 'order-service to read the StockReservedEvents of the first backlog',
      timeoutMs: settings.settleTimeoutMs,
      intervalMs: 200,
    });

    const pending = placed.map((event) => ({ ...event, orderId: randomUUID() }));
    await stack.orders.query(
      `INSERT INTO orders (id, customer_id, email, status, items, created_at, updated_at)
       SELECT id, customer_id, 'bench@example.com', 'PENDING', items, now(), now()
         FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[]) AS t (id, customer_id, items)`,
      [
        pending.map((order) => order.orderId),
        pending.map((order) => order.customerId),
        pending.map((order) => JSON.stringify(order.items)),
      ],
    );
    const reserved = pending.map((order) =>
      eventToMessage(inventoryTopic, 'StockReservedEvent', { orderId: order.orderId, items: order.items }, context()),
    );
    const orders = await timeDrain(stack, 'order-service', settings, () =>
      publishAll(producer, inventoryTopic.name, reserved),
    );

    const row = (consumer: Consumer, rate: number, what: string): BenchRow => ({
      key: `drain-${consumer}`,
      measure: `consumer drain with the inbox: ${consumer} (${what})`,
      value: rate,
      unit: 'events/s',
      detail: `${settings.drainEvents} events`,
      target: '≥ 5,000 events/s',
    });
    return [
      row('inventory-service', inventory, 'OrderPlacedEvent → reservation'),
      row('notification-service', notification, 'OrderPlacedEvent → notification'),
      row('order-service', orders, 'StockReservedEvent → CONFIRMED'),
    ];
  } finally {
    await producer.stop();
  }
}

/** Events per second from before `produce` until the consumer has handled `drainEvents` more. */
async function timeDrain(
  stack: BenchStack,
  consumer: Consumer,
  settings: BenchSettings,
  produce?: () => Promise<void>,
): Promise<number> {
  const before = await stack.handled(consumer);
  const started = performance.now();
  await produce?.();
  await waitFor(async () => (await stack.handled(consumer)) >= before + settings.drainEvents, {
    description: `${consumer} to drain ${settings.drainEvents} events`,
    timeoutMs: settings.settleTimeoutMs,
    intervalMs: 50,
  });
  return settings.drainEvents / ((performance.now() - started) / 1000);
}

async function publishAll(
  producer: ReturnType<typeof createEventProducer>,
  topic: string,
  messages: readonly EventMessage[],
): Promise<void> {
  for (let start = 0; start < messages.length; start += 500) {
    await producer.publishMessages([{ topic, messages: messages.slice(start, start + 500) }]);
  }
}
