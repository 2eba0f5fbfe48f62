import { BROKER_DEFAULTS } from './broker-defaults.ts';
import { clusterLayout } from './cluster-layout.ts';
import { nodeProperties, toPropertiesFile } from './node-config.ts';

describe('node configuration of the local cluster', () => {
  const layout = clusterLayout('test');

  it('makes every node a broker and a controller, with a static quorum of all three', () => {
    for (const id of layout.nodeIds) {
      const properties = nodeProperties(layout, id);
      expect(properties['process.roles']).toBe('broker,controller');
      expect(properties['node.id']).toBe(String(id));
      expect(properties['controller.quorum.voters']).toBe('1@127.0.0.1:29192,2@127.0.0.1:29193,3@127.0.0.1:29194');
    }
  });

  it('listens on loopback, off the standard ports, each node on its own ports and data dir', () => {
    const all = layout.nodeIds.map((id) => nodeProperties(layout, id));
    expect(all.map((p) => p['advertised.listeners'])).toEqual([
      'PLAINTEXT://127.0.0.1:29092',
      'PLAINTEXT://127.0.0.1:29093',
      'PLAINTEXT://127.0.0.1:29094',
    ]);
    expect(new Set(all.map((p) => p['log.dirs'])).size).toBe(3);
    for (const properties of all) expect(properties['listeners']).not.toMatch(/:909[23]\b/);
  });

  it('keeps the test and dev clusters apart', () => {
    const dev = clusterLayout('dev');
    expect(dev.dir).not.toBe(layout.dir);
    expect(dev.brokerBasePort).not.toBe(layout.brokerBasePort);
  });

  it('applies the shared broker defaults', () => {
    const properties = nodeProperties(layout, 1);
    for (const [key, value] of Object.entries(BROKER_DEFAULTS)) expect(properties[key]).toBe(value);
    expect(toPropertiesFile(properties)).toContain('min.insync.replicas=2\n');
  });

  it('secures a -secure cluster: SCRAM over TLS for clients and brokers, PLAIN over TLS for the quorum, only the admin a super user', () => {
    const secure = clusterLayout('test-secure');
    const secrets = {
      dir: '/s',
      caFile: '/s/ca.pem',
      keystoreFile: '/s/broker-keystore.pem',
      passwords: { admin: 'admin-pw' },
    };
    const properties = nodeProperties(secure, 2, secrets);
    expect(properties['listeners']).toBe(
      'CLIENT://127.0.0.1:29393,BROKER://127.0.0.1:29493,CONTROLLER://127.0.0.1:29593',
    );
    expect(properties['listener.security.protocol.map']).toBe('CLIENT:SASL_SSL,BROKER:SASL_SSL,CONTROLLER:SASL_SSL');
    expect(properties['listener.name.client.sasl.enabled.mechanisms']).toBe('SCRAM-SHA-512');
    expect(properties['listener.name.controller.sasl.enabled.mechanisms']).toBe('PLAIN');
    expect(properties['inter.broker.listener.name']).toBe('BROKER');
    expect(properties['super.users']).toBe('User:admin');
    expect(properties['allow.everyone.if.no.acl.found']).toBe('false');
    expect(properties['authorizer.class.name']).toBe('org.apache.kafka.metadata.authorizer.StandardAuthorizer');
    expect(properties['listener.name.broker.scram-sha-512.sasl.jaas.config']).toContain(
      'username="admin" password="admin-pw"',
    );
    // The controller listener is not SCRAM: KRaft controllers cannot use it among themselves.
    expect(properties['sasl.mechanism.controller.protocol']).toBe('PLAIN');
  });
});
