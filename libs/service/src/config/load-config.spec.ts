import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config-error.ts';
import { loadConfig } from './load-config.ts';
import { kafkaLoginOf, serviceConfig } from './service-config.ts';

const schema = serviceConfig({ serviceName: 'order-service', port: 3000 });
const validEnv = { KAFKA_BROKERS: '127.0.0.1:19092, 127.0.0.1:19093,kafka-3:9092' };

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfig with the shared service variables', () => {
  it('parses a valid environment, applying defaults and splitting the broker list', () => {
    const config = loadConfig(schema, validEnv);

    expect(config).toEqual({
      SERVICE_NAME: 'order-service',
      PORT: 3000,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      KAFKA_BROKERS: ['127.0.0.1:19092', '127.0.0.1:19093', 'kafka-3:9092'],
      KAFKA_CLIENT_ID: 'order-service',
      DATABASE_POOL_SIZE: 10,
    });
  });

  it('reads every variable that is set', () => {
    const config = loadConfig(schema, {
      ...validEnv,
      SERVICE_NAME: 'order-service-2',
      PORT: '8080',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
      KAFKA_CLIENT_ID: 'orders-2',
      DATABASE_URL: 'postgres://orders:secret@postgres:5432/orders',
      DATABASE_POOL_SIZE: '40',
    });

    expect(config).toMatchObject({
      SERVICE_NAME: 'order-service-2',
      PORT: 8080,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
      KAFKA_CLIENT_ID: 'orders-2',
      DATABASE_POOL_SIZE: 40,
    });
    expect(config.DATABASE_URL).toBe('postgres://orders:secret@postgres:5432/orders');
  });

  it('returns a frozen object, broker list included', () => {
    const config = loadConfig(schema, validEnv);

    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.KAFKA_BROKERS)).toBe(true);
  });

  it('treats an empty variable as unset, so the default applies', () => {
    const config = loadConfig(schema, { ...validEnv, DATABASE_URL: '', PORT: '' });

    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
  });

  it.each([
    ['KAFKA_BROKERS', 'localhost', 'KAFKA_BROKERS: expected a comma-separated list of host:port'],
    [
      'KAFKA_BROKERS',
      '127.0.0.1:19092,,127.0.0.1:19093',
      'KAFKA_BROKERS: expected a comma-separated list of host:port',
    ],
    ['PORT', 'eighty', 'PORT: expected a port number'],
    ['PORT', '70000', 'PORT: expected a port number from 0 to 65535'],
    ['HOST', 'localhost', 'HOST: expected an IP address to listen on'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent'],
    ['DATABASE_URL', 'mysql://db/orders', 'DATABASE_URL: expected a postgres:// URL'],
  ])('names %s when it is %p', (variable, value, problem) => {
    const problems = problemsOf({ ...validEnv, [variable]: value });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  it('says a required variable is missing', () => {
    expect(problemsOf({})).toEqual(['KAFKA_BROKERS: is required']);
  });

  it('names every bad variable in one message, not only the first', () => {
    const attempt = () => loadConfig(schema, { KAFKA_BROKERS: 'nope', PORT: '-1', LOG_LEVEL: 'loud' });

    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^Invalid configuration: /);
    const problems = problemsOf({ KAFKA_BROKERS: 'nope', PORT: '-1', LOG_LEVEL: 'loud' });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['KAFKA_BROKERS', 'LOG_LEVEL', 'PORT']);
  });

  it('lets a service add its own variables to the shared ones', () => {
    const withOwn = schema.extend({ OUTBOX_POLL_MS: z.coerce.number().int().positive().default(200) });

    expect(loadConfig(withOwn, { ...validEnv, OUTBOX_POLL_MS: '50' }).OUTBOX_POLL_MS).toBe(50);
    expect(() => loadConfig(withOwn, { ...validEnv, OUTBOX_POLL_MS: '0' })).toThrow(/OUTBOX_POLL_MS: /);
  });
});

describe('the Kafka login of a secured cluster', () => {
  const login = {
    KAFKA_SASL_USERNAME: 'order-service',
    KAFKA_SASL_PASSWORD: 'pw-123',
    KAFKA_SSL_CA_FILE: import.meta.filename,
  };

  it('is taken when all three variables are given', () => {
    const config = loadConfig(schema, { ...validEnv, ...login });
    expect(kafkaLoginOf(config)).toEqual({
      username: 'order-service',
      password: 'pw-123',
      caFile: import.meta.filename,
    });
    expect(kafkaLoginOf(loadConfig(schema, validEnv))).toBeUndefined();
  });

  it('names the variables that are missing when only some are given', () => {
    expect(problemsOf({ ...validEnv, KAFKA_SASL_USERNAME: 'order-service' })).toEqual([
      expect.stringMatching(/^KAFKA_SASL_PASSWORD: is required with KAFKA_SASL_USERNAME/),
      expect.stringMatching(/^KAFKA_SSL_CA_FILE: is required with KAFKA_SASL_USERNAME/),
    ]);
  });

  it('refuses a password kafkajs and Java would read differently, and a CA file that is not there', () => {
    expect(
      problemsOf({ ...validEnv, ...login, KAFKA_SASL_PASSWORD: 'pässword', KAFKA_SSL_CA_FILE: '/no/such/ca.pem' }),
    ).toEqual([
      expect.stringMatching(/^KAFKA_SASL_PASSWORD: expected a password of printable ASCII/),
      expect.stringMatching(/^KAFKA_SSL_CA_FILE: expected the path of a PEM file that exists/),
    ]);
  });
});

describe('loadConfigOrExit', () => {
  it('ends the process with exit code 1 and one line naming the bad variable', () => {
    // A real process: exiting is the behaviour under test.
    const script = [
      `import { loadConfigOrExit } from ${JSON.stringify(join(import.meta.dirname, 'load-config.ts'))};`,
      `import { serviceConfig } from ${JSON.stringify(join(import.meta.dirname, 'service-config.ts'))};`,
      "loadConfigOrExit(serviceConfig({ serviceName: 'order-service', port: 3000 }));",
      "console.log('still running');",
    ].join('\n');

    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env['PATH'], KAFKA_BROKERS: 'kafka-1' },
      encoding: 'utf8',
    });

    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      'Invalid configuration: KAFKA_BROKERS: expected a comma-separated list of host:port, e.g. 127.0.0.1:19092,127.0.0.1:19093',
    );
  });
});
