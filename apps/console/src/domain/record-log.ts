import type { RecordSummary } from './record-summary.ts';

export type RecordLogOptions = {
  /** Latest records kept per partition, for the event list. */
  readonly perPartition?: number;
  /** Keys (orders) whose events are kept for "follow an order" and the key filter; the oldest key is forgotten first. */
  readonly keys?: number;
};

export const recordLogDefaults = { perPartition: 20, keys: 5_000 } satisfies Required<RecordLogOptions>;

/**
 * The records the console has seen, two ways: the latest few per partition (the event list),
 * and every record by key for the last N keys (an order's saga). Bounded both ways, so memory
 * stays flat however long the console runs. A record seen twice (re-read after a rebalance of
 * the console's own consumer) is kept once.
 */
export function createRecordLog(options: RecordLogOptions = {}) {
  const { perPartition, keys } = { ...recordLogDefaults, ...options };
  const latest = new Map<string, RecordSummary[]>();
  const byKey = new Map<string, RecordSummary[]>();
  const partitionOf = (record: Pick<RecordSummary, 'topic' | 'partition'>) => `${record.topic}/${record.partition}`;

  return {
    add(record: RecordSummary): void {
      const partition = latest.get(partitionOf(record)) ?? [];
      if (partition.some((seen) => seen.offset === record.offset)) return;
      partition.push(record);
      partition.sort((a, b) => compareOffsets(a.offset, b.offset));
      latest.set(partitionOf(record), partition.slice(-perPartition));

      if (record.key === null) return;
      const events = byKey.get(record.key) ?? [];
      // Re-inserted, so the Map's insertion order is the order keys were last seen in.
      byKey.delete(record.key);
      byKey.set(record.key, [...events, record]);
      if (byKey.size > keys) byKey.delete(byKey.keys().next().value ?? '');
    },
    /** The latest records of one partition, oldest first. */
    latest: (topic: string, partition: number): readonly RecordSummary[] =>
      latest.get(partitionOf({ topic, partition })) ?? [],
    /** Every record of one key that the console still remembers, by topic, partition and offset. */
    withKey: (key: string): RecordSummary[] =>
      [...(byKey.get(key) ?? [])].sort(
        (a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || compareOffsets(a.offset, b.offset),
      ),
    /** The keys seen most recently, newest first. */
    recentKeys: (count: number): string[] => [...byKey.keys()].slice(-count).reverse(),
  };
}

export type RecordLog = ReturnType<typeof createRecordLog>;

const compareOffsets = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);
