import type { GroupView, MemberView, TopicView } from './console-view.ts';
import { lagOf, type PartitionLag } from './lag.ts';
import { nameMember, type InstanceStatus } from './member-names.ts';
import type { GroupObservation } from './rebalance-timeline.ts';

/** A group member as the admin API describes it, its assignment already decoded. */
export type DescribedMember = {
  readonly memberId: string;
  readonly clientId: string;
  readonly clientHost: string;
  /** Partitions by topic; empty while the member waits for an assignment. */
  readonly assignment: Readonly<Record<string, readonly number[]>>;
};

/** What the console read about one group in one refresh. */
export type GroupReading = {
  readonly groupId: string;
  readonly state: string;
  readonly members: readonly DescribedMember[];
  /** The topics the group reads, as the console was told. */
  readonly groupTopics: readonly string[];
  /** Committed offsets by topic and partition; undefined when they could not be read. */
  readonly committed: ReadonlyMap<string, ReadonlyMap<number, string>> | undefined;
};

/**
 * A group as the page shows it: each member named and its partitions with their lag, the
 * group's total lag, and the observation the rebalance timeline compares with the last one.
 * Pure: what Kafka answered in, the view out.
 */
export function groupView(
  reading: GroupReading,
  topics: readonly TopicView[],
  instances: readonly InstanceStatus[],
): { view: GroupView; observation: GroupObservation } {
  const { groupId, state, groupTopics, committed } = reading;
  const lag = (topic: string, partition: number): PartitionLag => {
    const offset = committed?.get(topic)?.get(partition);
    const log = topics.find((view) => view.name === topic)?.partitions.find((view) => view.partition === partition);
    // -1: Kafka's answer for "nothing committed".
    const known = offset === undefined || offset === '-1' ? undefined : offset;
    const logEnd = log?.logEnd ?? '0';
    return {
      topic,
      partition,
      committed: known,
      logEnd,
      lag: log?.logStart === undefined ? undefined : lagOf(known, log.logStart, logEnd),
    };
  };
  const members: MemberView[] = reading.members
    .map((member) => ({
      ...nameMember(groupId, member, instances),
      memberId: member.memberId,
      clientId: member.clientId,
      clientHost: member.clientHost,
      partitions: Object.entries(member.assignment).flatMap(([topic, partitions]) =>
        [...partitions].sort((a, b) => a - b).map((partition) => lag(topic, partition)),
      ),
      stuck:
        instances.find(
          (instance) => instance.member?.groupId === groupId && instance.member.memberId === member.memberId,
        )?.member?.stuck ?? [],
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const observation: GroupObservation = {
    groupId,
    state,
    members: members.map((member) => ({
      memberId: member.memberId,
      name: member.name,
      partitions: Object.fromEntries(
        groupTopics.map((topic) => [
          topic,
          member.partitions.filter((held) => held.topic === topic).map((held) => held.partition),
        ]),
      ),
    })),
  };
  const lags = members.flatMap((member) => member.partitions.map((held) => held.lag));
  return {
    view: {
      groupId,
      state,
      members,
      totalLag: lags.reduce<number>((sum, value) => sum + (value ?? 0), 0),
      uncommitted: lags.filter((value) => value === undefined).length,
      error: committed ? undefined : 'committed offsets could not be read',
    },
    observation,
  };
}
