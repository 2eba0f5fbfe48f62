/** Partitions by topic, as one member of a group holds them. */
export type Partitions = Readonly<Record<string, readonly number[]>>;

/** One member of a group as the console names it: the instance it is, not a bare member id. */
export type MemberView = { readonly memberId: string; readonly name: string; readonly partitions: Partitions };

/** A group as one poll saw it. */
export type GroupObservation = {
  readonly groupId: string;
  readonly state: string;
  readonly members: readonly MemberView[];
};

export type RebalanceEntry = {
  readonly groupId: string;
  /** When the console first saw the group rebalancing (or the change, if it settled between two polls). */
  readonly startedAt: number;
  /** When the new assignment was in place: the group stable (or empty) again. */
  readonly settledAt: number;
  readonly joined: readonly string[];
  readonly left: readonly string[];
  readonly before: readonly MemberView[];
  readonly after: readonly MemberView[];
};

export type RebalanceTimelineOptions = {
  /** Entries kept, newest first; older ones drop off. */
  readonly limit?: number;
};

const defaults = { limit: 50 } satisfies Required<RebalanceTimelineOptions>;

/**
 * A group only has a meaningful assignment when it is not in the middle of a rebalance: while
 * it is PreparingRebalance or CompletingRebalance, members report empty or outdated shares.
 */
const settledStates = new Set(['Stable', 'Empty', 'Dead']);

/**
 * The rebalance timeline, built from successive observations of each group (the console polls
 * DescribeGroups; Kafka keeps no history of assignments). Each settled observation is compared
 * with the last settled one; a change of members or of who holds which partition is one entry:
 * who joined, who left, the assignment before and after.
 */
export function createRebalanceTimeline(options: RebalanceTimelineOptions = {}) {
  const { limit } = { ...defaults, ...options };
  const lastSettled = new Map<string, GroupObservation>();
  // Settled assignments per group, oldest first, for "who held this partition at time t".
  const history = new Map<string, { readonly at: number; readonly members: readonly MemberView[] }[]>();
  const unsettledSince = new Map<string, number>();
  const entries: RebalanceEntry[] = [];

  return {
    /** Takes one observation; returns the new timeline entry, if this observation completes one. */
    observe(observation: GroupObservation, at: number): RebalanceEntry | undefined {
      const { groupId } = observation;
      if (!settledStates.has(observation.state)) {
        if (!unsettledSince.has(groupId)) unsettledSince.set(groupId, at);
        return undefined;
      }
      const before = lastSettled.get(groupId);
      lastSettled.set(groupId, observation);
      const settled = history.get(groupId) ?? [];
      if (!before || !sameAssignment(before.members, observation.members)) {
        history.set(groupId, [...settled, { at, members: observation.members }].slice(-limit));
      } else if (settled.length > 0) {
        // Same assignment, perhaps better names (an instance's /status answered since): keep those.
        settled[settled.length - 1] = { at: settled.at(-1)?.at ?? at, members: observation.members };
      }
      const startedAt = unsettledSince.get(groupId) ?? at;
      unsettledSince.delete(groupId);
      // The first look at a group is where the timeline starts, not a rebalance.
      if (!before || sameAssignment(before.members, observation.members)) return undefined;
      const beforeIds = new Set(before.members.map((member) => member.memberId));
      const afterIds = new Set(observation.members.map((member) => member.memberId));
      const entry: RebalanceEntry = {
        groupId,
        startedAt,
        settledAt: at,
        joined: observation.members.filter((member) => !beforeIds.has(member.memberId)).map((member) => member.name),
        left: before.members.filter((member) => !afterIds.has(member.memberId)).map((member) => member.name),
        before: before.members,
        after: observation.members,
      };
      entries.unshift(entry);
      entries.splice(limit);
      return entry;
    },
    /** Newest first. */
    entries: (): readonly RebalanceEntry[] => entries,
    /**
     * Which member held a partition at a time, as far as the console saw: the last settled
     * assignment from before that time (or the first one seen, for a time before the console
     * started). An approximation near a rebalance: a record is read a little after it is written.
     */
    holderAt(groupId: string, topic: string, partition: number, at: number): string | undefined {
      const settled = history.get(groupId) ?? [];
      const then = settled.findLast((entry) => entry.at <= at) ?? settled[0];
      return then?.members.find((member) => member.partitions[topic]?.includes(partition))?.name;
    },
  };
}

export type RebalanceTimeline = ReturnType<typeof createRebalanceTimeline>;

function sameAssignment(a: readonly MemberView[], b: readonly MemberView[]): boolean {
  return canonical(a) === canonical(b);
}

/** Members and their partitions in one fixed order, as a string to compare. */
function canonical(members: readonly MemberView[]): string {
  return JSON.stringify(
    [...members]
      .sort((x, y) => x.memberId.localeCompare(y.memberId))
      .map((member) => [
        member.memberId,
        Object.entries(member.partitions)
          .filter(([, partitions]) => partitions.length > 0)
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([topic, partitions]) => [topic, [...partitions].sort((x, y) => x - y)]),
      ]),
  );
}
