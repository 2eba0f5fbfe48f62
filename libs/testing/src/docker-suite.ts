import { checkDockerEngine } from '@orderflow/kafka-cluster';

/**
 * `describe` for the suites that need a Docker engine (the compose e2e, the testcontainers
 * mode). Where no engine answers their tests are not registered: one test says why, so `npm test`
 * passes on a machine without Docker. With ORDERFLOW_REQUIRE_DOCKER=1 (CI sets it) a missing
 * engine fails the suite instead: there, a skip would hide that the Docker path was never run.
 */
export function describeWithDocker(name: string, suite: () => void): void {
  const engine = checkDockerEngine();
  if (engine.answers) {
    describe(name, suite);
    return;
  }
  if (process.env['ORDERFLOW_REQUIRE_DOCKER'] === '1') {
    describe(name, () => {
      it('needs a Docker engine (ORDERFLOW_REQUIRE_DOCKER=1)', () => {
        throw new Error(`ORDERFLOW_REQUIRE_DOCKER=1, but ${engine.detail}`);
      });
    });
    return;
  }
  // Not a skipped test (which proves nothing and hides in the counts): one test that records,
  // and checks, why the suite's own tests were not registered here.
  console.warn(`Not running "${name}": ${engine.detail}. Start Docker to run it.`);
  describe(name, () => {
    it('is left out because no Docker engine answers on this machine', () => {
      expect(checkDockerEngine().answers).toBe(false);
    });
  });
}
