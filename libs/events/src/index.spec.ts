import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageName } from './index.ts';

describe('@orderflow/events public API', () => {
  it('names its own package', () => {
    const manifest: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));

    expect(manifest).toMatchObject({ name: packageName });
  });
});
