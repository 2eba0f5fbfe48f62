import { causalOrder } from './causal-order.ts';
import type { RecordSummary } from './record-summary.ts';

const names = { eventId: 'event-id', causationId: 'causation-id' };

function event(
  eventType: string,
  topic: string,
  offset: number,
  timestamp: number,
  eventId: string,
  causationId: string,
): RecordSummary {
  return {
    topic,
    partition: 2,
    offset: String(offset),
    key: 'order-1',
    eventType,
    size: 100,
    timestamp,
    headers: { 'event-id': eventId, 'causation-id': causationId },
  };
}

const placed = event('OrderPlacedEvent', 'orders', 10, 1_000, 'e1', 'request-1');
const reserved = event('StockReservedEvent', 'inventory', 7, 1_012, 'e2', 'e1');
const confirmed = event('OrderConfirmedEvent', 'orders', 11, 1_020, 'e3', 'e2');

describe("an order's saga in causal order", () => {
  it('puts each event after its cause, with the time of each hop', () => {
    const steps = causalOrder([confirmed, reserved, placed], names);

    expect(steps.map((step) => [step.eventType, step.depth, step.msSinceCause])).toEqual([
      ['OrderPlacedEvent', 0, undefined],
      ['StockReservedEvent', 1, 12],
      ['OrderConfirmedEvent', 2, 8],
    ]);
  });

  it('follows causation, not timestamps, when a clock is behind', () => {
    const lateClock = { ...reserved, timestamp: 990 };

    expect(causalOrder([lateClock, confirmed, placed], names).map((step) => step.eventType)).toEqual([
      'OrderPlacedEvent',
      'StockReservedEvent',
      'OrderConfirmedEvent',
    ]);
  });

  it('shows a redelivered event once', () => {
    expect(causalOrder([placed, reserved, { ...reserved, offset: '8' }], names)).toHaveLength(2);
  });

  it('orders two effects of one cause by time, after it', () => {
    const cancelled = event('OrderCancelledEvent', 'orders', 12, 2_000, 'e4', 'request-2');
    const released = event('StockReleasedEvent', 'inventory', 9, 2_010, 'e5', 'e4');

    expect(
      causalOrder([released, confirmed, cancelled, reserved, placed], names).map((step) => step.eventType),
    ).toEqual([
      'OrderPlacedEvent',
      'StockReservedEvent',
      'OrderConfirmedEvent',
      'OrderCancelledEvent',
      'StockReleasedEvent',
    ]);
  });
});
