import { inventoryTopic, ordersTopic } from '@orderflow/events';
import type { Kafka } from 'kafkajs';
import { queryOnce } from '@orderflow/service';
import type pg from 'pg';
import type { SentRequest } from './load-driver.ts';
import { readTopic, type TopicEvent } from './topic-reader.ts';

/** What a scenario's checker found. `lost`, `appliedTwice`, `outOfOrder` and `ghosts` must be 0. */
export type ScenarioReport = {
  readonly scenario: string;
  readonly sent: number;
  readonly acknowledged: number;
  readonly refused: number;
  readonly failed: number;
  /** Answers 5xx other than 503: the service broke instead of saying "unavailable, try again". */
  readonly internalErrors: number;
  /** 503s the clients answered by sending the same request, same Idempotency-Key, again. */
  readonly retriesAfter503: number;
  /** Acknowledged orders missing anywhere: order row, OrderPlacedEvent, inventory outcome, notifications. */
  readonly lost: number;
  /** Effects applied more than once: two outcomes for one order, two notifications for one event, stock off. */
  readonly appliedTwice: number;
  /** An order whose events, or notifications, are not in the order they happened. */
  readonly outOfOrder: number;
  /** Something exists for a refused (4xx) request, or a failed request left more than one order. */
  readonly ghosts: number;
  readonly deadLettered: number;
  readonly confirmed: number;
  readonly rejected: number;
  /** One line per problem found, for the test's failure message. */
  readonly problems: readonly string[];
};

export type CheckInput = {
  readonly scenario: string;
  readonly kafka: Kafka;
  readonly databaseUrls: ReadonlyMap<string, string>;
  readonly requests: readonly SentRequest[];
  readonly sku: string;
  /** Records on the dead-letter topics written during the scenario. */
  readonly deadLettered: number;
};

const outcomeTypes = new Set(['StockReservedEvent', 'StockReservationFailedEvent']);

/**
 * The independent checker: reads every topic from the earliest offset with a fresh consumer
 * group and each service's database, and holds them against what the clients were told.
 */
export async function checkScenario(input: CheckInput): Promise<ScenarioReport> {
  const problems: string[] = [];
  const databases = await readDatabases(input);
  const [orderEvents, inventoryEvents] = await Promise.all([
    readTopic(input.kafka, ordersTopic),
    readTopic(input.kafka, inventoryTopic),
  ]);
  const byOrder = <T extends { orderId: string }>(rows: readonly T[]) => Map.groupBy(rows, (row) => row.orderId);
  const ordersEventsByOrder = byOrder(orderEvents);
  const inventoryEventsByOrder = byOrder(inventoryEvents);
  const notificationsByOrder = byOrder(databases.notifications);
  const reservationsByOrder = new Map(databases.reservations.map((row) => [row.orderId, row]));
  const ordersByCustomer = Map.groupBy(databases.orders, (row) => row.customerId);

  const acknowledged = input.requests.filter((request) => request.outcome === 'acknowledged');
  const refused = input.requests.filter((request) => request.outcome === 'refused');
  const failed = input.requests.filter((request) => request.outcome === 'failed');
  let lost = 0;
  let appliedTwice = 0;
  let outOfOrder = 0;
  let ghosts = 0;

  // Every order that exists must be whole and applied once: the acknowledged ones, and those
  // a failed request may have created.
  const mustExist = new Set(acknowledged.map((request) => request.orderId ?? ''));
  const existing = [
    ...acknowledged.map((request) => request.customerId),
    ...failed.map((request) => request.customerId),
  ].flatMap((customerId) => ordersByCustomer.get(customerId) ?? []);
  for (const request of acknowledged) {
    const orders = ordersByCustomer.get(request.customerId) ?? [];
    if (!orders.some((order) => order.id === request.orderId)) {
      lost += 1;
      problems.push(`acknowledged order ${request.orderId} is not in order-service's database`);
    }
    // One request, one key: however often it was sent again after a 503, one order.
    if (orders.length > 1) {
      appliedTwice += 1;
      problems.push(`acknowledged request of customer ${request.customerId} left ${orders.length} orders`);
    }
  }
  for (const order of existing) {
    const events = distinctById(ordersEventsByOrder.get(order.id) ?? []);
    const outcomes = distinctById(
      (inventoryEventsByOrder.get(order.id) ?? []).filter((event) => outcomeTypes.has(event.type)),
    );
    const notifications = notificationsByOrder.get(order.id) ?? [];
    const reservation = reservationsByOrder.get(order.id);
    const missing = [
      events.some((event) => event.type === 'OrderPlacedEvent') ? '' : 'its OrderPlacedEvent',
      order.status === 'PENDING' ? 'a final status (still PENDING)' : '',
      reservation ? '' : 'a reservation in inventory-service',
      outcomes.length === 0 ? 'a stock outcome event' : '',
      notifications.length < events.length ? `notifications (${notifications.length} for ${events.length} events)` : '',
    ].filter(Boolean);
    if (missing.length > 0 && mustExist.has(order.id)) {
      lost += 1;
      problems.push(`order ${order.id} lacks ${missing.join(', ')}`);
    }
    const twice = [
      outcomes.length > 1 ? `${outcomes.length} stock outcomes` : '',
      events.filter((event) => event.type !== 'OrderPlacedEvent').length > 1 ? 'two decisions on orders' : '',
      notifications.length > events.length ? `${notifications.length} notifications for ${events.length} events` : '',
    ].filter(Boolean);
    if (twice.length > 0) {
      appliedTwice += 1;
      problems.push(`order ${order.id} has ${twice.join(', ')}`);
    }
    const partitions = new Set((ordersEventsByOrder.get(order.id) ?? []).map((event) => event.partition));
    const kinds = [...notifications].sort((a, b) => a.seq - b.seq).map((notification) => notification.kind);
    const expectedStatus = outcomes[0]?.type === 'StockReservedEvent' ? 'CONFIRMED' : 'REJECTED';
    if (
      events[0]?.type !== 'OrderPlacedEvent' ||
      partitions.size > 1 ||
      (kinds.length > 0 && kinds[0] !== 'order-received')
    ) {
      outOfOrder += 1;
      problems.push(
        `order ${order.id}: events ${events.map((event) => event.type).join(' → ')} on partitions ${[...partitions].join(',')}, notifications ${kinds.join(' → ')}`,
      );
    } else if (outcomes.length === 1 && order.status !== 'PENDING' && order.status !== expectedStatus) {
      outOfOrder += 1;
      problems.push(`order ${order.id} is ${order.status} but the inventory said ${outcomes[0]?.type}`);
    }
  }

  for (const request of refused) {
    const left =
      (ordersByCustomer.get(request.customerId) ?? []).length +
      orderEvents.filter((event) => event.customerId === request.customerId).length;
    if (left > 0) {
      ghosts += 1;
      problems.push(
        `refused request of customer ${request.customerId} (${request.status}) left ${left} orders or events`,
      );
    }
  }
  for (const request of failed) {
    const orders = (ordersByCustomer.get(request.customerId) ?? []).length;
    if (orders > 1) {
      ghosts += 1;
      problems.push(`failed request of customer ${request.customerId} left ${orders} orders`);
    }
  }

  // Stock: every HELD reservation holds one unit, and nothing else does.
  const held = databases.reservations.filter((row) => row.status === 'HELD').length;
  if (databases.stockReserved !== held) {
    appliedTwice += 1;
    problems.push(`stock of ${input.sku}: ${databases.stockReserved} units reserved for ${held} held reservations`);
  }

  return {
    scenario: input.scenario,
    sent: input.requests.length,
    acknowledged: acknowledged.length,
    refused: refused.length,
    failed: failed.length,
    internalErrors: failed.filter((request) => request.status !== undefined && request.status !== 503).length,
    retriesAfter503: input.requests.reduce((sum, request) => sum + request.retriesAfter503, 0),
    lost,
    appliedTwice,
    outOfOrder,
    ghosts,
    deadLettered: input.deadLettered,
    confirmed: existing.filter((order) => order.status === 'CONFIRMED').length,
    rejected: existing.filter((order) => order.status === 'REJECTED').length,
    problems,
  };
}

/** The outbox publishes at least once: a re-sent event keeps its id, so count ids, not records. */
function distinctById(events: readonly TopicEvent[]): TopicEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => !seen.has(event.eventId) && seen.add(event.eventId));
}

async function readDatabases(input: CheckInput) {
  const query = <Row extends pg.QueryResultRow>(app: string, sql: string, values: unknown[]) =>
    queryOnce<Row>(input.databaseUrls.get(app) ?? '', sql, values);
  const customerIds = input.requests.map((request) => request.customerId);
  const orders = (
    await query<{ id: string; customer_id: string; status: string }>(
      'order-service',
      'SELECT id, customer_id, status FROM orders WHERE customer_id = ANY($1::uuid[])',
      [customerIds],
    )
  ).map((row) => ({ id: row.id, customerId: row.customer_id, status: row.status }));
  const orderIds = orders.map((order) => order.id);
  const reservations = (
    await query<{ order_id: string; status: string }>(
      'inventory-service',
      'SELECT order_id, status FROM reservations WHERE order_id = ANY($1::uuid[])',
      [orderIds],
    )
  ).map((row) => ({ orderId: row.order_id, status: row.status }));
  const [stock] = await query<{ reserved: number }>('inventory-service', 'SELECT reserved FROM stock WHERE sku = $1', [
    input.sku,
  ]);
  const notifications = (
    await query<{ order_id: string; kind: string; seq: string }>(
      'notification-service',
      'SELECT order_id, kind, seq FROM notifications WHERE order_id = ANY($1::uuid[])',
      [orderIds],
    )
  ).map((row) => ({ orderId: row.order_id, kind: row.kind, seq: Number(row.seq) }));
  return { orders, reservations, notifications, stockReserved: stock?.reserved ?? 0 };
}
