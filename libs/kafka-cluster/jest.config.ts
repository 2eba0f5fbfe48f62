import type { Config } from 'jest';

export default {
  displayName: 'kafka-cluster',
  preset: '../../jest.preset.ts',
  // Set here, not in the preset, so Nx sees it and caches coverage as the target's output.
  coverageDirectory: 'coverage',
} satisfies Config;
