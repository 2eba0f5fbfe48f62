import { createServer, type AddressInfo } from 'node:net';
import { LocalKafkaError } from './local-kafka-error.ts';
import { assertPortFree } from './node-process.ts';
import { findJava, findMaven } from './prerequisites.ts';

describe('prerequisites of the local cluster', () => {
  it('finds Java 17 or newer on this machine', () => {
    expect(findJava()).toMatch(/java$/);
  });

  it('says what to install when Java is missing', () => {
    const missingJava = () => findJava({ ...process.env, JAVA_HOME: '/nonexistent-jdk' });
    expect(missingJava).toThrow(LocalKafkaError);
    expect(missingJava).toThrow(
      expect.objectContaining({ hint: expect.stringMatching(/Install a Java 17\+ runtime/) }),
    );
  });

  it('says what to install when Maven is missing', () => {
    const missingMaven = () => findMaven({ ...process.env, PATH: '/nonexistent-bin' });
    expect(missingMaven).toThrow(/Maven \(mvn\) was not found/);
    expect(missingMaven).toThrow(expect.objectContaining({ hint: expect.stringMatching(/Install Apache Maven/) }));
  });

  it('names a port that is already in use', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await expect(assertPortFree(port, 'broker 1')).rejects.toThrow(`Port ${port} (broker 1) is in use`);
    } finally {
      server.close();
    }
  });
});
