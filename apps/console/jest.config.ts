import type { Config } from 'jest';

export default {
  displayName: 'console',
  preset: '../../jest.preset.ts',
  // Set here, not in the preset, so Nx sees it and caches coverage as the target's output.
  coverageDirectory: 'coverage',
  // The integration suite reads the real cluster: a consumer group join takes a few seconds.
  testTimeout: 60_000,
} satisfies Config;
