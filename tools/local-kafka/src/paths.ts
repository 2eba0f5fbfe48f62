import { resolve } from 'node:path';

/**
 * The repository root: this file lives in tools/local-kafka/src. The tool keeps its own copy of
 * @orderflow/kafka-cluster's REPO_ROOT because `npm test` and the CLI need it before
 * dependencies.ts has run `npm ci`, which is what links that library into node_modules.
 */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
