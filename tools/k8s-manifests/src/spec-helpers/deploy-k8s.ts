import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { deployDir } from '../deploy-paths.ts';
import { renderKustomization, type ManifestObject } from '../render-kustomization.ts';

/** deploy/k8s as `kubectl apply -k` would send it, rendered once per test file. */
export const rendered = renderKustomization(deployDir);

export const objectsOfKind = (kind: string): ManifestObject[] =>
  rendered.map(({ object }) => object).filter((object) => object.kind === kind);

export function objectNamed(kind: string, name: string): ManifestObject {
  const found = objectsOfKind(kind).find((object) => object.metadata.name === name);
  if (found === undefined) throw new Error(`deploy/k8s has no ${kind} "${name}"`);
  return found;
}

/**
 * The Deployments with the container of each. Not validated here, so that one bad object
 * fails its own test in manifest-schemas.spec.ts rather than every spec file that loads this.
 */
export const deployments = objectsOfKind('Deployment').map((object) => {
  const deployment = new Deployment(object as never);
  const containers = deployment.spec?.template.spec?.containers ?? [];
  const [container] = containers;
  if (container === undefined || containers.length !== 1)
    throw new Error(`Deployment ${object.metadata.name}: expected one container`);
  return { name: object.metadata.name, deployment, container };
});

/** A plain `value:` of a container's environment. */
export const envValue = (container: IContainer | undefined, name: string): string | undefined =>
  container?.env?.find((variable) => variable.name === name)?.value;

/** The Secret (name and key) a container's variable is read from. */
export const envSecret = (container: IContainer, name: string): { name: string; key: string } | undefined => {
  const ref = container.env?.find((variable) => variable.name === name)?.valueFrom?.secretKeyRef;
  return ref === undefined ? undefined : { name: ref.name ?? '', key: ref.key };
};
