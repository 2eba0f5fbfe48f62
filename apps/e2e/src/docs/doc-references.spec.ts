import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@orderflow/kafka-cluster';
import { docPages, fromRoot, readRepoFile } from './doc-pages.ts';
import { hasTestTitled, provedByReferences, relativeLinks } from './doc-references.ts';

// The pages promise "a test that proves it" by file and title; these checks keep the promise
// true when a test is renamed or moved, and keep every link inside the repository.

const pages = docPages;
const read = readRepoFile;

describe('the "Proved by" references in docs/', () => {
  const references = pages.flatMap((page) => provedByReferences(page, read(page), (target) => fromRoot(page, target)));

  it('cite tests in every chapter and lab', () => {
    const citing = new Set(references.map((reference) => reference.page));
    const teaching = pages.filter((page) => /^docs\/(labs\/)?\d\d-/.test(page));
    expect(teaching.filter((page) => !citing.has(page))).toEqual([]);
  });

  it('name spec files that exist, and test titles that are in them', () => {
    const wrong = references
      .filter(({ file, title }) => !existsSync(join(REPO_ROOT, file)) || !hasTestTitled(read(file), title))
      .map(
        ({ page, file, title }) =>
          `${page}: ${file} "${title}"${existsSync(join(REPO_ROOT, file)) ? '' : ' (no such file)'}`,
      );
    expect(wrong).toEqual([]);
  });
});

describe('links in README.md and docs/', () => {
  it('point at files and folders of this repository that exist', () => {
    const broken = pages.flatMap((page) =>
      relativeLinks(read(page))
        .map((target) => fromRoot(page, target))
        .filter((path) => path.startsWith('..') || !existsSync(join(REPO_ROOT, path)))
        .map((path) => `${page} → ${path}`),
    );
    expect(broken).toEqual([]);
  });
});
