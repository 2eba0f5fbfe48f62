import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillContext, type CONTEXT_BUILDERS } from './build-contexts.ts';
import { buildDebianBase } from './debian-base.ts';
import { checkDockerEngine } from '@orderflow/kafka-cluster';
import { dockerStreaming, imageLabel } from './docker-engine.ts';
import { INPUTS_LABEL, OFFLINE_IMAGES } from './offline-images.ts';

export interface BuildOptions {
  readonly log?: (line: string) => void;
  /** Rebuild even when an image with the same inputs exists. */
  readonly force?: boolean;
}

/**
 * Makes sure every offline image exists and is built from today's inputs: the base first, then
 * Node, PostgreSQL and Kafka on it. An image whose inputs label matches is kept as it is, so
 * a second run takes seconds. Returns the seconds each image took (0 when kept).
 */
export async function buildOfflineImages(options: BuildOptions = {}): Promise<Record<string, number>> {
  const log = options.log ?? ((line: string) => console.log(`[offline-images] ${line}`));
  const engine = checkDockerEngine();
  if (!engine.answers) throw new Error(`The offline images need a Docker engine: ${engine.detail}`);
  const seconds: Record<string, number> = {};

  // The base has no inputs of ours but the Debian release: rebuilt only when missing.
  const baseInputs = `${INPUTS_LABEL}=debootstrap-bookworm-minbase`;
  let started = Date.now();
  if (options.force || imageLabel(OFFLINE_IMAGES.base, INPUTS_LABEL) !== 'debootstrap-bookworm-minbase') {
    log(`building ${OFFLINE_IMAGES.base}`);
    buildDebianBase(OFFLINE_IMAGES.base, baseInputs, log);
  }
  seconds['base'] = (Date.now() - started) / 1000;

  for (const name of ['node', 'postgres', 'kafka'] as const satisfies (keyof typeof CONTEXT_BUILDERS)[]) {
    started = Date.now();
    const image = OFFLINE_IMAGES[name];
    const contextDir = mkdtempSync(join(tmpdir(), `orderflow-image-${name}-`));
    try {
      const inputs = fillContext(name, contextDir);
      if (!options.force && imageLabel(image, INPUTS_LABEL) === inputs) {
        log(`${image} is up to date`);
      } else {
        log(`building ${image}`);
        await dockerStreaming([
          'build',
          '--quiet',
          '--build-arg',
          `BASE_IMAGE=${OFFLINE_IMAGES.base}`,
          '--label',
          `${INPUTS_LABEL}=${inputs}`,
          '--tag',
          image,
          contextDir,
        ]);
      }
    } finally {
      rmSync(contextDir, { recursive: true, force: true });
    }
    seconds[name] = (Date.now() - started) / 1000;
  }
  log(
    `ready: ${Object.entries(seconds)
      .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
      .join(', ')}`,
  );
  return seconds;
}
