import type { Config } from 'jest';

export default {
  displayName: 'testing',
  preset: '../../jest.preset.ts',
  // Set here, not in the preset, so Nx sees it and caches coverage as the target's output.
  coverageDirectory: 'coverage',
  // The integration suites start consumer groups and stop brokers on a real cluster.
  testTimeout: 120_000,
  // One PostgreSQL server for the run's testDatabase() calls (embedded unless DATABASE_URL is set).
  globalSetup: '<rootDir>/src/database/global-setup.ts',
  globalTeardown: '<rootDir>/src/database/global-teardown.ts',
} satisfies Config;
