import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from '@orderflow/kafka-cluster';

/** Every page a reader gets, from the repository root: the README, the chapters and the labs. */
export const docPages: readonly string[] = [
  'README.md',
  ...readdirSync(join(REPO_ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
  ...readdirSync(join(REPO_ROOT, 'docs', 'labs')).map((name) => `docs/labs/${name}`),
];

/** A file of the repository, by its path from the root. */
export const readRepoFile = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

/** A link on `page` as a path from the repository root. */
export const fromRoot = (page: string, target: string) =>
  relative(REPO_ROOT, resolve(REPO_ROOT, dirname(page), target));
