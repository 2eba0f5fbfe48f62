import type { ManifestObject } from './render-kustomization.ts';
import { objectNamed, rendered } from './spec-helpers/deploy-k8s.ts';
import { declaredTypes } from './unknown-fields.ts';
import { modelKinds, schemaProblems } from './validate-manifest.ts';

describe('every object of deploy/k8s', () => {
  it.each(rendered.map(({ source, object }) => [`${source}: ${object.kind} ${object.metadata.name}`, object] as const))(
    "%s is valid by its kind's schema",
    (_label, object) => {
      expect(schemaProblems(object)).toEqual([]);
    },
  );
});

describe('the schemas', () => {
  const withSpec = (object: ManifestObject, spec: Record<string, unknown>): ManifestObject => ({
    ...object,
    spec: { ...(object['spec'] as object), ...spec },
  });

  it('reject a field Strimzi does not know (strict)', () => {
    expect(schemaProblems(withSpec(objectNamed('KafkaTopic', 'orders'), { replicationFactor: 3 }))).toEqual([
      expect.stringMatching(/replicationFactor/),
    ]);
  });

  it("reject Kafka's `prefixed` in a KafkaUser: Strimzi spells it `prefix`", () => {
    const acls = [{ resource: { type: 'group', name: 'x-', patternType: 'prefixed' }, operations: ['Read'] }];
    expect(
      schemaProblems(withSpec(objectNamed('KafkaUser', 'console'), { authorization: { type: 'simple', acls } })),
    ).toEqual([expect.stringMatching(/patternType/)]);
  });

  it('reject a field a core or KEDA kind does not have (its schema alone would let it through)', () => {
    const deployment = objectNamed('Deployment', 'order-service');
    const typo = JSON.parse(
      JSON.stringify(deployment).replace('"readinessProbe"', '"readinessProbes"'),
    ) as ManifestObject;
    expect(schemaProblems(typo)).toEqual([
      expect.stringMatching(/^spec\.template\.spec\.containers\.0\.readinessProbes: not a field/),
    ]);
    expect(schemaProblems(withSpec(objectNamed('ScaledObject', 'inventory-service'), { maxReplicas: 6 }))).toEqual([
      expect.stringMatching(/^spec\.maxReplicas/),
    ]);
  });

  it('know the declared type of every core and KEDA kind they validate', () => {
    expect(Object.keys(declaredTypes).sort()).toEqual([...modelKinds].sort());
  });

  it('reject a core object of the wrong shape', () => {
    expect(schemaProblems(withSpec(objectNamed('Service', 'order-service'), { ports: [{ port: '3000' }] }))).toEqual([
      expect.stringMatching(/port/),
    ]);
  });

  it('reject a kind they do not know', () => {
    expect(schemaProblems({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })).toEqual([
      expect.stringMatching(/no schema for v1\/Pod/),
    ]);
  });
});
