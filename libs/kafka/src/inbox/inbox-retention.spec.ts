import { inboxRetention } from './inbox-retention.ts';

const dayMs = 86_400_000;

describe('how long the inbox keeps its rows', () => {
  it('keeps them for the longest retention.ms + segment.ms of the topics read, as the cluster has them', () => {
    const rule = inboxRetention([
      { topic: 'orders', retentionMs: 7 * dayMs, segmentMs: 7 * dayMs },
      { topic: 'payments', retentionMs: 10 * dayMs, segmentMs: 1 * dayMs },
    ]);
    expect(rule).toMatchObject({ table: 'kafka_inbox', timestampColumn: 'processed_at', keepMs: 14 * dayMs });
  });

  it('keeps them for ever when a topic read keeps its records for ever', () => {
    expect(
      inboxRetention([
        { topic: 'orders', retentionMs: 7 * dayMs, segmentMs: 7 * dayMs },
        { topic: 'ledger', retentionMs: undefined, segmentMs: 7 * dayMs },
      ]),
    ).toBeUndefined();
  });
});
