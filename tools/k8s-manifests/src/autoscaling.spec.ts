import { allTopicSettings } from '@orderflow/events';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { deployments, envValue, objectNamed, objectsOfKind } from './spec-helpers/deploy-k8s.ts';
import { asModel } from './validate-manifest.ts';

const scaledObjects = objectsOfKind('ScaledObject').map((object) => asModel(ScaledObject, object));

it('scales inventory-service with KEDA', () => {
  expect(scaledObjects.map((scaled) => scaled.spec.scaleTargetRef.name)).toEqual(['inventory-service']);
});

describe.each(scaledObjects.map((scaled) => [scaled.metadata?.name ?? '', scaled] as const))(
  'ScaledObject %s',
  (_name, scaled) => {
    const target = deployments.find(({ name }) => name === scaled.spec.scaleTargetRef.name);
    const [trigger] = scaled.spec.triggers;
    const metadata = trigger?.metadata ?? {};

    it('scales a Deployment of deploy/k8s that leaves its replica count to KEDA', () => {
      expect(target).toBeDefined();
      // A `replicas` in the Deployment would reset the autoscaler's count on every apply.
      expect(target?.deployment.spec?.replicas).toBeUndefined();
    });

    it("measures the lag of the Deployment's own consumer group on a catalogue topic it reads", () => {
      expect(trigger?.type).toBe('kafka');
      expect(metadata['consumerGroup']).toBe(target?.name);
      expect(allTopicSettings().map((topic) => topic.name)).toContain(metadata['topic']);
      expect(metadata['bootstrapServers']).toBe(envValue(target?.container, 'KAFKA_BROKERS'));
      expect(Number(metadata['lagThreshold'])).toBeGreaterThan(0);
    });

    it("keeps between one replica and the topic's partition count (a group has no more active members)", () => {
      const partitions = allTopicSettings().find((topic) => topic.name === metadata['topic'])?.partitions ?? 0;
      expect(scaled.spec.minReplicaCount).toBeGreaterThanOrEqual(1);
      expect(scaled.spec.maxReplicaCount).toBeLessThanOrEqual(partitions);
      expect(scaled.spec.maxReplicaCount).toBeGreaterThanOrEqual(scaled.spec.minReplicaCount ?? 1);
    });

    it('logs in as the lag-reader KafkaUser, SCRAM-SHA-512 over TLS, trusting the cluster CA', () => {
      const auth = asModel(
        TriggerAuthentication,
        objectNamed('TriggerAuthentication', trigger?.authenticationRef?.name ?? ''),
      );
      const secretRefs = Object.fromEntries(
        (auth.spec.secretTargetRef ?? []).map(({ parameter, name, key }) => [parameter, { name, key }]),
      );
      expect(secretRefs).toEqual({
        password: { name: 'lag-reader', key: 'password' },
        ca: { name: 'orderflow-cluster-ca-cert', key: 'ca.crt' },
      });
      // The rest of the parameters come from a ConfigMap (KEDA takes the user name only by reference).
      const fromConfigMaps = Object.fromEntries(
        (auth.spec.configMapTargetRef ?? []).map(({ parameter, name, key }) => [
          parameter,
          asModel(ConfigMap, objectNamed('ConfigMap', name)).data?.[key],
        ]),
      );
      expect(fromConfigMaps).toEqual({ username: 'lag-reader', sasl: 'scram_sha512', tls: 'enable' });
      expect(objectNamed('KafkaUser', 'lag-reader').kind).toBe('KafkaUser');
    });
  },
);
