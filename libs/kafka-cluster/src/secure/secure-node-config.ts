import { adminPrincipal } from '@orderflow/events';
import { brokerPort, controllerPort, interBrokerPort, type ClusterLayout } from '../cluster-layout.ts';
import { passwordOf, type ClusterSecrets } from './cluster-secrets.ts';

const scramModule = 'org.apache.kafka.common.security.scram.ScramLoginModule';
const plainModule = 'org.apache.kafka.common.security.plain.PlainLoginModule';

/**
 * The listener and security part of a secured node's server.properties. Three listeners, each
 * TLS-encrypted (SASL_SSL), each for one kind of peer:
 * - CLIENT: services and tools, SCRAM-SHA-512, each as its own user;
 * - BROKER: the brokers replicating from each other, SCRAM-SHA-512 as the admin;
 * - CONTROLLER: the KRaft quorum. SCRAM credentials live in the metadata log that the quorum
 *   itself replicates, so controllers cannot use SCRAM among themselves: PLAIN, with the admin
 *   as its one user, and over TLS, since PLAIN sends the password as it is.
 * StandardAuthorizer (KRaft's ACL store) on every node; only the admin is a super user, and a
 * principal with no ACL for a resource is refused.
 */
export function secureListenerProperties(
  layout: ClusterLayout,
  nodeId: number,
  secrets: ClusterSecrets,
): Record<string, string> {
  const adminPassword = passwordOf(secrets, adminPrincipal);
  const quoted = (value: string) => JSON.stringify(value); // JAAS takes double-quoted strings
  return {
    listeners: `CLIENT://127.0.0.1:${brokerPort(layout, nodeId)},BROKER://127.0.0.1:${interBrokerPort(layout, nodeId)},CONTROLLER://127.0.0.1:${controllerPort(layout, nodeId)}`,
    'advertised.listeners': `CLIENT://127.0.0.1:${brokerPort(layout, nodeId)},BROKER://127.0.0.1:${interBrokerPort(layout, nodeId)}`,
    'listener.security.protocol.map': 'CLIENT:SASL_SSL,BROKER:SASL_SSL,CONTROLLER:SASL_SSL',
    'inter.broker.listener.name': 'BROKER',
    'controller.listener.names': 'CONTROLLER',
    'sasl.mechanism.inter.broker.protocol': 'SCRAM-SHA-512',
    'sasl.mechanism.controller.protocol': 'PLAIN',
    'listener.name.client.sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'listener.name.broker.sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'listener.name.controller.sasl.enabled.mechanisms': 'PLAIN',
    // The server side checks SCRAM against the credentials in the metadata log: no users here.
    'listener.name.client.scram-sha-512.sasl.jaas.config': `${scramModule} required;`,
    // The client side of a broker that replicates from another logs in as the admin.
    'listener.name.broker.scram-sha-512.sasl.jaas.config': `${scramModule} required username=${quoted(adminPrincipal)} password=${quoted(adminPassword)};`,
    // Both sides of the controller listener: who this node logs in as, and the one user it accepts.
    'listener.name.controller.plain.sasl.jaas.config': `${plainModule} required username=${quoted(adminPrincipal)} password=${quoted(adminPassword)} user_${adminPrincipal}=${quoted(adminPassword)};`,
    // PEM files, no Java keystores: the key (unencrypted, in a directory only this user reads) and chain, and the CA.
    'ssl.keystore.type': 'PEM',
    'ssl.keystore.location': secrets.keystoreFile,
    'ssl.truststore.type': 'PEM',
    'ssl.truststore.location': secrets.caFile,
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users': `User:${adminPrincipal}`,
    'allow.everyone.if.no.acl.found': 'false',
  };
}

/** `kafka-storage format --add-scram`: the admin exists before the first broker-to-broker login needs it. */
export function adminScramCredential(secrets: ClusterSecrets): string {
  return `SCRAM-SHA-512=[name=${adminPrincipal},iterations=${scramIterations},password=${passwordOf(secrets, adminPrincipal)}]`;
}

/** kafkajs refuses fewer than 4096 SCRAM iterations (a server's cheap offer is an attack); twice that. */
export const scramIterations = 8192;
