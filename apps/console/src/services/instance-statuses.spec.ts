import { stuckPartitionsIn } from './instance-statuses.ts';

describe("the stuck partitions of an instance's /status", () => {
  it('keeps the well-formed entries as they are and leaves out anything else', () => {
    const stuck = {
      topic: 'orders',
      partition: 2,
      offset: '41',
      since: '2026-12-05T11:00:00.000Z',
      code: 'DATABASE_UNAVAILABLE',
      message: '<script>alert(1)</script>',
    };
    expect(stuckPartitionsIn([stuck, { ...stuck, partition: '2' }, null, 'orders[2]'])).toEqual([stuck]);
    expect(stuckPartitionsIn(undefined)).toEqual([]);
  });
});
