import type { OrderEvent } from './notification.ts';
import { renderNotification } from './render-notification.ts';

const orderId = '0195f0a0-0000-7000-8000-0000000000a1';
const customer = { customerId: '0195f0a0-0000-7000-8000-0000000000c1', email: 'ada@example.com' };
const items = [
  { sku: 'BOOK-1', quantity: 2 },
  { sku: 'PEN-7', quantity: 1 },
];

const render = (orderEvent: OrderEvent) => renderNotification(orderEvent);

describe('renderNotification', () => {
  it('an OrderPlacedEvent is "order received", listing each item with its quantity', () => {
    const rendered = render({ type: 'OrderPlacedEvent', event: { orderId, ...customer, items } });

    expect(rendered.kind).toBe('order-received');
    expect(rendered.subject).toBe(`We received your order ${orderId}`);
    expect(rendered.body).toContain('- 2 x BOOK-1\n- 1 x PEN-7');
  });

  it('an OrderConfirmedEvent is "order confirmed"', () => {
    const rendered = render({ type: 'OrderConfirmedEvent', event: { orderId, ...customer } });

    expect(rendered).toMatchObject({ kind: 'order-confirmed', subject: `Your order ${orderId} is confirmed` });
    expect(rendered.body).toContain('is reserved for you');
  });

  it('an OrderRejectedEvent names each sku with its reason: unknown sku, or requested vs available', () => {
    const rendered = render({
      type: 'OrderRejectedEvent',
      event: {
        orderId,
        ...customer,
        unavailableItems: [
          { sku: 'GHOST-9', reason: 'unknown-sku', requested: 1, available: 0 },
          { sku: 'BOOK-1', reason: 'not-enough-stock', requested: 2, available: 1 },
        ],
      },
    });

    expect(rendered).toMatchObject({ kind: 'order-rejected', subject: `We could not accept your order ${orderId}` });
    expect(rendered.body).toContain(
      '- GHOST-9: we do not sell this product (unknown sku)\n- BOOK-1: not enough stock (you asked for 2, we have 1)',
    );
  });

  it('a ProductShippedEvent is "order shipped", with the tracking link when there is one', () => {
    const tracked = render({
      type: 'ProductShippedEvent',
      event: { orderId, ...customer, items, trackingUrl: 'https://track.example/p/1' },
    });
    const untracked = render({ type: 'ProductShippedEvent', event: { orderId, ...customer, items } });

    expect(tracked).toMatchObject({ kind: 'order-shipped', subject: `Your order ${orderId} has shipped` });
    expect(tracked.body).toContain('Follow your parcel at https://track.example/p/1');
    expect(tracked.body).toContain('- 2 x BOOK-1');
    expect(untracked.body).toContain('There is no tracking link for this parcel.');
  });

  it('an OrderCancelledEvent is "order cancelled"', () => {
    const rendered = render({ type: 'OrderCancelledEvent', event: { orderId, ...customer } });

    expect(rendered).toMatchObject({ kind: 'order-cancelled', subject: `Your order ${orderId} is cancelled` });
    expect(rendered.body).toContain('nothing will be charged');
  });

  it("addresses every message to the event's email, in a footer as a real mail has", () => {
    const rendered = render({ type: 'OrderConfirmedEvent', event: { orderId, ...customer } });

    expect(rendered.body.startsWith('Hello,\n\n')).toBe(true);
    expect(
      rendered.body.endsWith('This message was sent to ada@example.com about an order placed with this address.'),
    ).toBe(true);
  });
});
