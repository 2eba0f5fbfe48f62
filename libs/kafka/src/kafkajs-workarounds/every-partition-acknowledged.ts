/**
 * kafkajs 2.2.4, sendBatch: a batch spans partitions led by several brokers, and kafkajs
 * retries a failed batch only towards brokers that have not answered yet. If a partition's
 * leader moved meanwhile to a broker that had answered for its other partitions, that
 * partition's messages are never sent, and sendBatch still resolves. (Found by the
 * rolling-restart fault scenario.) So the answer is checked: every partition the batch was
 * split into must have an acknowledgement. If one is missing this throws, and the outbox relay
 * sends the batch again; records that were written come twice, which the consumers' inbox
 * absorbs.
 */
export function assertEveryPartitionWritten(
  batch: readonly { topic: string; messages: readonly object[] }[],
  written: readonly { topicName: string; partition: number }[],
  partitionOf: WeakMap<object, number>,
): void {
  const acknowledged = new Set(written.map((record) => `${record.topicName}[${record.partition}]`));
  const missing = new Set(
    batch
      .flatMap(({ topic, messages }) => messages.map((message) => `${topic}[${partitionOf.get(message) ?? '?'}]`))
      .filter((partition) => !acknowledged.has(partition)),
  );
  if (missing.size > 0) {
    throw new Error(`the brokers acknowledged the batch without ${[...missing].join(', ')}: sending it again`);
  }
}
