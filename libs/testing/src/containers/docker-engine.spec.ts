import type { ContainerRuntimeClient } from 'testcontainers';
import { connect, DockerNeededError } from './docker-engine.ts';

describe('connecting to the Docker engine for the testcontainers mode', () => {
  it('fails with a DockerNeededError that says Docker is needed when no engine is found', async () => {
    const noEngine = () => Promise.reject(new Error('Could not find a working container runtime strategy'));

    const error = await connect(noEngine).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DockerNeededError);
    expect((error as Error).message).toMatch(/ORDERFLOW_TEST_CLUSTER=testcontainers needs a Docker engine/);
    expect((error as Error).message).toMatch(/Could not find a working container runtime strategy/);
  });

  it('gives up after the timeout when the engine never answers, instead of hanging the run', async () => {
    const silentEngine = () => new Promise<ContainerRuntimeClient>(() => {});

    const error = await connect(silentEngine, 50).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DockerNeededError);
    expect((error as Error).message).toMatch(/no answer within 0.05 s/);
  });
});
