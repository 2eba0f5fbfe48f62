import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessPlan } from '@orderflow/events';
import { secretsPaths } from '@orderflow/kafka-cluster';
import { writeComposeSecrets } from './compose-secrets.ts';

// What the secured compose variant's kafka-secrets job leaves in its volume (docker-compose.secure.yml).

const hosts = { dnsNames: ['kafka-1', 'kafka-2', 'kafka-3', 'localhost'], ipAddresses: ['127.0.0.1'] };

describe('the secrets of the secured compose variant', () => {
  let dir: string;
  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'compose-secrets-')), 'secrets');
    await writeComposeSecrets({ dir, hosts });
  });
  afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const passwords = () => JSON.parse(read('passwords.json')) as Record<string, string>;

  it('has a password file and a client properties file per user, each readable by its owner only', () => {
    for (const [user, password] of Object.entries(passwords())) {
      expect(read(`${user}.password`)).toBe(password); // no newline: `$(cat ...)` would keep none anyway
      expect(read(`${user}.properties`)).toContain(`username="${user}" password="${password}"`);
    }
    for (const file of readdirSync(dir))
      expect({ file, mode: (statSync(join(dir, file)).mode & 0o777).toString(8) }).toEqual({ file, mode: '600' });
  });

  it('keeps the CA and the passwords when it runs again: only the first start makes them', async () => {
    const before = { ca: read('ca.pem'), passwords: passwords() };
    expect(await writeComposeSecrets({ dir, hosts })).toEqual({ newCertificates: false });
    expect({ ca: read('ca.pem'), passwords: passwords() }).toEqual(before);
  });

  it("gives the brokers the local secured cluster's security settings, and the host's listener the clients' login", () => {
    const properties = Object.fromEntries(
      read('broker-security.properties')
        .trim()
        .split('\n')
        .map((line) => line.split(/=(.*)/s).slice(0, 2)),
    );
    expect(properties).toMatchObject({
      'ssl.keystore.location': secretsPaths(dir).keystoreFile,
      'ssl.truststore.location': secretsPaths(dir).caFile,
      'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
      'super.users': 'User:admin',
      'sasl.mechanism.controller.protocol': 'PLAIN',
      'listener.name.external.sasl.enabled.mechanisms': 'SCRAM-SHA-512',
      'listener.name.external.scram-sha-512.sasl.jaas.config':
        properties['listener.name.client.scram-sha-512.sasl.jaas.config'],
    });
    // The listener layout is the compose file's, per broker.
    expect(Object.keys(properties)).not.toEqual(expect.arrayContaining(['listeners']));
    expect(read('admin-scram-credential')).toBe(
      `SCRAM-SHA-512=[name=admin,iterations=8192,password=${passwords()['admin']}]`,
    );
  });

  it('writes grant-access.sh: a SCRAM user per principal, then kafka-acls as the admin', () => {
    const script = read('grant-access.sh');
    for (const { principal } of accessPlan()) {
      expect(script).toContain(
        `'SCRAM-SHA-512=[iterations=8192,password=${passwords()[principal]}]' --entity-type users --entity-name ${principal}\n`,
      );
      expect(script).toContain(`--allow-principal User:${principal} `);
    }
    expect(script).toContain(
      `in_background /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$bootstrap_servers" --command-config ${join(dir, 'admin.properties')} --add`,
    );
    expect(script.trimEnd().split('\n').slice(-2)[0]).toBe('wait_for_all'); // the last calls, too, are waited for
    expect(script).toMatch(/^#!\/bin\/sh\n[^]*\nset -eu\n/);
  });
});
