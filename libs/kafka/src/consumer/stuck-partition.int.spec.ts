import { createMetrics, createPool, withTransaction } from '@orderflow/service';
import pg from 'pg';
import { consumerTestBed, type InboxTestBed } from '../spec-helpers/consumer-test-bed.ts';
import { orderPlaced, testContext } from '../spec-helpers/order-events.ts';
import { statusReached } from '../spec-helpers/status-reached.ts';
import type { ConsumerRunner } from './consumer-runner.ts';

const stuckGauge = async (metrics: ReturnType<typeof createMetrics>) =>
  (await metrics.registry.getSingleMetric('orderflow_consumer_partitions_stuck')?.get())?.values.map(
    ({ labels, value }) => ({ labels, value }),
  );

describe('a record whose row an open transaction holds', () => {
  let bed: InboxTestBed;

  beforeEach(async () => {
    bed = await consumerTestBed('stuck', {
      inbox: 'CREATE TABLE stock (sku text PRIMARY KEY, reserved int NOT NULL)',
    });
    await bed.db.pool.query(`INSERT INTO stock VALUES ('ada-lamp', 0)`);
  });

  afterEach(() => bed.stop());

  it('marks its partition stuck past the bound, keeps waiting, and moves on once the blocking session is ended', async () => {
    // The service's pool: its statement timeout turns the lock wait into an error (57014).
    const pool = createPool({
      connectionString: bed.db.connectionString,
      applicationName: 'stuck-spec',
      statementTimeoutMs: 500,
      idleInTransactionTimeoutMs: 400,
    });
    // An operator's psql, inside a transaction that holds the row.
    const operator = new pg.Client({ connectionString: bed.db.connectionString, application_name: 'psql' });
    await operator.connect();
    await operator.query('BEGIN');
    await operator.query(`SELECT * FROM stock WHERE sku = 'ada-lamp' FOR UPDATE`);
    const metrics = createMetrics({ serviceName: 'stuck-spec' });
    const { topic } = bed;
    await bed.producer.publish(topic, 'OrderPlacedEvent', orderPlaced(), testContext());

    let runner: ConsumerRunner | undefined;
    try {
      runner = await bed.startRunner(
        () =>
          withTransaction(pool, async (client) => {
            await client.query(`UPDATE stock SET reserved = reserved + 1 WHERE sku = 'ada-lamp'`);
          }),
        undefined,
        { metrics, stuckAfterMs: 2_000, outageBackoff: { initialMs: 100, maxMs: 300 } },
      );
      const stuck = await statusReached(runner, (status) => status.stuck.length === 1, {
        description: 'the partition reported stuck',
      });
      expect(stuck.stuck[0]).toMatchObject({ topic: topic.name, offset: '0', code: 'DATABASE_UNAVAILABLE' });
      expect(await stuckGauge(metrics)).toEqual([{ labels: { topic: topic.name }, value: 1 }]);
      expect(runner.status()).toMatchObject({ processed: 0, deadLettered: 0 });

      // The way out docs/09 describes: find the session that holds locks on the table, end it.
      const { rows } = await bed.db.pool.query<{ pid: number; application_name: string }>(
        `SELECT DISTINCT a.pid, a.application_name FROM pg_locks l JOIN pg_stat_activity a USING (pid)
          WHERE l.relation = 'stock'::regclass AND l.granted AND a.state = 'idle in transaction'`,
      );
      expect(rows.map((row) => row.application_name)).toEqual(['psql']);
      operator.on('error', () => {}); // its connection is ended under it
      await bed.db.pool.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);

      await statusReached(runner, ({ processed, stuck: now }) => processed === 1 && now.length === 0, {
        description: 'the record handled and the partition no longer stuck',
      });
      expect(await stuckGauge(metrics)).toEqual([{ labels: { topic: topic.name }, value: 0 }]);
      expect((await bed.db.pool.query('SELECT reserved FROM stock')).rows).toEqual([{ reserved: 1 }]);
      expect(runner.status().deadLettered).toBe(0);
    } finally {
      await operator.end().catch(() => {});
      // The runner before its pool: a handler must not meet an ended pool.
      await runner?.stop();
      await pool.end();
    }
  });
});
