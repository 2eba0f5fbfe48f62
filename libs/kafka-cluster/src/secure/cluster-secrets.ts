import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accessPlan, adminPrincipal } from '@orderflow/events';
import { makeClusterCertificates, type BrokerHosts } from './certificates.ts';

/**
 * What a secured cluster's owner keeps: the CA and the brokers' key, and a password per user.
 * Made on the first start, in the cluster's own git-ignored directory, never in the repository;
 * readable by this machine's user only.
 */
export type ClusterSecrets = {
  readonly dir: string;
  /** The CA certificate (PEM): the trust anchor of every client. */
  readonly caFile: string;
  /** Key and certificate chain (PEM) of the brokers. */
  readonly keystoreFile: string;
  /** The admin's and every principal's password. */
  readonly passwords: Readonly<Record<string, string>>;
};

/** The users of a secured cluster: the admin, then one per principal of the access plan. */
export function clusterUsers(): string[] {
  return [adminPrincipal, ...accessPlan().map((access) => access.principal)];
}

/**
 * 24 random bytes as base64url: ASCII only, since kafkajs does no SASLprep (RFC 4013) of a
 * password, and Java does; both agree only on plain ASCII.
 */
export function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

export function secretsPaths(dir: string) {
  return {
    caFile: join(dir, 'ca.pem'),
    keystoreFile: join(dir, 'broker-keystore.pem'),
    passwordsFile: join(dir, 'passwords.json'),
  };
}

/** The secrets in `dir`, made there first when missing (a user added later gets a password then). */
export async function ensureClusterSecrets(dir: string, hosts: BrokerHosts): Promise<ClusterSecrets> {
  const paths = secretsPaths(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(paths.caFile) || !existsSync(paths.keystoreFile)) {
    const certificates = await makeClusterCertificates(hosts);
    writeSecret(paths.caFile, certificates.caCertificate);
    writeSecret(paths.keystoreFile, certificates.brokerKeystore);
  }
  const known = existsSync(paths.passwordsFile)
    ? (JSON.parse(readFileSync(paths.passwordsFile, 'utf8')) as Record<string, string>)
    : {};
  const passwords = Object.fromEntries(clusterUsers().map((user) => [user, known[user] ?? newPassword()]));
  writeSecret(paths.passwordsFile, `${JSON.stringify(passwords, null, 2)}\n`);
  return { dir, caFile: paths.caFile, keystoreFile: paths.keystoreFile, passwords };
}

/** The secrets a secured cluster was started with; a clear error when it never was. */
export function readClusterSecrets(dir: string): ClusterSecrets {
  const paths = secretsPaths(dir);
  if (!existsSync(paths.passwordsFile)) {
    throw new Error(
      `No secrets in ${dir}: start the secured cluster first (npm start -- --secure, or npm run kafka:up -- --profile dev-secure).`,
    );
  }
  const passwords = JSON.parse(readFileSync(paths.passwordsFile, 'utf8')) as Record<string, string>;
  return { dir, caFile: paths.caFile, keystoreFile: paths.keystoreFile, passwords };
}

/** A user's password; a clear error for a user the cluster does not have. */
export function passwordOf(secrets: ClusterSecrets, user: string): string {
  const password = secrets.passwords[user];
  if (password === undefined)
    throw new Error(
      `The secured cluster has no user "${user}"; its users are ${Object.keys(secrets.passwords).join(', ')}`,
    );
  return password;
}

function writeSecret(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600); // also when the file was there before, with other bits
}
