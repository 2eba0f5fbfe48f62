import { join, resolve } from 'node:path';

/** The repository root: this file lives in libs/kafka-cluster/src. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** libs/kafka-cluster: holds the pom.xml that pins the Kafka version. */
export const LIB_ROOT = resolve(import.meta.dirname, '..');

export const POM_FILE = join(LIB_ROOT, 'pom.xml');

/** Downloaded jars (git-ignored). Maven's own ~/.m2 cache makes a refill offline and quick. */
export const JAR_CACHE_ROOT = process.env['ORDERFLOW_KAFKA_CACHE'] ?? join(REPO_ROOT, '.cache');

/** Runtime state of local clusters: data dirs, logs, configs, PIDs (git-ignored). */
export const CLUSTERS_ROOT = process.env['ORDERFLOW_KAFKA_HOME'] ?? join(REPO_ROOT, '.kafka-local');
