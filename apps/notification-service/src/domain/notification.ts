import type { EventPayload, ordersTopic } from '@orderflow/events';

/** What a notification tells the customer: one kind per order event worth a message. */
export const notificationKinds = [
  'order-received',
  'order-confirmed',
  'order-rejected',
  'order-shipped',
  'order-cancelled',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

type OrderTopicEvents = (typeof ordersTopic)['events'];
export type OrderEventType = keyof OrderTopicEvents & string;

/** An event of the orders topic: narrow on `type` to get its payload. */
export type OrderEvent = {
  [Type in OrderEventType]: { readonly type: Type; readonly event: EventPayload<OrderTopicEvents[Type]> };
}[OrderEventType];

/** The message as the customer would read it. */
export type RenderedNotification = {
  readonly kind: NotificationKind;
  readonly subject: string;
  readonly body: string;
};

/** A notification as the service keeps it: the rendered message and the event it came from. */
export type Notification = RenderedNotification & {
  readonly id: string;
  /** The event that caused it: at most one notification per event. */
  readonly eventId: string;
  readonly eventType: OrderEventType;
  readonly orderId: string;
  readonly customerId: string;
  /** Where it is addressed. */
  readonly email: string;
  /** When the event happened (its record timestamp), not when it was consumed. */
  readonly occurredAt: Date;
  readonly createdAt: Date;
};
