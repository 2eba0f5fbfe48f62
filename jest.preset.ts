// Shared jest settings: every project's jest.config.ts names this file as its `preset`.
// Jest loads .ts config files with Node's own type stripping (Node >= 22.18).
import type { Config } from 'jest';

export default {
  testEnvironment: 'node',
  // Unit tests (*.spec.ts) live beside the code; integration tests (*.int.spec.ts) match too.
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // The integration tests share one Kafka cluster per run: one test file at a time.
  maxWorkers: 1,
  // No forceExit: jest waits, after the last test, until nothing keeps the process alive, and
  // every harness (startTestService, consumerTestBed) stops what it started. A run that hangs
  // after its last test has leaked a client: `--detectOpenHandles` names it.
  // After each file, the topics it made on the shared cluster are deleted.
  setupFilesAfterEnv: ['<rootDir>/../../libs/testing/src/jest/delete-test-topics.ts'],
  // The usual output, plus per-project counts that `npm test` sums into its last line.
  reporters: ['default', '<rootDir>/../../tools/local-kafka/src/test-summary-reporter.ts'],
  // The sources are ES modules (`import.meta`, top-level await are allowed), so jest runs
  // them as ESM. That needs `node --experimental-vm-modules`; nx.json passes it to the
  // inferred `test` target.
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        useESM: true,
        // Uses the project's tsconfig.json. With "isolatedModules" it only transpiles, file
        // by file (fast); type errors are the `typecheck` target's job. `./x.ts` specifiers
        // stay as written, and jest resolves the .ts file itself.
      },
    ],
  },
} satisfies Config;
