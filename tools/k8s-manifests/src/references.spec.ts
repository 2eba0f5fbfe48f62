import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { deployments, objectsOfKind } from './spec-helpers/deploy-k8s.ts';
import { kafkaClusterName } from './strimzi-release.ts';
import { asModel } from './validate-manifest.ts';

// Every Secret and ConfigMap a pod or KEDA reads must be made by something that is applied:
// a manifest here, or Strimzi (a Secret per KafkaUser, named after it, and the cluster CA's
// public part). A missing one leaves pods waiting in ContainerCreating for ever.

const names = (kind: string) => new Set(objectsOfKind(kind).map((object) => object.metadata.name));
const secretsThatWillExist = new Set([
  ...names('Secret'),
  ...names('KafkaUser'),
  `${kafkaClusterName}-cluster-ca-cert`,
]);
const configMaps = names('ConfigMap');

/** [secrets, config maps] a pod spec reads, from its env and its volumes. */
function podReferences(spec: IPodSpec | undefined): [string[], string[]] {
  const containers = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  const env = containers.flatMap((container) => container.env ?? []);
  const envFrom = containers.flatMap((container) => container.envFrom ?? []);
  const secrets = [
    ...env.map((variable) => variable.valueFrom?.secretKeyRef?.name),
    ...envFrom.map((source) => source.secretRef?.name),
    ...(spec?.volumes ?? []).map((volume) => volume.secret?.secretName),
  ];
  const maps = [
    ...env.map((variable) => variable.valueFrom?.configMapKeyRef?.name),
    ...envFrom.map((source) => source.configMapRef?.name),
    ...(spec?.volumes ?? []).map((volume) => volume.configMap?.name),
  ];
  const defined = (values: (string | undefined)[]) => values.filter((value): value is string => value !== undefined);
  return [defined(secrets), defined(maps)];
}

const workloads = [
  ...deployments.map(({ name, deployment }) => [`Deployment ${name}`, deployment.spec?.template.spec] as const),
  ...objectsOfKind('StatefulSet').map(
    (object) => [`StatefulSet ${object.metadata.name}`, asModel(StatefulSet, object).spec?.template.spec] as const,
  ),
];

describe.each(workloads)('%s', (_label, spec) => {
  const [secrets, maps] = podReferences(spec);

  it('reads only Secrets that a manifest or Strimzi makes', () => {
    expect(secrets.length).toBeGreaterThan(0);
    expect(secrets.filter((name) => !secretsThatWillExist.has(name))).toEqual([]);
  });

  it('reads only ConfigMaps of deploy/k8s', () => {
    expect(maps.filter((name) => !configMaps.has(name))).toEqual([]);
  });
});

describe.each(
  objectsOfKind('TriggerAuthentication').map(
    (object) => [object.metadata.name, asModel(TriggerAuthentication, object)] as const,
  ),
)('TriggerAuthentication %s', (_name, auth) => {
  it('reads only Secrets and ConfigMaps that will exist', () => {
    expect(
      (auth.spec.secretTargetRef ?? []).map((ref) => ref.name).filter((name) => !secretsThatWillExist.has(name)),
    ).toEqual([]);
    expect((auth.spec.configMapTargetRef ?? []).map((ref) => ref.name).filter((name) => !configMaps.has(name))).toEqual(
      [],
    );
  });
});

it('every ScaledObject names a TriggerAuthentication of deploy/k8s', () => {
  const authentications = names('TriggerAuthentication');
  const refs = objectsOfKind('ScaledObject').flatMap((object) =>
    asModel(ScaledObject, object).spec.triggers.map((trigger) => trigger.authenticationRef?.name ?? ''),
  );
  expect(refs.filter((name) => !authentications.has(name))).toEqual([]);
});
