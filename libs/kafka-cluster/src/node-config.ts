import { join } from 'node:path';
import { BROKER_DEFAULTS } from './broker-defaults.ts';
import { brokerPort, controllerPort, nodeDir, type ClusterLayout } from './cluster-layout.ts';
import type { ClusterSecrets } from './secure/cluster-secrets.ts';
import { secureListenerProperties } from './secure/secure-node-config.ts';

/**
 * The server.properties of one node. Every node is both a broker (serves clients) and a KRaft
 * controller (one of the three voters that keep the cluster metadata in a Raft log, which
 * replaced ZooKeeper). The quorum is static: all three voters are listed up front. With
 * `secrets`, the node is secured: its listeners are replaced by secure/secure-node-config.ts's.
 */
export function nodeProperties(
  layout: ClusterLayout,
  nodeId: number,
  secrets?: ClusterSecrets,
): Record<string, string> {
  const voters = layout.nodeIds.map((id) => `${id}@127.0.0.1:${controllerPort(layout, id)}`).join(',');
  return {
    'process.roles': 'broker,controller',
    'node.id': String(nodeId),
    'controller.quorum.voters': voters,
    listeners: `PLAINTEXT://127.0.0.1:${brokerPort(layout, nodeId)},CONTROLLER://127.0.0.1:${controllerPort(layout, nodeId)}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${brokerPort(layout, nodeId)}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': join(nodeDir(layout, nodeId), 'data'),
    ...BROKER_DEFAULTS,
    ...(secrets ? secureListenerProperties(layout, nodeId, secrets) : {}),
  };
}

export function toPropertiesFile(properties: Record<string, string>): string {
  return `${Object.entries(properties)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`;
}

/** log4j2 config: readable lines on stdout, which the tool sends to the node's log file. */
export const LOG4J2_PROPERTIES = `
status = warn
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
# Quiet per-request and state-change chatter; keep warnings.
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.state.name = state.change.logger
logger.state.level = WARN
`.trimStart();
