import { readFileSync, statSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';

// A small kustomize of our own, so the tests need no kubectl or cluster: it reads a
// kustomization.yaml's `resources` (files and folders with their own kustomization.yaml,
// recursively) and applies `namespace:`. That is all deploy/k8s uses; any other kustomization
// field is an error here rather than silently ignored.

/** What every object must have; the rest is checked per kind (validate-manifest.ts). */
const objectHeader = z.looseObject({
  apiVersion: z.string().min(1),
  kind: z.string().min(1),
  metadata: z.looseObject({ name: z.string().min(1), namespace: z.string().optional() }),
});
export type ManifestObject = z.infer<typeof objectHeader>;

/** A rendered object and the file it came from (relative to the kustomization root). */
export type RenderedObject = { readonly source: string; readonly object: ManifestObject };

const kustomizationSchema = z.strictObject({
  apiVersion: z.literal('kustomize.config.k8s.io/v1beta1'),
  kind: z.literal('Kustomization'),
  namespace: z.string().min(1).optional(),
  resources: z.array(z.string().min(1)).min(1),
});

// Kinds without a namespace; kustomize leaves them as they are.
const clusterScopedKinds: ReadonlySet<string> = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
]);

/** Every object of the kustomization in `rootDir`, namespaced, in resource order. */
export function renderKustomization(rootDir: string): RenderedObject[] {
  const rendered = renderFolder(rootDir, rootDir);
  const seen = new Set<string>();
  for (const { source, object } of rendered) {
    // kubectl would apply the second over the first; kustomize refuses, and so do we.
    const id = `${object.apiVersion}/${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
    if (seen.has(id)) throw new Error(`${source}: ${object.kind} "${object.metadata.name}" is defined twice`);
    seen.add(id);
  }
  return rendered;
}

function renderFolder(dir: string, rootDir: string): RenderedObject[] {
  const file = join(dir, 'kustomization.yaml');
  const parsed = kustomizationSchema.safeParse(readYaml(file, rootDir)[0]);
  if (!parsed.success) throw new Error(`${relative(rootDir, file)}: ${z.prettifyError(parsed.error)}`);
  const { namespace, resources } = parsed.data;
  const objects = resources.flatMap((entry) => {
    const path = join(dir, entry);
    // kustomize's default load restrictor: nothing from outside the kustomization's folder.
    if (relative(dir, path).startsWith('..'))
      throw new Error(`${relative(rootDir, file)}: "${entry}" is outside its folder`);
    return statSync(path).isDirectory() ? renderFolder(path, rootDir) : readObjects(path, rootDir);
  });
  if (namespace === undefined) return objects;
  return objects.map(({ source, object }) =>
    clusterScopedKinds.has(object.kind)
      ? { source, object }
      : { source, object: { ...object, metadata: { ...object.metadata, namespace } } },
  );
}

function readObjects(path: string, rootDir: string): RenderedObject[] {
  const source = relative(rootDir, path);
  return readYaml(path, rootDir).map((document, index) => {
    const header = objectHeader.safeParse(document);
    if (!header.success) throw new Error(`${source}, document ${index + 1}: ${z.prettifyError(header.error)}`);
    return { source, object: header.data };
  });
}

/**
 * The non-empty YAML documents of a file. kubectl reads YAML much as version 1.1 does, this
 * package 1.2; where they differ (`0555` is octal in one, decimal in the other; `yes`, `on`
 * are booleans in 1.1) a manifest is ambiguous, and an error here.
 */
function readYaml(path: string, rootDir: string): unknown[] {
  const text = readFileSync(path, 'utf8');
  const [asYaml12, asYaml11] = (['1.2', '1.1'] as const).map((version) =>
    parseAllDocuments(text, { version }).map((document) => {
      const [error] = document.errors;
      if (error !== undefined) throw new Error(`${relative(rootDir, path)}: ${error.message}`);
      return document.toJS() as unknown;
    }),
  );
  if (!isDeepStrictEqual(asYaml12, asYaml11))
    throw new Error(
      `${relative(rootDir, path)}: reads differently as YAML 1.1 (kubectl) and 1.2; quote or spell out the value`,
    );
  return (asYaml12 ?? []).filter((document) => document !== null && document !== undefined);
}
