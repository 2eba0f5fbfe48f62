import { LocalKafkaCluster } from '@orderflow/kafka-cluster';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';

/**
 * The secured cluster of this run: `npm test` starts `test-secure` once for every
 * `*.secure.spec.ts` (and names it in ORDERFLOW_KAFKA_PROFILE); run by hand, up() starts it.
 */
export async function securedCluster(): Promise<LocalKafkaCluster> {
  const cluster = new LocalKafkaCluster({ profile: process.env['ORDERFLOW_KAFKA_PROFILE'] || 'test-secure' });
  if (!cluster.secure) throw new Error(`the secured suites need a -secure profile, not "${cluster.layout.profile}"`);
  await cluster.up();
  // libs/testing's testCluster() (the running stack, broker faults) then finds this cluster.
  process.env['KAFKA_BROKERS'] ||= cluster.brokers.join(',');
  process.env['ORDERFLOW_KAFKA_PROFILE'] ||= cluster.layout.profile;
  return cluster;
}

/** A kafkajs client that logs in as `user`; quiet, and quick to give up (refusals are the point). */
export function kafkaAs(cluster: LocalKafkaCluster, user: string, config: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    ...cluster.clientSecurity(user),
    clientId: `secure-spec-${user}`,
    brokers: cluster.brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 500 },
    ...config,
  });
}
