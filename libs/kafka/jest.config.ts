import type { Config } from 'jest';

export default {
  displayName: 'kafka',
  preset: '../../jest.preset.ts',
  // Set here, not in the preset, so Nx sees it and caches coverage as the target's output.
  coverageDirectory: 'coverage',
  // The integration suites run producers, consumer groups and broker restarts on a real cluster.
  testTimeout: 60_000,
  // One PostgreSQL server for the run's testDatabase() calls (embedded unless DATABASE_URL is set).
  globalSetup: '<rootDir>/../testing/src/database/global-setup.ts',
  globalTeardown: '<rootDir>/../testing/src/database/global-teardown.ts',
  // On 2026-12-05 jest sometimes stayed alive after outbox-relay.int.spec.ts had passed (2 runs
  // of 6, both with its "when Kafka is down" test; --detectOpenHandles named nothing): a
  // handle left by a client that was retrying through the outage, not yet found. Exit, so a
  // run never waits for ever; find it, then drop this line.
  forceExit: true,
} satisfies Config;
