import type { NotificationRepository } from './notification-ports.ts';
import type { Notification } from './notification.ts';
import { recordNotifications, type NotifiableEvent } from './record-notification.ts';

/** Notifications in memory, with the database's one-per-event rule. */
function inMemoryRepository() {
  const stored: Notification[] = [];
  const repository: NotificationRepository = {
    async insertMany(notifications) {
      const inserted = new Set<string>();
      for (const notification of notifications) {
        if (stored.some((existing) => existing.eventId === notification.eventId)) continue;
        stored.push(notification);
        inserted.add(notification.eventId.toLowerCase());
      }
      return inserted;
    },
  };
  return { repository, stored };
}

const recordNotification = async (repository: NotificationRepository, source: NotifiableEvent, now: Date) =>
  (await recordNotifications(repository, [source], now))[0];

const confirmed = {
  type: 'OrderConfirmedEvent' as const,
  event: {
    orderId: '0195f0a0-0000-7000-8000-0000000000a1',
    customerId: '0195f0a0-0000-7000-8000-0000000000c1',
    email: 'ada@example.com',
  },
  metadata: { eventId: '0195f0a0-0000-7000-8000-0000000000e1', occurredAt: new Date('2026-01-02T10:00:00Z') },
};

describe('recordNotification', () => {
  it('stores the rendered message with its event, order, customer and the time the event happened', async () => {
    const { repository, stored } = inMemoryRepository();
    const now = new Date('2026-01-02T10:00:05Z');

    const result = await recordNotification(repository, confirmed, now);

    expect(result).toMatchObject({ outcome: 'recorded' });
    expect(stored).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/),
        eventId: confirmed.metadata.eventId,
        eventType: 'OrderConfirmedEvent',
        ...confirmed.event,
        kind: 'order-confirmed',
        subject: expect.stringContaining('is confirmed'),
        body: expect.stringContaining('ada@example.com'),
        occurredAt: confirmed.metadata.occurredAt,
        createdAt: now,
      },
    ]);
  });

  it('records nothing more for an event that has its notification already', async () => {
    const { repository, stored } = inMemoryRepository();
    await recordNotification(repository, confirmed, new Date());

    expect(await recordNotification(repository, confirmed, new Date())).toEqual({ outcome: 'already-recorded' });
    expect(stored).toHaveLength(1);
  });

  it('records a batch in one call, in its order, leaving out the events that have theirs already', async () => {
    const { repository, stored } = inMemoryRepository();
    await recordNotification(repository, confirmed, new Date());
    const cancelled = {
      ...confirmed,
      type: 'OrderCancelledEvent' as const,
      metadata: { ...confirmed.metadata, eventId: '0195f0a0-0000-7000-8000-0000000000e2' },
    };

    const results = await recordNotifications(repository, [cancelled, confirmed], new Date());

    expect(results.map((result) => result.outcome)).toEqual(['recorded', 'already-recorded']);
    expect(stored.map((notification) => notification.eventType)).toEqual([
      'OrderConfirmedEvent',
      'OrderCancelledEvent',
    ]);
  });
});
