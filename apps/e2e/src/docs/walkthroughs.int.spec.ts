import { bootstrapServers, clusterLayout, testProfile } from '@orderflow/local-kafka';
import { planStack } from '@orderflow/dev-stack';
import { restoreTestCluster, testCluster, testClusterFaults, type ClusterFaults } from '@orderflow/testing';
import { startRunningStack, type RunningStack } from '../spec-helpers/running-stack.ts';
import { runDocument, type DocumentContext } from './run-document.ts';

// The README's walkthrough and every lab, pasted block by block into bash as a reader would,
// on one running stack: services as processes on free ports, the test cluster's brokers. The
// pages name the dev ports (3000, 19092, ...); runDocument moves them to the test's. What a
// page says the reader should see is checked by the `<!-- expect: ... -->` comments after its
// blocks, so a page that drifts from the code fails here.

const shape = { inventory: 3, notification: 1 };
const pages = [
  'README.md',
  'docs/labs/01-ordering-by-key.md',
  'docs/labs/02-partitions-and-consumer-scaling.md',
  'docs/labs/03-replication-and-broker-failure.md',
  'docs/labs/04-payload-formats-and-size-limit.md',
];

const portOf = (address: string) => Number(address.split(':').at(-1));

describe('the README walkthrough and the labs, run on a running stack', () => {
  let cluster: ClusterFaults;
  let stack: RunningStack;
  let context: DocumentContext;

  beforeAll(async () => {
    // Lab 3 stops brokers, so this needs the local cluster; it starts with every replica in sync.
    cluster = await testClusterFaults();
    await restoreTestCluster(cluster);
    stack = await startRunningStack(shape);
    const { brokers } = await testCluster();
    const ports = new Map<number, number>();
    for (const { label, port } of planStack(shape)) ports.set(port, stack.stack.process(label).spec.port);
    bootstrapServers(clusterLayout('dev')).forEach((address, index) => ports.set(portOf(address), portOf(brokers[index] ?? '')));
    context = { ports, env: { ...process.env, KAFKA_BROKERS: brokers.join(','), KAFKA_PROFILE: testProfile() } };
  });
  afterAll(async () => {
    await stack?.stack.stop();
    if (cluster) await restoreTestCluster(cluster);
  });

  // Every page starts on the whole stack and cluster: lab 2 kills instances, lab 3 stops brokers.
  beforeEach(async () => {
    for (const { label } of planStack(shape)) {
      const latest = stack.stack.process(label);
      if (!latest.running()) await stack.stack.startProcess(latest.spec);
    }
  });
  afterEach(() => restoreTestCluster(cluster));

  it.each(pages)('%s: every command runs and shows what the page says', (page) => runDocument(page, context));
});
