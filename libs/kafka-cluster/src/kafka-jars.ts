import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JAR_CACHE_ROOT, POM_FILE } from './paths.ts';
import { findMaven } from './prerequisites.ts';
import { LocalKafkaError } from './local-kafka-error.ts';

/** The one Kafka version of the project, read from the committed pom.xml. */
export function kafkaVersion(): string {
  const match = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(POM_FILE, 'utf8'));
  if (!match?.[1]) throw new Error(`No <kafka.version> in ${POM_FILE}`);
  return match[1];
}

export function jarDir(): string {
  return join(JAR_CACHE_ROOT, `kafka-${kafkaVersion()}`, 'libs');
}

/**
 * Makes sure the Kafka server and tools jars are in the cache and returns the Java classpath.
 * The first run asks Maven to copy them from Maven Central; a marker file written last means a
 * half-finished copy is never mistaken for a complete one.
 */
export function ensureKafkaJars(log: (line: string) => void = () => {}): string {
  const libs = jarDir();
  const marker = join(libs, '.complete');
  if (!existsSync(marker)) {
    const mvn = findMaven();
    log(`Fetching Apache Kafka ${kafkaVersion()} jars with Maven into ${libs} (first run only)...`);
    rmSync(libs, { recursive: true, force: true });
    const result = spawnSync(
      mvn,
      [
        '-q',
        '-B',
        '-f',
        POM_FILE,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${libs}`,
        '-DincludeScope=runtime',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (result.status !== 0) {
      throw new LocalKafkaError(
        `Maven could not fetch the Kafka jars:\n${(result.stdout + result.stderr).trim().split('\n').slice(-15).join('\n')}`,
        'Check that Maven Central is reachable (or that ~/.m2 already holds the artifacts), then run again.',
      );
    }
    writeFileSync(marker, `${kafkaVersion()}\n`);
  }
  return `${libs}/*`;
}
