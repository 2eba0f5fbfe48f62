import { createRetentionJob } from '@orderflow/service';
import { testDatabase, type TestDatabase } from '@orderflow/testing';
import { migrateKafkaTables } from '../database/kafka-migrations.ts';
import { inboxRetention } from '../inbox/inbox-retention.ts';
import { sentOutboxRetention } from './outbox-retention.ts';

const dayMs = 24 * 60 * 60 * 1000;

describe('retention of the outbox and the inbox', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await testDatabase('retention');
    await migrateKafkaTables(db.pool);
  });
  afterAll(() => db.drop());

  it('deletes sent outbox rows after a day and inbox entries after their keep time, never an unsent row', async () => {
    const outboxRow = (eventId: string, createdAgo: string, sentAgo: string | null) =>
      db.pool.query(
        `INSERT INTO kafka_outbox (topic, message_key, event_type, event_id, value, headers, record_timestamp, created_at, sent_at)
         VALUES ('orders', 'k', 'OrderPlacedEvent', $1, NULL, '{}', 0, now() - $2::interval, now() - $3::interval)`,
        [eventId, createdAgo, sentAgo],
      );
    const sentLongAgo = crypto.randomUUID();
    const sentRecently = crypto.randomUUID();
    const unsentForDays = crypto.randomUUID();
    await outboxRow(sentLongAgo, '3 days', '25 hours');
    await outboxRow(sentRecently, '3 days', '23 hours');
    await outboxRow(unsentForDays, '30 days', null);
    const inboxRow = (eventId: string, processedAgo: string) =>
      db.pool.query(
        `INSERT INTO kafka_inbox (consumer_group, event_id, topic, partition, record_offset, processed_at)
         VALUES ('inventory-service', $1, 'orders', 0, 0, now() - $2::interval)`,
        [eventId, processedAgo],
      );
    const expiredEntry = crypto.randomUUID();
    const keptEntry = crypto.randomUUID();
    await inboxRow(expiredEntry, '15 days');
    await inboxRow(keptEntry, '13 days');

    // orders as Kafka keeps it by default: 7 days of retention.ms, segments rolled every 7 days.
    const inboxRule = inboxRetention([{ topic: 'orders', retentionMs: 7 * dayMs, segmentMs: 7 * dayMs }]);
    if (!inboxRule) throw new Error('orders keeps its records for 7 days: the inbox needs a rule');
    const job = createRetentionJob({ pool: db.pool, rules: [sentOutboxRetention, inboxRule] });

    expect(await job.runOnce()).toEqual({ 'sent outbox rows': 1, 'inbox entries': 1 });
    const outbox = await db.pool.query<{ event_id: string }>('SELECT event_id FROM kafka_outbox ORDER BY id');
    expect(outbox.rows.map((row) => row.event_id)).toEqual([sentRecently, unsentForDays]);
    const inbox = await db.pool.query<{ event_id: string }>('SELECT event_id FROM kafka_inbox');
    expect(inbox.rows.map((row) => row.event_id)).toEqual([keptEntry]);
  });
});
