import type { RecordSummary } from './record-summary.ts';

export type RecordLogOptions = {
  /** Latest records kept per partition, for the event list. */
  readonly perPartition?: number;
  /** Keys (orders) whose events are kept for "follow an order" and the key filter; the oldest key is forgotten first. */
  readonly keys?: number;
  /** Records kept per key, the latest: an order's saga is a handful; a key that floods is cut off. */
  readonly perKey?: number;
};

export const recordLogDefaults = { perPartition: 20, keys: 5_000, perKey: 50 } satisfies Required<RecordLogOptions>;

/**
 * The records the console has seen, two ways: the latest few per partition (the event list),
 * and the latest records of each of the last N keys (an order's saga). Bounded every way, so
 * memory stays flat however long the console runs and whatever a producer sends. A record seen
 * twice (re-read after a rebalance of the console's own consumer) is kept once. Lists grow in
 * place: a busy topic adds hundreds of records a second.
 */
export function createRecordLog(options: RecordLogOptions = {}) {
  const { perPartition, keys, perKey } = { ...recordLogDefaults, ...options };
  const latest = new Map<string, RecordSummary[]>();
  const byKey = new Map<string, RecordSummary[]>();
  const partitionOf = (record: Pick<RecordSummary, 'topic' | 'partition'>) => `${record.topic}/${record.partition}`;

  return {
    add(record: RecordSummary): void {
      const partition = latest.get(partitionOf(record)) ?? [];
      if (partition.some((seen) => seen.offset === record.offset)) return;
      latest.set(partitionOf(record), partition);
      // Records mostly arrive in offset order; sort only when one does not.
      const last = partition.at(-1);
      partition.push(record);
      if (last && compareOffsets(last.offset, record.offset) > 0)
        partition.sort((a, b) => compareOffsets(a.offset, b.offset));
      if (partition.length > perPartition) partition.splice(0, partition.length - perPartition);

      if (record.key === null) return;
      const events = byKey.get(record.key) ?? [];
      if (events.some((seen) => sameRecord(seen, record))) return;
      // Re-inserted, so the Map's insertion order is the order keys were last seen in.
      byKey.delete(record.key);
      byKey.set(record.key, events);
      events.push(record);
      if (events.length > perKey) events.shift();
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

const sameRecord = (a: RecordSummary, b: RecordSummary) =>
  a.topic === b.topic && a.partition === b.partition && a.offset === b.offset;

const compareOffsets = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);
