import { getContainerRuntimeClient, ImageName, type ContainerRuntimeClient } from 'testcontainers';
import { withTimeout } from '@orderflow/service';
// Not re-exported by the package's index: the one place that knows Ryuk's image name.
import { getReaperImage } from 'testcontainers/build/reaper/reaper.js';

/** A Docker engine answers its ping in milliseconds; a wedged or missing one must not hang a run. */
const DOCKER_ANSWER_TIMEOUT_MS = 20_000;

/** The testcontainers mode cannot run: no Docker engine answered. */
export class DockerNeededError extends Error {
  override readonly name = 'DockerNeededError';
}

let engine: Promise<ContainerRuntimeClient> | undefined;

/**
 * The Docker engine testcontainers talks to (DOCKER_HOST, else /var/run/docker.sock), or a
 * DockerNeededError within DOCKER_ANSWER_TIMEOUT_MS. On first contact it also decides about
 * Ryuk, testcontainers' container reaper: where its image cannot be had (no registry
 * reachable, nothing pulled before), Ryuk is disabled, and the callers stop every container
 * they start themselves, which they do anyway.
 */
export function dockerEngine(): Promise<ContainerRuntimeClient> {
  engine ??= connect(getContainerRuntimeClient).catch((error: unknown) => {
    engine = undefined; // a later call may find an engine that was started meanwhile
    throw error;
  });
  return engine;
}

/** `getClient` is testcontainers' own lookup; a parameter so a unit test can be the engine that never answers. */
export async function connect(
  getClient: () => Promise<ContainerRuntimeClient>,
  timeoutMs = DOCKER_ANSWER_TIMEOUT_MS,
): Promise<ContainerRuntimeClient> {
  let client: ContainerRuntimeClient;
  try {
    client = await withTimeout(getClient(), timeoutMs, () => new Error(`no answer within ${timeoutMs / 1000} s`));
  } catch (error) {
    const where = process.env['DOCKER_HOST']
      ? `DOCKER_HOST=${process.env['DOCKER_HOST']}`
      : 'unix:///var/run/docker.sock';
    throw new DockerNeededError(
      `ORDERFLOW_TEST_CLUSTER=testcontainers needs a Docker engine, and none answered at ${where} ` +
        `(${error instanceof Error ? error.message : String(error)}). Start Docker, or test on the local ` +
        'cluster instead: npm test, without ORDERFLOW_TEST_CLUSTER (no Docker needed).',
      { cause: error },
    );
  }
  await disableRyukWhereItsImageIsMissing(client);
  return client;
}

async function disableRyukWhereItsImageIsMissing(client: ContainerRuntimeClient): Promise<void> {
  if (process.env['TESTCONTAINERS_RYUK_DISABLED'] !== undefined) return; // the user decided
  const ryuk = getReaperImage();
  if (await client.image.exists(ImageName.fromString(ryuk))) return;
  // Set in process.env, so processes started from here (jest's workers) inherit the decision.
  process.env['TESTCONTAINERS_RYUK_DISABLED'] = 'true';
  console.log(`[testcontainers] Ryuk's image ${ryuk} is not here: Ryuk disabled; containers are removed by the tests.`);
}
