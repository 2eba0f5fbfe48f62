import { getEventListeners } from 'node:events';
import { Kafka, logLevel } from 'kafkajs';
import { silentLogger, type ServiceLogger } from '@orderflow/service';
import { connectToKafka } from './connect-to-kafka.ts';

describe('waiting for Kafka at start-up', () => {
  it('holds at most one abort listener however often it tries, and gives up when aborted', async () => {
    // Port 1 on loopback: nothing listens, every try is refused at once.
    const kafka = new Kafka({
      brokers: ['127.0.0.1:1'],
      clientId: 'connect-spec',
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
    const starting = new AbortController();
    const listenerCounts: number[] = [];
    const logger: ServiceLogger = {
      ...silentLogger,
      warn: () => {
        listenerCounts.push(getEventListeners(starting.signal, 'abort').length);
        if (listenerCounts.length === 20) starting.abort(new Error('stopped while starting'));
      },
    };

    await expect(
      connectToKafka({ kafka, logger, signal: starting.signal, backoff: { initialMs: 1, maxMs: 1 } }),
    ).rejects.toThrow('stopped while starting');

    expect(listenerCounts).toHaveLength(20);
    expect(Math.max(...listenerCounts)).toBeLessThanOrEqual(1);
  });
});
