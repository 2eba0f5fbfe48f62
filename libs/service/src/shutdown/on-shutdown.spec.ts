import { EventEmitter } from 'node:events';
import { createLogger } from '../logger/create-logger.ts';
import { onShutdown } from './on-shutdown.ts';

function setup(timeoutMs = 1_000) {
  const signals = new EventEmitter();
  const exits: number[] = [];
  let exited: (code: number) => void = () => {};
  const firstExit = new Promise<number>((resolve) => (exited = resolve));
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    serviceName: 'order-service',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  const shutdown = onShutdown({
    logger,
    signalSource: signals,
    exit: (code) => {
      exits.push(code);
      exited(code);
    },
    timeoutMs,
  });
  return { signals, exits, firstExit, lines, shutdown };
}

describe('onShutdown', () => {
  it('on SIGTERM stops everything in reverse order of registration, then exits 0', async () => {
    const { signals, exits, lines, shutdown } = setup();
    const stopped: string[] = [];
    shutdown.register('database pool', () => void stopped.push('database pool'));
    shutdown.register('outbox relay', async () => void stopped.push('outbox relay'));
    shutdown.register('http server', async () => void stopped.push('http server'));

    signals.emit('SIGTERM');
    await shutdown.shutdown('test');

    expect(stopped).toEqual(['http server', 'outbox relay', 'database pool']);
    expect(exits).toEqual([0]);
    expect(lines.map((line) => line['msg'])).toEqual([
      'shutting down',
      'http server stopped',
      'outbox relay stopped',
      'database pool stopped',
      'shutdown complete',
    ]);
    expect(lines[0]).toMatchObject({ reason: 'SIGTERM' });
  });

  it('keeps stopping the rest when one stop() fails, and exits 1', async () => {
    const { exits, shutdown } = setup();
    const stopped: string[] = [];
    shutdown.register('database pool', () => void stopped.push('database pool'));
    shutdown.register('consumer', () => {
      throw new Error('broker gone');
    });

    await shutdown.shutdown('SIGINT');

    expect(stopped).toEqual(['database pool']);
    expect(exits).toEqual([1]);
  });

  it('runs once, however often it is asked', async () => {
    const { exits, shutdown } = setup();
    let stops = 0;
    shutdown.register('http server', () => void stops++);

    await Promise.all([shutdown.shutdown('SIGTERM'), shutdown.shutdown('SIGTERM')]);

    expect(stops).toBe(1);
    expect(exits).toEqual([0]);
  });

  it('exits 1 at once on a second signal during the shutdown', async () => {
    const { signals, exits, shutdown } = setup();
    let release: () => void = () => {};
    shutdown.register('slow consumer', () => new Promise<void>((resolve) => (release = resolve)));

    signals.emit('SIGINT');
    signals.emit('SIGINT');

    expect(exits).toEqual([1]);
    release();
    await shutdown.shutdown('SIGINT');
  });

  it('exits 1 when a stop() hangs past the timeout', async () => {
    const { firstExit, shutdown } = setup(50);
    let release: () => void = () => {};
    shutdown.register('stuck', () => new Promise<void>((resolve) => (release = resolve)));

    const done = shutdown.shutdown('SIGTERM');

    expect(await firstExit).toBe(1);
    release();
    await done;
  });
});
