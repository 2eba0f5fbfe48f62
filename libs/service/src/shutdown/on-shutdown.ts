import type { Logger } from '../logger/create-logger.ts';

export interface ShutdownOptions {
  readonly logger: Logger;
  /** Signals that start the shutdown. SIGTERM: `docker stop`, Kubernetes; SIGINT: Ctrl-C. */
  readonly signals?: readonly NodeJS.Signals[];
  /** After this long, exit with 1 even if a stop() has not finished. */
  readonly timeoutMs?: number;
  /** Only tests replace these two. */
  readonly exit?: (code: number) => void;
  readonly signalSource?: NodeJS.EventEmitter;
}

export interface Shutdown {
  /**
   * Registers something to stop at shutdown. They stop in reverse order of registration: what
   * was started last (the HTTP server, which lets work in) stops first, the pool it uses last.
   */
  register(name: string, stop: () => Promise<unknown> | unknown): void;
  /** Stops everything registered, then exits: 0 when all stopped cleanly, else 1. */
  shutdown(reason: string): Promise<void>;
}

/** For `main.ts`: graceful shutdown on SIGTERM/SIGINT. */
export function onShutdown(options: ShutdownOptions): Shutdown {
  const { logger, signals = ['SIGTERM', 'SIGINT'], timeoutMs = 15_000 } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signalSource = options.signalSource ?? process;
  const stoppables: { name: string; stop: () => Promise<unknown> | unknown }[] = [];
  let running: Promise<void> | undefined;

  async function stopAll(reason: string): Promise<void> {
    logger.info({ reason }, 'shutting down');
    // A stop() that hangs must not keep the process alive for ever.
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out; exiting anyway');
      exit(1);
    }, timeoutMs);
    timer.unref();
    let failed = false;
    for (const { name, stop } of [...stoppables].reverse()) {
      try {
        await stop();
        logger.info({ component: name }, `${name} stopped`); // the name in the message too: a terminal shows only that
      } catch (error) {
        failed = true;
        logger.error({ err: error, component: name }, `${name} failed to stop`);
      }
    }
    clearTimeout(timer);
    logger.info({ exitCode: failed ? 1 : 0 }, 'shutdown complete');
    exit(failed ? 1 : 0);
  }

  const shutdown = (reason: string): Promise<void> => {
    running ??= stopAll(reason);
    return running;
  };

  for (const signal of signals) {
    signalSource.on(signal, () => {
      if (running) {
        // A second Ctrl-C means "now": give up waiting.
        logger.warn({ signal }, 'second signal while shutting down; exiting at once');
        exit(1);
        return;
      }
      void shutdown(signal);
    });
  }

  return {
    register: (name, stop) => {
      stoppables.push({ name, stop });
    },
    shutdown,
  };
}
