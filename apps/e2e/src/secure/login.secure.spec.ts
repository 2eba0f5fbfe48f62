import { defaultTopicSettings, type TopicSettings } from '@orderflow/events';
import { connectToKafka, createKafkaClient, KafkaLoginRefusedError, provisionTopics } from '@orderflow/kafka';
import { uniqueTopicName } from '@orderflow/testing';
import type { LocalKafkaCluster } from '@orderflow/kafka-cluster';
import { securedCluster } from './secured-cluster.ts';

// How a service logs in (libs/kafka's createKafkaClient and connectToKafka, as every main.ts
// uses them): its own user works; a wrong password is no reason to wait for Kafka.

describe('a service logging in to the secured cluster', () => {
  let cluster: LocalKafkaCluster;
  beforeAll(async () => {
    cluster = await securedCluster();
  });

  const clientAs = (username: string, password: string) =>
    createKafkaClient({
      brokers: cluster.brokers,
      clientId: 'login-spec',
      login: { username, password, caFile: cluster.secrets().caFile },
    });

  it('connects with its own user and password', async () => {
    const password = cluster.secrets().passwords['order-service'] ?? '';
    const admin = await connectToKafka({ kafka: clientAs('order-service', password) });
    await admin.disconnect();
  });

  it('fails at once with a wrong password, with an error that names the user, instead of retrying', async () => {
    // connectToKafka waits for ever for a cluster that is not there yet; a refused login must end it.
    const refused = await connectToKafka({ kafka: clientAs('order-service', 'not-the-password') }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(KafkaLoginRefusedError);
    expect(String((refused as Error).message)).toContain('"order-service"');
  }, 30_000);

  it('sets a drifted topic config through the second client too (IncrementalAlterConfigs), logged in the same way', async () => {
    // kafkajs has no IncrementalAlterConfigs; provisioning sends it with @platformatic/kafka,
    // which must log in as the kafkajs client does: SCRAM over TLS. Services may not alter
    // configs (ACLs), so the admin user provisions here.
    const admin = clientAs('admin', cluster.secrets().passwords['admin'] ?? '');
    const topic: TopicSettings = {
      ...defaultTopicSettings,
      name: uniqueTopicName('login-spec'),
      config: { ...defaultTopicSettings.config, 'min.insync.replicas': 1 },
    };
    await provisionTopics({ kafka: admin, topics: [topic] });

    const report = await provisionTopics({ kafka: admin, topics: [{ ...topic, config: defaultTopicSettings.config }] });

    expect(report.configUpdated).toEqual([{ topic: topic.name, names: ['min.insync.replicas'] }]);
  });
});
