import { readdirSync } from 'node:fs';
import { kafkaMigrationsDirectory } from './database/kafka-migrations.ts';
import * as publicApi from './index.ts';

describe('@orderflow/kafka public API', () => {
  it('offers the factories a service composes', () => {
    for (const name of [
      'createKafkaClient',
      'provisionTopics',
      'createEventProducer',
      'createOutboxRelay',
      'createConsumerRunner',
      'withSetBasedInbox',
      'appendToOutbox',
    ]) {
      expect(typeof (publicApi as Record<string, unknown>)[name]).toBe('function');
    }
  });

  it('ships its table migrations, named so they sort and never clash with a service’s own', () => {
    expect(readdirSync(kafkaMigrationsDirectory).sort()).toEqual([
      'kafka-001-outbox.sql',
      'kafka-002-inbox.sql',
      'kafka-003-retention-indexes.sql',
      'kafka-004-outbox-dead-letter.sql',
    ]);
  });
});
