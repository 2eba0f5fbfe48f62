import { planStack, startStack, type Stack } from '@orderflow/dev-stack';
import { createPool, findFreePort } from '@orderflow/service';
import type pg from 'pg';

export type BenchStack = {
  readonly stack: Stack;
  /** How long the services took from launch to all answering /ready (the cluster already up). */
  readonly readyMs: number;
  readonly orderServiceUrl: string;
  /** The console (apps/console), as npm start runs it: its URL and process id, to measure what it costs. */
  readonly consoleUrl: string;
  readonly consolePid: number;
  /** The databases of order-service and inventory-service, for the services' own timestamps. */
  readonly orders: pg.Pool;
  readonly inventory: pg.Pool;
  /** A consumer's records handled so far (processed and duplicates), from its GET /status. */
  handled(app: 'order-service' | 'inventory-service' | 'notification-service'): Promise<number>;
  stop(): Promise<void>;
};

/**
 * The system as `npm start` runs it (a process per service and the console, embedded PostgreSQL) on free
 * ports, so the bench never takes the dev ports, with `skus` products of unlimited stock.
 */
export async function startBenchStack(
  brokers: readonly string[],
  skus: readonly string[],
  output: (line: string) => void,
): Promise<BenchStack> {
  const ports = new Map<string, number>();
  const shape = { inventory: 1, notification: 1, console: true };
  for (const spec of planStack(shape)) ports.set(spec.app, await findFreePort());
  const processes = planStack(shape, (app) => ports.get(app) ?? 0);
  const started = performance.now();
  const stack = await startStack({ processes, brokers, output, logLevel: 'warn' });
  const readyMs = performance.now() - started;
  // createPool, as the services make theirs: an idle connection that breaks is logged, not fatal.
  const benchPool = (app: string) =>
    createPool({ connectionString: stack.databaseUrls.get(app) ?? '', applicationName: 'bench', max: 2 });
  const orders = benchPool('order-service');
  const inventory = benchPool('inventory-service');
  await inventory.query(
    `INSERT INTO stock (sku, name, on_hand) SELECT sku, sku, 1000000000 FROM unnest($1::text[]) AS sku ON CONFLICT (sku) DO NOTHING`,
    [skus],
  );
  return {
    stack,
    readyMs,
    orderServiceUrl: stack.process('order-service').url,
    consoleUrl: stack.process('console').url,
    consolePid: stack.process('console').pid,
    orders,
    inventory,
    async handled(app) {
      const response = await fetch(`${stack.process(app).url}/status`);
      const status = (await response.json()) as { consumer: { processed: number; duplicates: number } };
      return status.consumer.processed + status.consumer.duplicates;
    },
    async stop() {
      await orders.end();
      await inventory.end();
      await stack.stop();
    },
  };
}
