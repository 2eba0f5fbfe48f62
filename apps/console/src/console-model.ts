import { headerNames } from '@orderflow/events';
import { causalOrder, type SagaStep } from './domain/causal-order.ts';
import type { ConsoleView } from './domain/console-view.ts';
import type { RebalanceTimeline } from './domain/rebalance-timeline.ts';
import type { RecordLog } from './domain/record-log.ts';
import type { RecordSummary } from './domain/record-summary.ts';
import type { ClusterReader } from './kafka/cluster-reader.ts';
import { readInstanceStatuses, type ServiceInstance } from './services/instance-statuses.ts';

export type SagaView = {
  readonly orderId: string;
  readonly steps: readonly (SagaStep & {
    readonly readBy: readonly { readonly groupId: string; readonly member: string | undefined }[];
  })[];
};

export type ConsoleModelOptions = {
  readonly reader: ClusterReader;
  readonly log: RecordLog;
  readonly timeline: RebalanceTimeline;
  readonly instances: readonly ServiceInstance[];
  /** Each group shown, with the topics it reads. */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  /** Records per partition the page lists. */
  readonly recordsShown: number;
  readonly statusTimeoutMs: number;
};

/** Everything the page shows, put together from Kafka, the services' /status and the records seen. */
export function createConsoleModel(options: ConsoleModelOptions) {
  const { reader, log, timeline } = options;
  let current: ConsoleView | undefined;

  return {
    async refresh(now = Date.now()): Promise<ConsoleView> {
      const instances = await readInstanceStatuses(options.instances, options.statusTimeoutMs);
      const cluster = await reader.read(instances, now);
      const records = cluster.topics.map((topic) => ({
        topic: topic.name,
        partitions: topic.partitions.map(({ partition }) => ({
          partition,
          records: log.latest(topic.name, partition).slice(-options.recordsShown),
        })),
      }));
      current = {
        at: now,
        ...cluster,
        timeline: timeline.entries(),
        records,
        recentOrders: log.recentKeys(10),
        instances,
      };
      return current;
    },
    current: () => current,
    withKey: (key: string): RecordSummary[] => log.withKey(key),
    /** An order's events on every topic, in causal order, each with the member that held its partition in each reading group. */
    saga(orderId: string): SagaView {
      const steps = causalOrder(log.withKey(orderId), headerNames).map((step) => ({
        ...step,
        readBy: [...options.groups]
          .filter(([, topics]) => topics.includes(step.topic))
          .map(([groupId]) => ({
            groupId,
            member: timeline.holderAt(groupId, step.topic, step.partition, step.timestamp),
          })),
      }));
      return { orderId, steps };
    },
  };
}

export type ConsoleModel = ReturnType<typeof createConsoleModel>;
