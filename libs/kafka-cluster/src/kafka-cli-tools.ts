import { spawnSync } from 'node:child_process';
import { ensureKafkaJars } from './kafka-jars.ts';
import { findJava } from './prerequisites.ts';

/**
 * Kafka's own command-line tools. A Kafka download has `bin/kafka-topics.sh` and friends;
 * the Maven jars carry no scripts, so this table names the Java class behind each one.
 */
export const KAFKA_CLI_TOOLS: Readonly<Record<string, string>> = Object.freeze({
  'kafka-topics': 'org.apache.kafka.tools.TopicCommand',
  'kafka-consumer-groups': 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
  'kafka-console-consumer': 'org.apache.kafka.tools.consumer.ConsoleConsumer',
  'kafka-console-producer': 'org.apache.kafka.tools.ConsoleProducer',
  'kafka-producer-perf-test': 'org.apache.kafka.tools.ProducerPerformance',
  'kafka-consumer-perf-test': 'org.apache.kafka.tools.ConsumerPerformance',
  'kafka-metadata-quorum': 'org.apache.kafka.tools.MetadataQuorumCommand',
  'kafka-get-offsets': 'org.apache.kafka.tools.GetOffsetShell',
  'kafka-configs': 'kafka.admin.ConfigCommand',
  'kafka-acls': 'org.apache.kafka.tools.AclCommand',
  'kafka-leader-election': 'org.apache.kafka.tools.LeaderElectionCommand',
  'kafka-reassign-partitions': 'org.apache.kafka.tools.reassign.ReassignPartitionsCommand',
  'kafka-delete-records': 'org.apache.kafka.tools.DeleteRecordsCommand',
  'kafka-log-dirs': 'org.apache.kafka.tools.LogDirsCommand',
  'kafka-broker-api-versions': 'org.apache.kafka.tools.BrokerApiVersionsCommand',
  'kafka-storage': 'kafka.tools.StorageTool',
});

/**
 * The tool's arguments with the cluster's address added when the caller left it out. Most
 * tools take `--bootstrap-server`; the producer perf test takes it as a producer property;
 * kafka-storage works on local files and takes none.
 */
export function withBootstrapServers(tool: string, args: string[], brokers: string[]): string[] {
  const servers = brokers.join(',');
  if (tool === 'kafka-storage') return args;
  if (args.some((arg) => arg.startsWith('--bootstrap-server') || arg.startsWith('bootstrap.servers='))) return args;
  if (tool === 'kafka-producer-perf-test') {
    const props = args.indexOf('--producer-props');
    return props < 0
      ? [...args, '--producer-props', `bootstrap.servers=${servers}`]
      : [...args.slice(0, props + 1), `bootstrap.servers=${servers}`, ...args.slice(props + 1)];
  }
  return ['--bootstrap-server', servers, ...args];
}

export interface KafkaToolResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one of Kafka's CLI tools against the given cluster, e.g.
 * `runKafkaTool('kafka-topics', ['--describe', '--topic', 'orders'], brokers)`.
 * With `inherit`, its output goes straight to this terminal (for the CLI wrapper).
 */
export function runKafkaTool(
  tool: string,
  args: string[],
  brokers: string[],
  options: { inherit?: boolean } = {},
): KafkaToolResult {
  const toolName = tool.startsWith('kafka-') ? tool : `kafka-${tool}`;
  const mainClass = KAFKA_CLI_TOOLS[toolName];
  if (!mainClass) {
    throw new Error(`Unknown Kafka tool "${tool}"; available: ${Object.keys(KAFKA_CLI_TOOLS).join(', ')}`);
  }
  const result = spawnSync(
    findJava(),
    [
      '-Xmx256m',
      '-Dlog4j2.level=WARN',
      '-cp',
      ensureKafkaJars(),
      mainClass,
      ...withBootstrapServers(toolName, args, brokers),
    ],
    { encoding: 'utf8', stdio: options.inherit ? 'inherit' : 'pipe' },
  );
  return { status: result.status ?? 1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}
