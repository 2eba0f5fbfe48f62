import { relative } from 'node:path';
import { bootstrapServers, clusterLayout, REPO_ROOT, testProfile } from '@orderflow/kafka-cluster';
import { planStack } from '@orderflow/dev-stack';
import { restoreTestCluster, testCluster, testClusterFaults, type ClusterFaults } from '@orderflow/testing';
import { startRunningStack, type RunningStack } from '../spec-helpers/running-stack.ts';
import { docPages } from './doc-pages.ts';
import { runDocument, type DocumentContext } from './run-document.ts';
import { runHttpFile } from './run-http-file.ts';

// Every page a reader gets (the README, the chapters, the labs), pasted block by block into
// bash as a reader would, and docs/requests.http sent request by request, on one running
// stack: services as processes on free ports, the test cluster's brokers. The pages name the
// dev ports (3000, 19092, ...) and the dev cluster's folder; runDocument moves them to the
// test's. What a page says the reader should see is checked by the `<!-- expect: ... -->`
// comments after its blocks (and `# expect:` in the .http file), so a page that drifts from
// the code fails here. A page with no bash block passes at once.

const shape = { inventory: 3, notification: 1 };
// Lab 5 needs the secured cluster: the secured phase of npm test runs it (secure/lab.secure.spec.ts).
const pages = docPages.filter((page) => page !== 'docs/labs/05-secured-cluster.md');

const portOf = (address: string) => Number(address.split(':').at(-1));

describe("the reader's pages and docs/requests.http, run on a running stack", () => {
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
    bootstrapServers(clusterLayout('dev')).forEach((address, index) =>
      ports.set(portOf(address), portOf(brokers[index] ?? '')),
    );
    const folders = new Map([['.kafka-local/dev/', `${relative(REPO_ROOT, clusterLayout(testProfile()).dir)}/`]]);
    context = {
      ports,
      folders,
      env: { ...process.env, KAFKA_BROKERS: brokers.join(','), KAFKA_PROFILE: testProfile() },
    };
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

  // First, on the fresh stack: its requests place orders with fixed idempotency keys.
  it('docs/requests.http: every request answers what the file says', () =>
    runHttpFile('docs/requests.http', context.ports));

  it.each(pages)('%s: every command runs and shows what the page says', (page) => runDocument(page, context));
});
