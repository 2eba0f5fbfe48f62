import { join, resolve } from 'node:path';

/** The repository's root, from this file's place in tools/k8s-manifests/src. */
export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');

/** The kustomization root of the Kubernetes manifests. */
export const deployDir = join(repoRoot, 'deploy', 'k8s');
