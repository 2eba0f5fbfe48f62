import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@orderflow/kafka-cluster';

/** Runs tools/check-node.mjs as `npm start` does, with Node's version and platform made to look like `pretend`. */
function checkNodeAs(pretend: { version: string; platform: string; arch: string }) {
  const disguise = [
    `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(pretend.version)} });`,
    `Object.defineProperty(process, 'platform', { value: ${JSON.stringify(pretend.platform)} });`,
    `Object.defineProperty(process, 'arch', { value: ${JSON.stringify(pretend.arch)} });`,
  ].join('');
  return spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(disguise)}`, join(REPO_ROOT, 'tools', 'check-node.mjs')],
    {
      encoding: 'utf8',
    },
  );
}

describe('the Node.js check before npm start and npm test', () => {
  it('on Node 20 on Linux x64, stops and names the project’s own way to get Node 24', () => {
    const result = checkNodeAs({ version: '20.19.5', platform: 'linux', arch: 'x64' });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('this is Node 20.19.5');
    expect(result.stderr).toContain('source tools/use-node-24.sh');
  });

  it('elsewhere, points to nodejs.org and nvm only (use-node-24.sh handles Linux x64 only)', () => {
    const result = checkNodeAs({ version: '20.19.5', platform: 'darwin', arch: 'arm64' });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('install Node 24 from https://nodejs.org');
    expect(result.stderr).not.toContain('use-node-24.sh');
  });

  it('lets Node 22.18 and later through without a word', () => {
    const result = checkNodeAs({ version: '22.18.0', platform: 'linux', arch: 'x64' });

    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('runs before every npm script that needs Node 22.18 or later (TypeScript files, nx)', () => {
    const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const unchecked = Object.entries(scripts).filter(
      ([, command]) => /node tools\/\S+\.ts|^nx /.test(command) && !command.startsWith('node tools/check-node.mjs && '),
    );
    expect(unchecked).toEqual([]);
  });
});
