import type { Config } from 'jest';

export default {
  displayName: 'k8s-manifests',
  preset: '../../jest.preset.ts',
  // Set here, not in the preset, so Nx sees it and caches coverage as the target's output.
  coverageDirectory: 'coverage',
} satisfies Config;
