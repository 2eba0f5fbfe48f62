import { chmodSync, chownSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  adminScramCredential,
  ensureClusterSecrets,
  passwordOf,
  secretsPaths,
  toPropertiesFile,
  writeClientProperties,
  type BrokerHosts,
} from '@orderflow/kafka-cluster';
import { composeBrokerSecurityProperties } from './compose-broker-security.ts';
import { grantAccessScript } from './grant-access-script.ts';

export type ComposeSecretsOptions = {
  /** The secrets volume, e.g. /secrets. */
  readonly dir: string;
  /** The names and addresses clients reach the brokers by: the certificate's SANs. */
  readonly hosts: BrokerHosts;
  /**
   * The uid (and gid) that gets the files: the brokers (`appuser`) and the Node.js services
   * (`node`) both run as uid 1000, and each file is readable by its owner only (0600).
   */
  readonly owner?: number;
};

/**
 * Everything the secured compose variant (docker-compose.secure.yml) reads from its secrets
 * volume, made by its one-shot `kafka-secrets` service. The CA, the brokers' key and the
 * passwords are made on the first start only and kept after; the rest is derived from them
 * and written again every time:
 *
 *   ca.pem, broker-keystore.pem, passwords.json   ensureClusterSecrets (as the local cluster)
 *   <user>.properties                             Kafka's CLI tools: --command-config
 *   <user>.password                               the services' KAFKA_SASL_PASSWORD (kafka-login.sh)
 *   broker-security.properties                    the brokers' SASL/TLS/ACL settings (start-broker.sh)
 *   admin-scram-credential                        kafka-storage format --add-scram (start-broker.sh)
 *   grant-access.sh                               SCRAM users and ACLs (the kafka-access service)
 */
export async function writeComposeSecrets({
  dir,
  hosts,
  owner,
}: ComposeSecretsOptions): Promise<{ newCertificates: boolean }> {
  const newCertificates = !existsSync(secretsPaths(dir).caFile);
  const secrets = await ensureClusterSecrets(dir, hosts);
  writeClientProperties(secrets);
  for (const user of Object.keys(secrets.passwords))
    writeSecret(join(dir, `${user}.password`), passwordOf(secrets, user));
  writeSecret(join(dir, 'broker-security.properties'), toPropertiesFile(composeBrokerSecurityProperties(secrets)));
  writeSecret(join(dir, 'admin-scram-credential'), adminScramCredential(secrets));
  writeSecret(join(dir, 'grant-access.sh'), grantAccessScript(secrets));
  if (owner !== undefined) handOver(dir, owner);
  return { newCertificates };
}

function writeSecret(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600); // also when the file was there before, with other bits
}

/**
 * Gives the folder and its files to the containers' user. The job runs as root for this one
 * step: a new volume's folder belongs to root, and only root may give a file away.
 */
function handOver(dir: string, owner: number): void {
  chownSync(dir, owner, owner);
  chmodSync(dir, 0o700);
  for (const file of readdirSync(dir)) chownSync(join(dir, file), owner, owner);
}
