import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

/**
 * On a fresh clone node_modules does not exist yet, and after a pull that changed the
 * lockfile it is out of date: then install exactly what the committed lockfile pins
 * (`npm ci`), so `npm test` and `npm start` are the only commands a user needs. This module
 * uses Node built-ins only, so it runs before anything is installed.
 */
export function ensureDependencies(log: (line: string) => void): void {
  const lockfile = join(REPO_ROOT, 'package-lock.json');
  const installed = join(REPO_ROOT, 'node_modules', '.package-lock.json'); // written by every npm install
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lockfile).mtimeMs) return;
  log(
    existsSync(installed)
      ? 'package-lock.json changed since the last install: running "npm ci"'
      : 'Dependencies are not installed yet: running "npm ci" (first run only)',
  );
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('"npm ci" failed; see its output above');
}
