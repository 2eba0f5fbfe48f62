import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { z } from 'zod';
import type { ManifestObject } from './render-kustomization.ts';
import { strimziSchemas } from './strimzi-schemas.ts';
import { strimziRelease } from './strimzi-release.ts';
import { unknownFields } from './unknown-fields.ts';

/** A kubernetes-models class: built from an object, it checks it against the API's schema. */
type Model<Instance> = new (data: never) => Instance & { validate(): void };

// Core and KEDA kinds: the schemas kubernetes-models generated from the Kubernetes and KEDA
// OpenAPI documents (types, required fields, enums), plus unknown-fields.ts for the fields
// those schemas let through.
const models = {
  'v1/Namespace': Namespace,
  'v1/Service': Service,
  'v1/Secret': Secret,
  'v1/ConfigMap': ConfigMap,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
  'keda.sh/v1alpha1/TriggerAuthentication': TriggerAuthentication,
} as const satisfies Record<string, Model<unknown>>;

/** What is wrong with an object by its kind's schema; empty when it is valid. */
export function schemaProblems(object: ManifestObject): string[] {
  const { apiVersion, kind } = object;
  if (apiVersion === strimziRelease.apiVersion && Object.hasOwn(strimziSchemas, kind)) {
    const result = strimziSchemas[kind as keyof typeof strimziSchemas].safeParse(object);
    return result.success ? [] : [z.prettifyError(result.error)];
  }
  const key = `${apiVersion}/${kind}`;
  if (!Object.hasOwn(models, key)) return [`no schema for ${key}: add one before using the kind`];
  try {
    new models[key as keyof typeof models](object as never).validate();
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  return unknownFields(object).map((path) => `${path}: not a field of ${key}`);
}

/** The core and KEDA kinds with a schema (`apiVersion/kind`). */
export const modelKinds: readonly string[] = Object.keys(models);

/** The object as its kubernetes-models class, once its schema has accepted it (else throws). */
export function asModel<Instance>(model: Model<Instance>, object: ManifestObject): Instance {
  const instance = new model(object as never);
  instance.validate();
  return instance;
}
