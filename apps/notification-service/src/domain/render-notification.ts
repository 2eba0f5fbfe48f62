import type { OrderItem, UnavailableItem } from '@orderflow/events';
import type { OrderEvent, RenderedNotification } from './notification.ts';

/**
 * The customer's message for an order event: subject and plain-text body. Pure, so every
 * wording is unit-tested without Kafka or a database. Every event of the orders topic is
 * worth a message; the exhaustive switch makes a new event type a compile error here.
 */
export function renderNotification(orderEvent: OrderEvent): RenderedNotification {
  switch (orderEvent.type) {
    case 'OrderPlacedEvent': {
      const { orderId, email, items } = orderEvent.event;
      return {
        kind: 'order-received',
        subject: `We received your order ${orderId}`,
        body: letter(email, [
          `Thank you for your order ${orderId}. We are now reserving its items:`,
          itemList(items),
          'We will write again once it is confirmed.',
        ]),
      };
    }
    case 'OrderConfirmedEvent': {
      const { orderId, email } = orderEvent.event;
      return {
        kind: 'order-confirmed',
        subject: `Your order ${orderId} is confirmed`,
        body: letter(email, [
          `Good news: every item of your order ${orderId} is reserved for you. We will let you know when it ships.`,
        ]),
      };
    }
    case 'OrderRejectedEvent': {
      const { orderId, email, unavailableItems } = orderEvent.event;
      return {
        kind: 'order-rejected',
        subject: `We could not accept your order ${orderId}`,
        body: letter(email, [
          `We are sorry: we could not reserve your order ${orderId}, so nothing was reserved and nothing will be charged.`,
          unavailableItems.map((item) => `- ${unavailableReason(item)}`).join('\n'),
          'You are welcome to place the order again without these items.',
        ]),
      };
    }
    case 'ProductShippedEvent': {
      const { orderId, email, items, trackingUrl } = orderEvent.event;
      return {
        kind: 'order-shipped',
        subject: `Your order ${orderId} has shipped`,
        body: letter(email, [
          `Your order ${orderId} has left our warehouse with:`,
          itemList(items),
          trackingUrl ? `Follow your parcel at ${trackingUrl}` : 'There is no tracking link for this parcel.',
        ]),
      };
    }
    case 'OrderCancelledEvent': {
      const { orderId, email } = orderEvent.event;
      return {
        kind: 'order-cancelled',
        subject: `Your order ${orderId} is cancelled`,
        body: letter(email, [
          `As you asked, your order ${orderId} is cancelled. Anything reserved for it is released and nothing will be charged.`,
        ]),
      };
    }
  }
}

/** Why one line could not be reserved, in the customer's words. */
export function unavailableReason({ sku, reason, requested, available }: UnavailableItem): string {
  switch (reason) {
    case 'unknown-sku':
      return `${sku}: we do not sell this product (unknown sku)`;
    case 'not-enough-stock':
      return `${sku}: not enough stock (you asked for ${requested}, we have ${available})`;
  }
}

function itemList(items: readonly OrderItem[]): string {
  return items.map(({ sku, quantity }) => `- ${quantity} x ${sku}`).join('\n');
}

/** Greeting, paragraphs, and a footer naming the address, as in a real mail. */
function letter(email: string, paragraphs: readonly string[]): string {
  return [
    'Hello,',
    ...paragraphs,
    'Orderflow',
    `This message was sent to ${email} about an order placed with this address.`,
  ].join('\n\n');
}
