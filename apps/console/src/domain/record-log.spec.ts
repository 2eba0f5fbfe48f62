import { createRecordLog } from './record-log.ts';
import type { RecordSummary } from './record-summary.ts';

const record = (topic: string, partition: number, offset: number, key: string | null): RecordSummary => ({
  topic,
  partition,
  offset: String(offset),
  key,
  eventType: 'OrderPlacedEvent',
  size: 120,
  timestamp: 1_000 + offset,
  headers: {},
});

describe('the records the console remembers', () => {
  it('keeps the latest records of each partition, oldest first', () => {
    const log = createRecordLog({ perPartition: 2 });
    for (const offset of [3, 1, 2]) log.add(record('orders', 0, offset, 'a'));
    log.add(record('orders', 1, 9, 'b'));

    expect(log.latest('orders', 0).map((kept) => kept.offset)).toEqual(['2', '3']);
    expect(log.latest('orders', 1).map((kept) => kept.offset)).toEqual(['9']);
  });

  it('keeps a record it reads twice once', () => {
    const log = createRecordLog();
    log.add(record('orders', 0, 1, 'a'));
    log.add(record('orders', 0, 1, 'a'));

    expect(log.latest('orders', 0)).toHaveLength(1);
    expect(log.withKey('a')).toHaveLength(1);
  });

  it("gives a key's records across topics, each topic's in offset order", () => {
    const log = createRecordLog();
    log.add(record('orders', 4, 11, 'a'));
    log.add(record('inventory', 4, 7, 'a'));
    log.add(record('orders', 4, 10, 'a'));
    log.add(record('orders', 4, 12, 'b'));

    expect(log.withKey('a').map((kept) => `${kept.topic}/${kept.partition}@${kept.offset}`)).toEqual([
      'inventory/4@7',
      'orders/4@10',
      'orders/4@11',
    ]);
  });

  it('forgets the key seen longest ago first, and lists the newest keys first', () => {
    const log = createRecordLog({ keys: 2 });
    log.add(record('orders', 0, 1, 'a'));
    log.add(record('orders', 0, 2, 'b'));
    log.add(record('orders', 0, 3, 'a'));
    log.add(record('orders', 0, 4, 'c'));

    expect(log.withKey('b')).toEqual([]);
    expect(log.recentKeys(5)).toEqual(['c', 'a']);
  });

  it('keeps the latest records of a key that floods, and one re-read long after once', () => {
    const log = createRecordLog({ perPartition: 1, perKey: 3 });
    for (const offset of [1, 2, 3, 4, 5]) log.add(record('orders', 0, offset, 'hot'));
    // Re-read after a rebalance, long after it left the partition's short list.
    log.add(record('orders', 0, 4, 'hot'));
    log.add(record('inventory', 0, 9, 'hot'));

    expect(log.withKey('hot').map((kept) => `${kept.topic}@${kept.offset}`)).toEqual([
      'inventory@9',
      'orders@4',
      'orders@5',
    ]);
    expect(log.latest('orders', 0).map((kept) => kept.offset)).toEqual(['5']);
  });
});
