import { createRebalanceTimeline, type MemberView } from './rebalance-timeline.ts';

const member = (memberId: string, orders: number[]): MemberView => ({
  memberId,
  name: `inventory-service#${memberId}`,
  partitions: { orders },
});
const three = [member('1', [0, 1]), member('2', [2, 3]), member('3', [4, 5])];
const two = [member('1', [0, 1, 2]), member('2', [3, 4, 5])];

describe('the rebalance timeline, from successive looks at a group', () => {
  it('starts with the first look: that is no rebalance', () => {
    const timeline = createRebalanceTimeline();

    expect(timeline.observe({ groupId: 'inventory-service', state: 'Stable', members: three }, 1_000)).toBeUndefined();
    expect(timeline.entries()).toEqual([]);
  });

  it('records who left, and the assignment before and after, when a member leaves', () => {
    const timeline = createRebalanceTimeline();
    timeline.observe({ groupId: 'inventory-service', state: 'Stable', members: three }, 1_000);
    timeline.observe({ groupId: 'inventory-service', state: 'PreparingRebalance', members: [] }, 2_000);
    timeline.observe({ groupId: 'inventory-service', state: 'CompletingRebalance', members: two }, 3_000);
    const entry = timeline.observe({ groupId: 'inventory-service', state: 'Stable', members: two }, 4_000);

    expect(entry).toEqual({
      groupId: 'inventory-service',
      startedAt: 2_000,
      settledAt: 4_000,
      joined: [],
      left: ['inventory-service#3'],
      before: three,
      after: two,
    });
    expect(timeline.entries()).toEqual([entry]);
  });

  it('records who joined', () => {
    const timeline = createRebalanceTimeline();
    timeline.observe({ groupId: 'g', state: 'Stable', members: two }, 1_000);

    expect(timeline.observe({ groupId: 'g', state: 'Stable', members: three }, 2_000)).toMatchObject({
      joined: ['inventory-service#3'],
      left: [],
      startedAt: 2_000,
    });
  });

  it('sees a change of partitions between the same members as a rebalance too', () => {
    const timeline = createRebalanceTimeline();
    timeline.observe(
      { groupId: 'g', state: 'Stable', members: [member('1', [0, 1, 2]), member('2', [3, 4, 5])] },
      1_000,
    );

    expect(
      timeline.observe(
        { groupId: 'g', state: 'Stable', members: [member('1', [0, 1]), member('2', [2, 3, 4, 5])] },
        2_000,
      ),
    ).toMatchObject({ joined: [], left: [] });
  });

  it('ignores the order members and partitions are listed in', () => {
    const timeline = createRebalanceTimeline();
    timeline.observe({ groupId: 'g', state: 'Stable', members: three }, 1_000);

    expect(
      timeline.observe(
        { groupId: 'g', state: 'Stable', members: [member('3', [5, 4]), member('1', [1, 0]), member('2', [3, 2])] },
        2_000,
      ),
    ).toBeUndefined();
  });

  it('keeps each group apart, and only the newest entries', () => {
    const timeline = createRebalanceTimeline({ limit: 2 });
    for (const groupId of ['a', 'b']) timeline.observe({ groupId, state: 'Stable', members: three }, 0);
    timeline.observe({ groupId: 'a', state: 'Stable', members: two }, 1);
    timeline.observe({ groupId: 'b', state: 'Stable', members: two }, 2);
    timeline.observe({ groupId: 'a', state: 'Empty', members: [] }, 3);

    expect(timeline.entries().map((entry) => [entry.groupId, entry.settledAt])).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });

  it('tells which member held a partition at a given time', () => {
    const timeline = createRebalanceTimeline();
    timeline.observe({ groupId: 'g', state: 'Stable', members: three }, 1_000);
    timeline.observe({ groupId: 'g', state: 'Stable', members: two }, 5_000);

    expect(timeline.holderAt('g', 'orders', 2, 500)).toBe('inventory-service#2');
    expect(timeline.holderAt('g', 'orders', 2, 4_999)).toBe('inventory-service#2');
    expect(timeline.holderAt('g', 'orders', 2, 5_000)).toBe('inventory-service#1');
    expect(timeline.holderAt('other', 'orders', 2, 5_000)).toBeUndefined();
  });

  it('names the holder with the newest name the console has for the member', () => {
    const timeline = createRebalanceTimeline();
    timeline.observe(
      {
        groupId: 'g',
        state: 'Stable',
        members: [{ memberId: '1', name: 'inventory-service @ 127.0.0.1', partitions: { orders: [0] } }],
      },
      1_000,
    );
    timeline.observe(
      {
        groupId: 'g',
        state: 'Stable',
        members: [{ memberId: '1', name: 'inventory-service#1', partitions: { orders: [0] } }],
      },
      2_000,
    );

    expect(timeline.holderAt('g', 'orders', 0, 1_500)).toBe('inventory-service#1');
  });
});
