import type { PartitionLag } from './lag.ts';
import type { InstanceStatus, MemberName, StuckPartitionSeen } from './member-names.ts';
import type { RebalanceEntry } from './rebalance-timeline.ts';
import type { RecordSummary } from './record-summary.ts';

// What the console pushes to the page once per refresh: everything the page shows, as data.

export type BrokerView = {
  readonly nodeId: number;
  /** Where the broker is reached, as the cluster metadata last said. */
  readonly address: string | undefined;
  /** In the cluster metadata now: registered with the controller and not fenced. */
  readonly registered: boolean;
  /** Its port accepted a TCP connection in this refresh. */
  readonly reachable: boolean;
  readonly up: boolean;
};

export type VoterView = {
  readonly replicaId: number;
  readonly logEndOffset: string;
  /** Metadata records the voter is behind the quorum's high watermark. */
  readonly behind: number;
  /** How long ago it last fetched from the leader, by the leader's clock; undefined for the leader, or unknown. */
  readonly lastFetchMsAgo: number | undefined;
};

/** The KRaft quorum, from DescribeQuorum; or why it could not be read (never a guess). */
export type QuorumView =
  | {
      readonly known: true;
      readonly leaderId: number;
      readonly leaderEpoch: number;
      readonly highWatermark: string;
      readonly voters: readonly VoterView[];
      readonly observers: readonly VoterView[];
    }
  | { readonly known: false; readonly error: string };

export type PartitionView = {
  readonly partition: number;
  /** -1 while the partition has no leader (offline). */
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly offline: readonly number[];
  readonly logStart: string | undefined;
  readonly logEnd: string | undefined;
  readonly recordsPerSecond: number | undefined;
};

export type TopicView = {
  readonly name: string;
  readonly partitions: readonly PartitionView[];
  readonly error: string | undefined;
};

export type MemberView = MemberName & {
  readonly memberId: string;
  readonly clientId: string;
  readonly clientHost: string;
  readonly partitions: readonly PartitionLag[];
  /** What the member's own /status reports stuck (empty when it does not say, or nothing is). */
  readonly stuck: readonly StuckPartitionSeen[];
};

export type GroupView = {
  readonly groupId: string;
  readonly state: string;
  readonly members: readonly MemberView[];
  /** The lag summed over the partitions with a committed offset. */
  readonly totalLag: number;
  /** Partitions held on which the group has committed nothing yet: their lag is unknown, not 0. */
  readonly uncommitted: number;
  readonly error: string | undefined;
};

export type TopicRecords = {
  readonly topic: string;
  readonly partitions: readonly { readonly partition: number; readonly records: readonly RecordSummary[] }[];
};

export type ConsoleView = {
  readonly at: number;
  readonly clusterId: string | undefined;
  readonly brokers: readonly BrokerView[];
  readonly quorum: QuorumView;
  readonly topics: readonly TopicView[];
  readonly groups: readonly GroupView[];
  readonly timeline: readonly RebalanceEntry[];
  readonly records: readonly TopicRecords[];
  readonly recentOrders: readonly string[];
  readonly instances: readonly InstanceStatus[];
  /** What could not be read in this refresh, said plainly; the page shows it. */
  readonly problems: readonly string[];
};
