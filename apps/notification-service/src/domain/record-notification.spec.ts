import type { NotificationRepository } from './notification-ports.ts';
import type { Notification } from './notification.ts';
import { recordNotification } from './record-notification.ts';

/** Notifications in memory, with the database's one-per-event rule. */
function inMemoryRepository() {
  const stored: Notification[] = [];
  const repository: NotificationRepository = {
    async insert(notification) {
      if (stored.some((existing) => existing.eventId === notification.eventId)) return 'exists';
      stored.push(notification);
      return 'inserted';
    },
  };
  return { repository, stored };
}

const confirmed = {
  type: 'OrderConfirmedEvent' as const,
  event: { orderId: '0195f0a0-0000-7000-8000-0000000000a1', customerId: '0195f0a0-0000-7000-8000-0000000000c1', email: 'ada@example.com' },
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
});
