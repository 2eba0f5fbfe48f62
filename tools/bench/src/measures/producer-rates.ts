import { randomBytes } from 'node:crypto';
import { runKafkaTool } from '@orderflow/kafka-cluster';
import { Partitioners, type Kafka } from 'kafkajs';
import type { BenchRow } from '../bench-row.ts';
import type { BenchSettings } from '../bench-settings.ts';

/**
 * Row 1a: Kafka's own Java producer perf test, acks=all (idempotent, the Java default), to a
 * catalogue-shaped topic: what the cluster takes from a client that batches well.
 */
export function javaProducerRate(brokers: readonly string[], topic: string, settings: BenchSettings): BenchRow {
  const args = [
    '--topic',
    topic,
    '--num-records',
    String(settings.producerRecords),
    '--record-size',
    String(settings.recordBytes),
  ];
  const result = runKafkaTool(
    'kafka-producer-perf-test',
    [...args, '--throughput', '-1', '--producer-props', 'acks=all'],
    [...brokers],
  );
  // The last summary line: "200000 records sent, 48123.4 records/sec (13.77 MB/sec), ...".
  const rates = [...result.stdout.matchAll(/([\d.]+) records\/sec/g)].map((match) => Number(match[1]));
  if (result.status !== 0 || rates.length === 0) {
    throw new Error(
      `kafka-producer-perf-test failed (${result.status}): ${result.stderr.slice(-500) || result.stdout.slice(-500)}`,
    );
  }
  return {
    key: 'java-producer',
    measure: `raw Kafka: Java kafka-producer-perf-test (${settings.recordBytes} B, acks=all, RF 3)`,
    value: rates.at(-1) ?? Number.NaN,
    unit: 'records/s',
    detail: `${settings.producerRecords} records`,
  };
}

/**
 * Row 1b: plain kafkajs, acks=all, awaited sends of `kafkajsBatch` records with
 * `kafkajsInFlight` of them at once: the most the services' client library gets from this cluster.
 */
export async function kafkajsProducerRate(kafka: Kafka, topic: string, settings: BenchSettings): Promise<BenchRow> {
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const value = randomBytes(settings.recordBytes);
    const messages = Array.from({ length: settings.kafkajsBatch }, () => ({ value }));
    const sends = Math.ceil(settings.producerRecords / settings.kafkajsBatch);
    let next = 0;
    const sender = async () => {
      while (next < sends) {
        next += 1;
        await producer.send({ topic, acks: -1, messages });
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: settings.kafkajsInFlight }, sender));
    const seconds = (performance.now() - started) / 1000;
    return {
      key: 'kafkajs-producer',
      measure: `raw Kafka: plain kafkajs, batches of ${settings.kafkajsBatch}, ${settings.kafkajsInFlight} in flight`,
      value: (sends * settings.kafkajsBatch) / seconds,
      unit: 'records/s',
      detail: `${sends * settings.kafkajsBatch} records`,
    };
  } finally {
    await producer.disconnect();
  }
}
