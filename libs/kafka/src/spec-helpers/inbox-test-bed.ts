// Shared set-up for the inbox integration tests: a fresh database with the inbox tables and a
// table for the test handler's effects, a consumer fixture and a started producer.
import { testDatabase, type TestDatabase } from '@orderflow/testing';
import { migrateKafkaTables } from '../database/kafka-migrations.ts';
import { createEventProducer, type EventProducer } from '../producer/event-producer.ts';
import { consumerFixture } from './consumer-fixture.ts';

export type InboxTestBed = {
  readonly db: TestDatabase;
  readonly fixture: Awaited<ReturnType<typeof consumerFixture>>;
  readonly producer: EventProducer;
  /** Stops the runners and the producer, and drops the database. */
  stop(): Promise<void>;
};

/** `effectsTable`: the CREATE TABLE statement for what the test's handler writes. */
export async function inboxTestBed(label: string, effectsTable: string): Promise<InboxTestBed> {
  const db = await testDatabase(label);
  await migrateKafkaTables(db.pool);
  await db.pool.query(effectsTable);
  const fixture = await consumerFixture(label);
  const producer = createEventProducer({ kafka: fixture.kafka });
  await producer.start();
  return {
    db,
    fixture,
    producer,
    async stop() {
      await fixture.stopAll();
      await producer.stop();
      await db.drop();
    },
  };
}
