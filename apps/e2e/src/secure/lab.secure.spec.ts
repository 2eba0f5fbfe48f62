import { bootstrapServers, clusterLayout, type LocalKafkaCluster } from '@orderflow/kafka-cluster';
import { runDocument } from '../docs/run-document.ts';
import { securedCluster } from './secured-cluster.ts';

// Lab 5, pasted block by block into bash as a reader would (see docs/walkthroughs.int.spec.ts
// for the plaintext pages), on the run's secured cluster instead of the reader's dev-secure one.

const page = 'docs/labs/05-secured-cluster.md';
const portOf = (address: string) => Number(address.split(':').at(-1));

describe('lab 5 on the secured cluster', () => {
  let cluster: LocalKafkaCluster;
  beforeAll(async () => {
    cluster = await securedCluster();
  });

  it(`${page}: every command runs and shows what the page says`, async () => {
    const ports = new Map<number, number>();
    bootstrapServers(clusterLayout('dev-secure')).forEach((address, index) =>
      ports.set(portOf(address), portOf(cluster.brokers[index] ?? '')),
    );
    await runDocument(page, {
      ports,
      env: { ...process.env, KAFKA_BROKERS: cluster.brokers.join(','), KAFKA_PROFILE: cluster.layout.profile },
    });
  });
});
