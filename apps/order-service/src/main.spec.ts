import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

describe('order-service main', () => {
  it('runs under Node type stripping, says it is not implemented yet and exits 0', () => {
    const result = spawnSync(process.execPath, [join(import.meta.dirname, 'main.ts')], { encoding: 'utf8' });

    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('order-service: not implemented yet\n');
    expect(result.status).toBe(0);
  });
});
