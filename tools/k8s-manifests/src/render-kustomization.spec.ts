import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { renderKustomization } from './render-kustomization.ts';

const kustomization = (lines: string) => `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${lines}`;
const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

let root = '';
function files(tree: Record<string, string>): string {
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'k8s-manifests-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('renderKustomization', () => {
  it('reads resources in order, folders through their own kustomization, and sets the namespace', () => {
    files({
      'kustomization.yaml': kustomization('namespace: shop\nresources:\n  - namespace.yaml\n  - a.yaml\n  - sub\n'),
      'namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
      'a.yaml': `${configMap('a')}---\n${configMap('b')}`,
      'sub/kustomization.yaml': kustomization('resources:\n  - c.yaml\n'),
      'sub/c.yaml': `${configMap('c')}\n---\n`,
    });
    const rendered = renderKustomization(root);
    expect(
      rendered.map(({ source, object }) => [source, object.kind, object.metadata.name, object.metadata.namespace]),
    ).toEqual([
      ['namespace.yaml', 'Namespace', 'shop', undefined],
      ['a.yaml', 'ConfigMap', 'a', 'shop'],
      ['a.yaml', 'ConfigMap', 'b', 'shop'],
      ['sub/c.yaml', 'ConfigMap', 'c', 'shop'],
    ]);
  });

  it('refuses a kustomization field it does not implement, rather than ignoring it', () => {
    files({
      'kustomization.yaml': kustomization('resources:\n  - a.yaml\npatches:\n  - path: p.yaml\n'),
      'a.yaml': configMap('a'),
    });
    expect(() => renderKustomization(root)).toThrow(/patches/);
  });

  it('refuses a resource outside the kustomization folder, as kustomize does', () => {
    files({ 'k/kustomization.yaml': kustomization('resources:\n  - ../a.yaml\n'), 'a.yaml': configMap('a') });
    expect(() => renderKustomization(join(root, 'k'))).toThrow(/outside its folder/);
  });

  it('refuses an object defined twice', () => {
    files({
      'kustomization.yaml': kustomization('resources:\n  - a.yaml\n  - b.yaml\n'),
      'a.yaml': configMap('x'),
      'b.yaml': configMap('x'),
    });
    expect(() => renderKustomization(root)).toThrow(/defined twice/);
  });

  it('refuses a document without apiVersion, kind or metadata.name', () => {
    files({
      'kustomization.yaml': kustomization('resources:\n  - a.yaml\n'),
      'a.yaml': 'kind: ConfigMap\nmetadata:\n  name: a\n',
    });
    expect(() => renderKustomization(root)).toThrow(/a\.yaml, document 1/);
  });

  it('refuses a value that YAML 1.1 (kubectl) and 1.2 read differently', () => {
    files({
      'kustomization.yaml': kustomization('resources:\n  - a.yaml\n'),
      'a.yaml': `${configMap('a')}data:\n  mode: 0555\n`,
    });
    expect(() => renderKustomization(root)).toThrow(/YAML 1.1/);
  });
});
