import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { debianMirror } from './debian-mirror.ts';
import { dockerClient } from '@orderflow/kafka-cluster';

/**
 * Builds the Debian bookworm base image without a registry: debootstrap unpacks a minimal
 * Debian into a folder from the host's mirror, and `docker import` turns that folder into an
 * image. Needs root (debootstrap chroots) and the debootstrap package.
 */
export function buildDebianBase(image: string, inputsLabel: string, log: (line: string) => void): void {
  if (spawnSync('debootstrap', ['--version']).error) {
    throw new Error('debootstrap is not installed: it builds the offline base image (apt-get install debootstrap).');
  }
  if (process.getuid?.() !== 0) {
    throw new Error('Building the offline base image needs root (debootstrap runs chroot); run this tool as root.');
  }
  const mirror = debianMirror();
  const root = join(mkdtempSync(join(tmpdir(), 'orderflow-debian-')), 'root');
  try {
    log(`debootstrap bookworm from ${mirror} (about a minute)`);
    const bootstrap = spawnSync('debootstrap', ['--variant=minbase', 'bookworm', root, mirror], { encoding: 'utf8' });
    if (bootstrap.status !== 0) {
      throw new Error(
        `debootstrap failed:\n${`${bootstrap.stdout}${bootstrap.stderr}`.trim().split('\n').slice(-15).join('\n')}`,
      );
    }
    // Keep images small, as the official slim images do: no apt caches, no docs.
    rmSync(join(root, 'var', 'cache', 'apt', 'archives'), { recursive: true, force: true });
    // tar | docker import: the folder becomes the image's one layer.
    const packed = spawnSync(
      'sh',
      [
        '-c',
        `tar -C "$1" -c . | "$2" import --change "LABEL $3" --change 'CMD ["bash"]' - "$4"`,
        'sh',
        root,
        dockerClient(),
        inputsLabel,
        image,
      ],
      { encoding: 'utf8' },
    );
    if (packed.status !== 0) throw new Error(`docker import failed: ${packed.stderr.trim()}`);
  } finally {
    rmSync(join(root, '..'), { recursive: true, force: true });
  }
}
