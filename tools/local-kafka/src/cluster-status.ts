import { Kafka, logLevel } from 'kafkajs';
import { kafkaVersion, runKafkaTool, type LocalKafkaCluster } from '@orderflow/kafka-cluster';

/** Prints the nodes, the active KRaft controller and the topics of a local cluster. */
export async function printStatus(cluster: LocalKafkaCluster): Promise<void> {
  console.log(`Kafka ${kafkaVersion()}, profile "${cluster.layout.profile}", data in ${cluster.layout.dir}`);
  const nodes = cluster.nodes();
  for (const node of nodes) {
    console.log(
      `  node ${node.id}: ${node.state.padEnd(8)} pid ${String(node.pid ?? '-').padEnd(8)} ` +
        `broker 127.0.0.1:${node.brokerPort}  controller 127.0.0.1:${node.controllerPort}`,
    );
  }
  if (!nodes.some((node) => node.state === 'running')) {
    console.log('No node is running. Start the cluster with "npm run kafka:up".');
    return;
  }
  // The active controller is the current leader of the KRaft metadata quorum.
  const quorum = runKafkaTool('kafka-metadata-quorum', ['describe', '--status'], cluster.brokers);
  const leader = /LeaderId:\s*(\d+)/.exec(quorum.stdout)?.[1];
  console.log(`Active controller: ${leader ? `node ${leader}` : 'unknown (no quorum?)'}`);

  const admin = new Kafka({
    clientId: 'local-kafka-status',
    brokers: cluster.brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const { topics } = await admin.fetchTopicMetadata();
    console.log(topics.length === 0 ? 'Topics: none' : 'Topics:');
    for (const topic of topics.sort((a, b) => a.name.localeCompare(b.name))) {
      const replicas = topic.partitions[0]?.replicas.length ?? 0;
      const underReplicated = topic.partitions.filter((p) => p.isr.length < p.replicas.length).length;
      console.log(
        `  ${topic.name}: ${topic.partitions.length} partitions, replication factor ${replicas}` +
          (underReplicated ? `, ${underReplicated} under-replicated` : ''),
      );
    }
  } finally {
    await admin.disconnect();
  }
}
