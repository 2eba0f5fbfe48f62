import type { Config } from 'jest';

export default {
  displayName: 'notification-service',
  preset: '../../jest.preset.ts',
  // Set here, not in the preset, so Nx sees it and caches coverage as the target's output.
  coverageDirectory: 'coverage',
  // The integration suites start the whole service on the real cluster and wait for rebalances.
  testTimeout: 120_000,
  // One PostgreSQL server for the run's testDatabase() calls (embedded unless DATABASE_URL is set).
  globalSetup: '<rootDir>/../../libs/testing/src/database/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/testing/src/database/global-teardown.ts',
} satisfies Config;
