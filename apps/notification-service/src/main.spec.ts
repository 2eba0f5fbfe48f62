import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Runs main.ts under Node's type stripping with exactly `env` (plus PATH), and no brokers needed. */
function runMain(env: Record<string, string>) {
  return spawnSync(process.execPath, [join(import.meta.dirname, 'main.ts')], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...env },
    timeout: 20_000,
  });
}

describe('notification-service main', () => {
  it('exits 1 before connecting anything, naming KAFKA_BROKERS, when it is not set', () => {
    const result = runMain({});

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('KAFKA_BROKERS: is required');
    expect(result.stdout).toBe('');
  });

  it('names every bad variable at once: a port out of range and a malformed broker list', () => {
    const result = runMain({ KAFKA_BROKERS: 'no-port-here', PORT: '70000' });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('KAFKA_BROKERS: expected a comma-separated list of host:port');
    expect(result.stderr).toContain('PORT: expected a port number from 0 to 65535');
  });
});
