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
} satisfies Config;
