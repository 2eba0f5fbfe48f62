import { setTimeout as delay } from 'node:timers/promises';
import { createLogger } from './create-logger.ts';
import { currentCorrelationId, withCorrelationId } from './correlation-context.ts';

function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    serviceName: 'order-service',
    level: 'debug',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes JSON lines with the level as a word, an ISO time and the service name', () => {
    const { logger, lines } = capturedLogger();

    logger.info({ orderId: 'o-1' }, 'order placed');

    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', service: 'order-service', orderId: 'o-1', msg: 'order placed' }),
    ]);
    expect(new Date(String(lines[0]?.['time'])).toISOString()).toBe(lines[0]?.['time']);
  });

  it('adds the correlation id to every line written inside withCorrelationId, also after awaits', async () => {
    const { logger, lines } = capturedLogger();

    await withCorrelationId('corr-1', async () => {
      logger.info('before await');
      await new Promise((resolve) => setImmediate(resolve));
      logger.info('after await');
      expect(currentCorrelationId()).toBe('corr-1');
    });
    logger.info('outside');

    expect(lines.map((line) => [line['msg'], line['correlationId']])).toEqual([
      ['before await', 'corr-1'],
      ['after await', 'corr-1'],
      ['outside', undefined],
    ]);
  });

  it('keeps concurrent handlers apart: each line carries its own correlation id', async () => {
    const { logger, lines } = capturedLogger();
    const handle = (id: string, delayMs: number) =>
      withCorrelationId(id, async () => {
        await delay(delayMs);
        logger.info(`handled ${id}`);
      });

    await Promise.all([handle('slow', 20), handle('fast', 1)]);

    expect(lines.map((line) => [line['msg'], line['correlationId']])).toEqual([
      ['handled fast', 'fast'],
      ['handled slow', 'slow'],
    ]);
  });
});
