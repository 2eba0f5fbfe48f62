import { errorMessage } from '@orderflow/events';
import { withTimeout } from '@orderflow/service';
import { AssignerProtocol, type Admin } from 'kafkajs';
import type { BrokerView, GroupView, PartitionView, QuorumView, TopicView } from '../domain/console-view.ts';
import { groupView } from '../domain/group-view.ts';
import type { InstanceStatus } from '../domain/member-names.ts';
import type { RebalanceTimeline } from '../domain/rebalance-timeline.ts';
import { recordsPerSecond, type OffsetSample } from '../domain/topic-rates.ts';
import { canConnect } from './broker-probe.ts';
import { describeQuorum } from './describe-quorum.ts';

export type ClusterReaderOptions = {
  /** The connected admin client (the reader only reads once the console has connected). */
  readonly admin: () => Admin;
  /** The bootstrap brokers: where DescribeQuorum is sent before the metadata names any. */
  readonly bootstrap: readonly string[];
  readonly clientId: string;
  readonly topics: readonly string[];
  /** Each group shown, with the topics it reads. */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  readonly timeline: RebalanceTimeline;
  /** The longest one read may take before the refresh goes on without it. */
  readonly timeoutMs: number;
};

/**
 * Reads the cluster through kafkajs's admin client (metadata, offsets, groups) and
 * DescribeQuorum, one refresh at a time. It remembers what it needs between refreshes: the
 * brokers it has seen (so a stopped one stays on the page, as down) and the last end offsets
 * (for records per second). A part that fails is reported in `problems`, never filled in.
 */
export function createClusterReader(options: ClusterReaderOptions) {
  const { admin, timeline, timeoutMs } = options;
  const addresses = new Map<number, string>();
  const lastEnds = new Map<string, OffsetSample>();
  const problems: string[] = [];
  const attempt = async <T>(what: string, read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await withTimeout(read(), timeoutMs, () => new Error(`${what}: no answer within ${timeoutMs} ms`));
    } catch (error) {
      problems.push(`${what}: ${errorMessage(error)}`);
      return undefined;
    }
  };

  async function readBrokers(quorum: QuorumView): Promise<{ clusterId: string | undefined; brokers: BrokerView[] }> {
    const cluster = await attempt('cluster metadata', () => admin().describeCluster());
    for (const broker of cluster?.brokers ?? []) addresses.set(broker.nodeId, `${broker.host}:${broker.port}`);
    const registered = new Set(cluster?.brokers.map((broker) => broker.nodeId));
    // Every node the console has heard of: registered brokers and the quorum's voters.
    const ids = new Set([...addresses.keys(), ...(quorum.known ? quorum.voters.map((voter) => voter.replicaId) : [])]);
    const brokers = await Promise.all(
      [...ids]
        .sort((a, b) => a - b)
        .map(async (nodeId): Promise<BrokerView> => {
          const address = addresses.get(nodeId);
          const reachable = address === undefined ? false : await canConnect(address, Math.min(timeoutMs, 1_000));
          const isRegistered = cluster === undefined ? false : registered.has(nodeId);
          return { nodeId, address, registered: isRegistered, reachable, up: isRegistered && reachable };
        }),
    );
    return { clusterId: cluster?.clusterId, brokers };
  }

  async function readQuorum(now: number): Promise<QuorumView> {
    // Any live broker answers (it forwards the request to the active controller).
    const candidates = [...new Set([...addresses.values(), ...options.bootstrap])];
    let lastError = 'no broker address known';
    for (const broker of candidates) {
      try {
        const quorum = await describeQuorum(broker, {
          clientId: options.clientId,
          timeoutMs: Math.min(timeoutMs, 1_500),
        });
        const view = (replica: (typeof quorum.voters)[number]) => ({
          replicaId: replica.replicaId,
          logEndOffset: replica.logEndOffset,
          behind: Math.max(0, Number(BigInt(quorum.highWatermark) - BigInt(replica.logEndOffset))),
          lastFetchMsAgo:
            replica.lastFetchTimestamp === undefined ? undefined : Math.max(0, now - replica.lastFetchTimestamp),
        });
        return {
          known: true,
          leaderId: quorum.leaderId,
          leaderEpoch: quorum.leaderEpoch,
          highWatermark: quorum.highWatermark,
          voters: quorum.voters.map(view),
          observers: quorum.observers.map(view),
        };
      } catch (error) {
        lastError = `${broker}: ${errorMessage(error)}`;
      }
    }
    problems.push(`KRaft quorum (DescribeQuorum): ${lastError}`);
    return { known: false, error: lastError };
  }

  async function readTopics(now: number): Promise<TopicView[]> {
    const existing = new Set((await attempt('topic list', () => admin().listTopics())) ?? []);
    const present = options.topics.filter((topic) => existing.has(topic));
    const metadata =
      present.length === 0
        ? undefined
        : await attempt('topic metadata', () => admin().fetchTopicMetadata({ topics: present }));
    return Promise.all(
      options.topics.map(async (name): Promise<TopicView> => {
        if (!existing.has(name))
          return {
            name,
            partitions: [],
            error: existing.size === 0 ? 'unknown: the topic list could not be read' : 'not created yet',
          };
        const offsets = await attempt(`offsets of ${name}`, () => admin().fetchTopicOffsets(name));
        const partitions = (metadata?.topics.find((topic) => topic.name === name)?.partitions ?? [])
          .map((partition): PartitionView => {
            const offset = offsets?.find((candidate) => candidate.partition === partition.partitionId);
            const key = `${name}/${partition.partitionId}`;
            const sample = offset ? { logEnd: offset.high, at: now } : undefined;
            const rate = sample ? recordsPerSecond(lastEnds.get(key), sample) : undefined;
            if (sample) lastEnds.set(key, sample);
            return {
              partition: partition.partitionId,
              leader: partition.leader,
              replicas: [...partition.replicas].sort((a, b) => a - b),
              isr: [...partition.isr].sort((a, b) => a - b),
              offline: [...(partition.offlineReplicas ?? [])].sort((a, b) => a - b),
              logStart: offset?.low,
              logEnd: offset?.high,
              recordsPerSecond: rate,
            };
          })
          .sort((a, b) => a.partition - b.partition);
        return { name, partitions, error: metadata ? undefined : 'metadata could not be read' };
      }),
    );
  }

  async function readGroups(
    topics: readonly TopicView[],
    instances: readonly InstanceStatus[],
    now: number,
  ): Promise<GroupView[]> {
    const groupIds = [...options.groups.keys()];
    const described = await attempt('consumer groups', () => admin().describeGroups(groupIds));
    return Promise.all(
      groupIds.map(async (groupId): Promise<GroupView> => {
        const group = described?.groups.find((candidate) => candidate.groupId === groupId);
        if (!group)
          return {
            groupId,
            state: 'unknown',
            members: [],
            totalLag: 0,
            uncommitted: 0,
            error: 'could not be described',
          };
        const groupTopics = options.groups.get(groupId) ?? [];
        // Only topics that exist: asking for a missing one fails the whole request.
        const readable = groupTopics.filter((topic) =>
          topics.some((view) => view.name === topic && view.error === undefined),
        );
        const committed =
          readable.length === 0
            ? []
            : await attempt(`committed offsets of ${groupId}`, () =>
                admin().fetchOffsets({ groupId, topics: readable }),
              );
        const { view, observation } = groupView(
          {
            groupId,
            state: group.state,
            groupTopics,
            committed:
              committed &&
              new Map(
                committed.map(({ topic, partitions }) => [
                  topic,
                  new Map(partitions.map(({ partition, offset }) => [partition, offset])),
                ]),
              ),
            members: group.members.map((member) => ({
              memberId: member.memberId,
              clientId: member.clientId,
              clientHost: member.clientHost,
              assignment:
                member.memberAssignment.length > 0
                  ? (AssignerProtocol.MemberAssignment.decode(member.memberAssignment)?.assignment ?? {})
                  : {},
            })),
          },
          topics,
          instances,
        );
        timeline.observe(observation, now);
        return view;
      }),
    );
  }

  return {
    /** One refresh: every part the console shows that comes from Kafka. */
    async read(instances: readonly InstanceStatus[], now = Date.now()) {
      problems.length = 0;
      const quorum = await readQuorum(now);
      const [{ clusterId, brokers }, topics] = await Promise.all([readBrokers(quorum), readTopics(now)]);
      const groups = await readGroups(topics, instances, now);
      return { clusterId, brokers, quorum, topics, groups, problems: [...problems] };
    },
  };
}

export type ClusterReader = ReturnType<typeof createClusterReader>;
