// Jest runs this before every test file (jest.preset.ts, setupFilesAfterEnv). All suites share
// one cluster, and each test makes topics with unique names: left there, a run's later suites
// would carry every earlier suite's partitions, and each broker restart in them would take
// longer (a broker recovers and hands over every partition it holds). So after a file's last
// test, the topics it made are deleted.
//
// The hook runs at the root of the file, after the file's own afterAll hooks (which restore
// any broker they stopped). A file that never used the cluster imports nothing here.
const fileStartedAt = Date.now();
const clusterUsedMark = Symbol.for('orderflow.testing.cluster-used');

afterAll(async () => {
  if (!(globalThis as Record<symbol, unknown>)[clusterUsedMark]) return;
  const { deleteTopicsMadeSince } = await import('../test-cluster.ts');
  await deleteTopicsMadeSince(fileStartedAt);
}, 60_000);
