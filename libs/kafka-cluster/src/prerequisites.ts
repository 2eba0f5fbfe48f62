import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { LocalKafkaError } from './local-kafka-error.ts';

/** Kafka 4.x brokers need Java 17 or newer. */
const MINIMUM_JAVA = 17;

/** The java binary to use: $JAVA_HOME/bin/java when JAVA_HOME is set, else `java` on PATH. */
export function findJava(env: NodeJS.ProcessEnv = process.env): string {
  const javaHome = env['JAVA_HOME'];
  const java = javaHome ? join(javaHome, 'bin', 'java') : 'java';
  const result = spawnSync(java, ['-version'], { encoding: 'utf8', env });
  if (result.error || result.status !== 0) {
    throw new LocalKafkaError(
      `Java was not found (tried "${java}").`,
      `Install a Java ${MINIMUM_JAVA}+ runtime (e.g. "apt-get install openjdk-17-jre-headless" or "brew install openjdk@17"), ` +
        'or set JAVA_HOME, or run the stack with Docker instead (docker compose up).',
    );
  }
  // `java -version` prints e.g. `openjdk version "17.0.15" 2025-04-15` (or "1.8.0_402") on stderr.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : NaN;
  if (!(major >= MINIMUM_JAVA)) {
    throw new LocalKafkaError(
      `Java ${MINIMUM_JAVA}+ is needed by Kafka 4.x, but "${java}" is ${match ? `Java ${major}` : 'of unknown version'}.`,
      `Install Java ${MINIMUM_JAVA} or newer and put it first on PATH, or point JAVA_HOME at it.`,
    );
  }
  return java;
}

/** Maven fetches the Kafka jars from Maven Central (once; later runs use the cache). */
export function findMaven(env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync('mvn', ['--version'], { encoding: 'utf8', env });
  if (result.error || result.status !== 0) {
    throw new LocalKafkaError(
      'Maven (mvn) was not found; it is needed once to fetch the Kafka jars from Maven Central.',
      'Install Apache Maven 3.6+ (e.g. "apt-get install maven" or "brew install maven") and run again.',
    );
  }
  return 'mvn';
}
