import { listeningLine, serviceEnvironment, stackHost } from './service-environment.ts';

describe("a service's environment under npm start", () => {
  const shell = {
    PATH: '/usr/bin',
    HOME: '/home/ada',
    LC_ALL: 'C.UTF-8',
    HOST: 'ada-laptop', // what tcsh exports
    DATABASE_POOL_SIZE: '200',
    HTTP_BODY_LIMIT: '1b',
    KAFKA_BROKERS: 'prod-kafka:9092',
  };

  it("keeps what Node needs from the shell and none of the shell's service settings", () => {
    expect(serviceEnvironment(shell, { KAFKA_BROKERS: '127.0.0.1:19092', HOST: '127.0.0.1' })).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/ada',
      LC_ALL: 'C.UTF-8',
      KAFKA_BROKERS: '127.0.0.1:19092',
      HOST: '127.0.0.1',
    });
  });

  it('listens on loopback whatever HOST the shell has; ORDERFLOW_HOST opens it, and the banner says so', () => {
    expect(stackHost({ HOST: '0.0.0.0' })).toBe('127.0.0.1');
    expect(listeningLine(stackHost({ HOST: '0.0.0.0' }))).toBe('The services listen on 127.0.0.1 only.');
    expect(stackHost({ ORDERFLOW_HOST: '0.0.0.0' })).toBe('0.0.0.0');
    expect(listeningLine('0.0.0.0')).toMatch(/0\.0\.0\.0 \(ORDERFLOW_HOST\): other machines can reach them/);
  });
});
