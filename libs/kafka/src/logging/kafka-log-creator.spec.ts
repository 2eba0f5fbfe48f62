import { logLevel, type LogEntry } from 'kafkajs';
import type { ServiceLogger } from '@orderflow/service';
import { brokerLossQuietMs, kafkaLogCreator, serviceLevelFor } from './kafka-log-creator.ts';

const entry = (level: logLevel, namespace: string, log: Record<string, unknown>): LogEntry => ({
  namespace,
  level,
  label: logLevel[level],
  log: { timestamp: '2026-01-01T00:00:00.000Z', message: '', ...log },
});

describe('kafkajs log lines in the service log', () => {
  it("turn a broker's retriable error answer, a passing state kafkajs asks again about, into debug", () => {
    const answer = (error: string) =>
      entry(logLevel.ERROR, 'Connection', { message: 'Response Metadata(key: 3, version: 6)', error });

    expect(
      serviceLevelFor(
        answer('There is no leader for this topic-partition as we are in the middle of a leadership election'),
      ),
    ).toBe('debug');
    expect(serviceLevelFor(answer("The coordinator is loading and hence can't process requests for this group"))).toBe(
      'debug',
    );
    expect(serviceLevelFor(answer('The group coordinator is not available'))).toBe('debug');
  });

  it("turn CreateTopics's topic errors, which kafkajs sorts out before its caller sees a failure (two services created a topic at once), into debug", () => {
    const exists = entry(logLevel.ERROR, 'Connection', {
      message: 'Response CreateTopics(key: 19, version: 3)',
      error: 'Topic creation errors',
    });

    expect(serviceLevelFor(exists)).toBe('debug');
  });

  it("keep a broker's non-retriable error answer a warning, and a line that says it retries too", () => {
    const refused = entry(logLevel.ERROR, 'Connection', {
      message: 'Response Metadata(key: 3, version: 6)',
      error: 'Not authorized to access topics: [Topic authorization failed]',
    });

    expect(serviceLevelFor(refused)).toBe('warn');
    expect(serviceLevelFor(entry(logLevel.ERROR, 'BrokerPool', { message: 'Connection error', retryCount: 1 }))).toBe(
      'warn',
    );
  });

  it("tell a consumer's crash on a passing state, and kafkajs's restart of it, at INFO; another crash stays a warning", () => {
    const crash = (message: string) =>
      entry(logLevel.ERROR, 'Consumer', { message, groupId: 'g', retryCount: undefined });

    expect(
      serviceLevelFor(
        crash(
          "Crash: KafkaJSProtocolError: The coordinator is loading and hence can't process requests for this group",
        ),
      ),
    ).toBe('info');
    expect(
      serviceLevelFor(
        crash('Crash: KafkaJSNumberOfRetriesExceeded: This is not the correct coordinator for this group'),
      ),
    ).toBe('info');
    expect(
      serviceLevelFor(
        entry(logLevel.ERROR, 'Consumer', { message: 'Restarting the consumer in 100ms', retryTime: 100 }),
      ),
    ).toBe('info');
    expect(
      serviceLevelFor(
        crash('Crash: KafkaJSNonRetriableError: Not authorized to access group: Group authorization failed'),
      ),
    ).toBe('warn');
  });

  it('keep a real crash an error, and other levels as they are', () => {
    expect(serviceLevelFor(entry(logLevel.ERROR, 'Consumer', { message: 'Crash: KafkaJSNonRetriableError' }))).toBe(
      'error',
    );
    expect(serviceLevelFor(entry(logLevel.WARN, 'Consumer', { message: 'x' }))).toBe('warn');
    expect(serviceLevelFor(entry(logLevel.INFO, 'Consumer', { message: 'x' }))).toBe('info');
    expect(serviceLevelFor(entry(logLevel.DEBUG, 'Consumer', { message: 'x' }))).toBe('debug');
  });

  it("quiet kafkajs's warning about the idempotent producer's limited retries, which are deliberate", () => {
    const warning = entry(logLevel.WARN, 'Producer', {
      message: 'Limiting retries for the idempotent producer may invalidate EoS guarantees',
    });

    expect(serviceLevelFor(warning)).toBe('debug');
  });

  it('are written as fields plus the message, tagged as coming from kafkajs', () => {
    const lines: [string, unknown, string | undefined][] = [];
    // A double of pino's level methods: fields first, then the message.
    const record = (level: string) => (fields: unknown, message?: string) => lines.push([level, fields, message]);
    const logger: ServiceLogger = {
      debug: record('debug'),
      info: record('info'),
      warn: record('warn'),
      error: record('error'),
    };

    kafkaLogCreator(logger)(logLevel.INFO)(entry(logLevel.INFO, 'Consumer', { message: 'Starting', groupId: 'g' }));

    expect(lines).toEqual([['info', { component: 'kafkajs', namespace: 'Consumer', groupId: 'g' }, 'Starting']]);
  });

  it("say a broker's lost connection once, as a warning, and its repeats within a minute at debug", () => {
    const lines: [string, string][] = [];
    const record = (level: string) => (_fields: unknown, message?: string) => lines.push([level, String(message)]);
    const logger: ServiceLogger = {
      debug: record('debug'),
      info: record('info'),
      warn: record('warn'),
      error: record('error'),
    };
    let now = 0;
    const write = kafkaLogCreator(logger, () => now)(logLevel.INFO);
    const refused = (broker: string) =>
      entry(logLevel.ERROR, 'Connection', { message: `Connection error: connect ECONNREFUSED ${broker}`, broker });

    write(refused('127.0.0.1:19093'));
    write(refused('127.0.0.1:19093'));
    write(refused('127.0.0.1:19094'));
    now += brokerLossQuietMs;
    write(refused('127.0.0.1:19093'));

    expect(lines.map(([level, message]) => `${level} ${message.split(';')[0]}`)).toEqual([
      'warn lost the connection to broker 127.0.0.1:19093 (Connection error: connect ECONNREFUSED 127.0.0.1:19093)',
      'debug Connection error: connect ECONNREFUSED 127.0.0.1:19093',
      'warn lost the connection to broker 127.0.0.1:19094 (Connection error: connect ECONNREFUSED 127.0.0.1:19094)',
      'warn lost the connection to broker 127.0.0.1:19093 (Connection error: connect ECONNREFUSED 127.0.0.1:19093)',
    ]);
  });
});
