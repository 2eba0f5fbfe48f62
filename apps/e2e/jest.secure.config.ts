import type { Config } from 'jest';
import e2e from './jest.config.ts';

// The secured-cluster suites (`*.secure.spec.ts`): they need the secured cluster (SASL/SCRAM
// over TLS, ACLs), so `npm test` runs them in a phase of their own, on the `test-secure`
// cluster it starts once for all of them (tools/local-kafka/src/run-tests.ts). The default
// config (jest.config.ts) leaves them out. By hand:
//   npm run kafka:up -- --profile test-secure
//   NODE_OPTIONS=--experimental-vm-modules npx jest -c apps/e2e/jest.secure.config.ts
export default {
  ...e2e,
  displayName: 'e2e (secured cluster)',
  testMatch: ['<rootDir>/src/**/*.secure.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
} satisfies Config;
