import { CLUSTER_PROFILES, secureListenerProperties, type ClusterSecrets } from '@orderflow/kafka-cluster';

/**
 * The listeners of a broker in docker-compose.secure.yml: three as on the local secured
 * cluster, and one more for programs on the host. Their addresses and protocols are in the
 * compose file (KAFKA_LISTENERS, KAFKA_ADVERTISED_LISTENERS, ...), where a reader looks for them.
 */
export const composeListeners = {
  /** Containers (services, tools): kafka-N:19092, each client as its own SCRAM user. */
  client: 'CLIENT',
  /** Programs on the host: localhost:<published port>, the same login as CLIENT. */
  external: 'EXTERNAL',
} as const;

// Set per broker by the compose file, so left out here.
const perBrokerKeys = [
  'listeners',
  'advertised.listeners',
  'listener.security.protocol.map',
  'inter.broker.listener.name',
  'controller.listener.names',
];

/**
 * The security part of every compose broker's server.properties, the same for all three:
 * exactly the settings of the local secured cluster (secure-node-config.ts: SASL mechanisms,
 * JAAS logins, PEM key and trust store, StandardAuthorizer, the admin as the one super user),
 * without the listener layout, plus the host's listener, which logs in as CLIENT does.
 * start-broker.sh (docker/kafka-secure) appends it to the broker's generated server.properties.
 */
export function composeBrokerSecurityProperties(secrets: ClusterSecrets): Record<string, string> {
  // Any secured layout: only the listener addresses depend on it, and those are dropped.
  const layout = CLUSTER_PROFILES['dev-secure'];
  if (layout === undefined) throw new Error('no dev-secure cluster layout');
  const properties = Object.entries(secureListenerProperties(layout, 1, secrets)).filter(
    ([key]) => !perBrokerKeys.includes(key),
  );
  const clientPrefix = `listener.name.${composeListeners.client.toLowerCase()}.`;
  const externalPrefix = `listener.name.${composeListeners.external.toLowerCase()}.`;
  const external = properties
    .filter(([key]) => key.startsWith(clientPrefix))
    .map(([key, value]) => [externalPrefix + key.slice(clientPrefix.length), value]);
  return Object.fromEntries([...properties, ...external]);
}
