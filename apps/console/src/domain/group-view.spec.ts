import type { TopicView } from './console-view.ts';
import { groupView, type GroupReading } from './group-view.ts';

const partition = (index: number, logStart: string, logEnd: string) => ({
  partition: index,
  leader: 1,
  replicas: [1, 2, 3],
  isr: [1, 2, 3],
  offline: [],
  logStart,
  logEnd,
  recordsPerSecond: undefined,
});
const topics: TopicView[] = [
  {
    name: 'orders',
    partitions: [partition(0, '0', '10'), partition(1, '0', '4'), partition(2, '0', '7')],
    error: undefined,
  },
];
const reading: GroupReading = {
  groupId: 'inventory-service',
  state: 'Stable',
  groupTopics: ['orders'],
  members: [
    { memberId: 'm-2', clientId: 'inventory-service-2', clientHost: '/127.0.0.1', assignment: { orders: [2] } },
    { memberId: 'm-1', clientId: 'inventory-service-1', clientHost: '/127.0.0.1', assignment: { orders: [1, 0] } },
  ],
  committed: new Map([
    [
      'orders',
      new Map([
        [0, '8'],
        [1, '-1'],
        [2, '7'],
      ]),
    ],
  ]),
};

describe('a consumer group as the console shows it', () => {
  it('names the members, lists their partitions in order with the lag, and sums what is known', () => {
    const { view } = groupView(reading, topics, []);
    expect(
      view.members.map(({ name, partitions }) => [name, partitions.map((held) => [held.partition, held.lag])]),
    ).toEqual([
      [
        'inventory-service#1',
        [
          [0, 2],
          [1, undefined],
        ],
      ],
      ['inventory-service#2', [[2, 0]]],
    ]);
    // Partition 1 has nothing committed: its lag is unknown, not 0, and not in the total.
    expect(view).toMatchObject({ totalLag: 2, uncommitted: 1, error: undefined });
  });

  it('gives the rebalance timeline each member by name with its partitions per topic', () => {
    const { observation } = groupView(reading, topics, []);
    expect(observation.members.map(({ name, partitions }) => [name, partitions])).toEqual([
      ['inventory-service#1', { orders: [0, 1] }],
      ['inventory-service#2', { orders: [2] }],
    ]);
  });

  it("shows the partitions a member's own /status reports stuck, and none for a member without one", () => {
    const stuck = {
      topic: 'orders',
      partition: 1,
      offset: '4',
      since: '2026-12-05T11:00:00.000Z',
      code: 'DATABASE_UNAVAILABLE',
      message: 'canceling statement due to statement timeout',
    };
    const instances = [
      {
        label: 'inventory-service#1',
        url: 'http://127.0.0.1:3010',
        member: { groupId: 'inventory-service', memberId: 'm-1', stuck: [stuck] },
        error: undefined,
      },
    ];
    const { view } = groupView(reading, topics, instances);
    expect(view.members.map(({ name, stuck: held }) => [name, held])).toEqual([
      ['inventory-service#1', [stuck]],
      ['inventory-service#2', []],
    ]);
  });

  it('says so when the committed offsets could not be read', () => {
    const { view } = groupView({ ...reading, committed: undefined }, topics, []);
    expect(view).toMatchObject({ uncommitted: 3, totalLag: 0, error: 'committed offsets could not be read' });
  });
});
