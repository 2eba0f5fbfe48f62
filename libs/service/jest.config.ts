import type { Config } from 'jest';

export default {
  displayName: 'service',
  preset: '../../jest.preset.ts',
  // Set here, not in the preset, so Nx sees it and caches coverage as the target's output.
  coverageDirectory: 'coverage',
  // One PostgreSQL server for the run's *.int.spec.ts (embedded unless DATABASE_URL is set).
  // A file path, not an import: libs/testing depends on this library, not the other way round.
  globalSetup: '<rootDir>/../testing/src/database/global-setup.ts',
  globalTeardown: '<rootDir>/../testing/src/database/global-teardown.ts',
} satisfies Config;
