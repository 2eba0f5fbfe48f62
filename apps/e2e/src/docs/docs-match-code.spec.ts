import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@orderflow/kafka-cluster';
import { docPages, fromRoot, readRepoFile } from './doc-pages.ts';
import { declaresName, namedFunctions } from './code-names.ts';
import { moduleSpecifier, quotedNumbers, valueAt } from './code-numbers.ts';

// The chapters describe Orderflow's own code: the functions they name and the numbers they
// quote. The code changes under them; these checks make a chapter that no longer says what
// the code does fail, instead of waiting for a reader to notice.

const pages = docPages;
const read = readRepoFile;

/** The source a link points at: a file, or every TypeScript file of a folder. */
function sourceAt(path: string): string {
  const full = join(REPO_ROOT, path);
  if (!existsSync(full)) return '';
  if (!statSync(full).isDirectory()) return readFileSync(full, 'utf8');
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .map((name) => readFileSync(join(full, name), 'utf8'))
    .join('\n');
}

describe('the functions the docs name beside a file', () => {
  it('are declared in that file', () => {
    const missing = pages
      .flatMap((page) => namedFunctions(page, read(page), (target) => fromRoot(page, target)))
      .filter(({ name, file }) => !declaresName(sourceAt(file), name))
      .map(({ page, name, file }) => `${page}: \`${name}()\` is not in ${file}`);
    expect(missing).toEqual([]);
  });
});

describe('the numbers the docs quote from the code', () => {
  const quoted = pages.flatMap((page) => quotedNumbers(page, read(page)));

  it('are marked where the chapters quote retries, batches, pauses and timeouts', () => {
    expect(quoted.length).toBeGreaterThan(0);
  });

  it('are the values the code holds', async () => {
    const wrong: string[] = [];
    for (const { page, line, quoted: text, value, module, path } of quoted) {
      const exports = (await import(moduleSpecifier(module, REPO_ROOT))) as Record<string, unknown>;
      const actual = valueAt(exports, path);
      if (actual !== value)
        wrong.push(
          `${page}:${line}: "${text}" (${value}), but ${module} ${path.join('.')} is ${actual ?? 'not a number'}`,
        );
    }
    expect(wrong).toEqual([]);
  });
});
