import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KafkaConfig } from 'kafkajs';
import { passwordOf, type ClusterSecrets } from './cluster-secrets.ts';

/**
 * How a kafkajs client logs in to the secured cluster as `user`: TLS that trusts the cluster's
 * CA (and checks the broker's name against its certificate), and SCRAM-SHA-512.
 */
export function kafkajsSecurity(secrets: ClusterSecrets, user: string): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  return {
    ssl: { ca: [readFileSync(secrets.caFile, 'utf8')] },
    sasl: { mechanism: 'scram-sha-512', username: user, password: passwordOf(secrets, user) },
  };
}

/** The variables a service reads to log in as `user` (libs/service's config). */
export function serviceSecurityEnvironment(secrets: ClusterSecrets, user: string): Record<string, string> {
  return {
    KAFKA_SASL_USERNAME: user,
    KAFKA_SASL_PASSWORD: passwordOf(secrets, user),
    KAFKA_SSL_CA_FILE: secrets.caFile,
  };
}

/** `<secrets>/<user>.properties`: the same login for Kafka's Java CLI tools (`--command-config`). */
export function clientPropertiesFile(secrets: ClusterSecrets, user: string): string {
  return join(secrets.dir, `${user}.properties`);
}

/** Writes a `.properties` file per user, for the CLI tools and the lab. */
export function writeClientProperties(secrets: ClusterSecrets): void {
  for (const user of Object.keys(secrets.passwords)) {
    const lines = [
      'security.protocol=SASL_SSL',
      'sasl.mechanism=SCRAM-SHA-512',
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${user}" password="${passwordOf(secrets, user)}";`,
      'ssl.truststore.type=PEM',
      `ssl.truststore.location=${secrets.caFile}`,
    ];
    writeFileSync(clientPropertiesFile(secrets, user), `${lines.join('\n')}\n`, { mode: 0o600 });
  }
}
