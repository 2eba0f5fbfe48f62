import { randomUUID } from 'node:crypto';
import type { TopicDefinition } from '@orderflow/events';
import { appendToOutbox, createOutboxRelay, migrateKafkaTables } from '@orderflow/kafka';
import { createPool, withTransaction } from '@orderflow/service';
import type { Kafka } from 'kafkajs';
import type { BenchRow } from '../bench-row.ts';
import type { BenchSettings } from '../bench-settings.ts';
import { waitFor } from '@orderflow/testing';

/**
 * Row 2: a full outbox drained by the relay with its defaults (published, acks=all, and marked
 * sent), in a database of its own so no service's relay competes for the rows.
 */
export async function relayDrainRate(
  kafka: Kafka,
  databaseUrl: string,
  topic: TopicDefinition,
  settings: BenchSettings,
): Promise<BenchRow> {
  const pool = createPool({ connectionString: databaseUrl, applicationName: 'bench', max: 4 });
  try {
    await migrateKafkaTables(pool);
    const event = {
      customerId: randomUUID(),
      email: 'bench@example.com',
      items: [{ sku: 'BENCH-RELAY', quantity: 1 }],
    };
    for (let written = 0; written < settings.relayRows; written += 500) {
      await withTransaction(pool, async (client) => {
        for (let index = written; index < Math.min(settings.relayRows, written + 500); index += 1) {
          await appendToOutbox(client, topic, [
            {
              type: 'OrderPlacedEvent',
              event: { ...event, orderId: randomUUID() },
              context: { now: new Date(), correlationId: 'bench' },
            },
          ]);
        }
      });
    }
    const relay = createOutboxRelay({ pool, kafka });
    const started = performance.now();
    await relay.start();
    try {
      await waitFor(() => relay.status().published >= settings.relayRows, {
        description: `the relay to publish ${settings.relayRows} rows`,
        timeoutMs: settings.settleTimeoutMs,
        intervalMs: 20,
      });
    } finally {
      await relay.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      key: 'relay-drain',
      measure: 'outbox relay drain (published and marked sent)',
      value: settings.relayRows / seconds,
      unit: 'rows/s',
      detail: `${settings.relayRows} rows`,
      target: '≥ 40 % of plain kafkajs',
    };
  } finally {
    await pool.end();
  }
}
