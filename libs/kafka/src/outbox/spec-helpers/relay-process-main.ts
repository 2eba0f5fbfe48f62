// The process started by relay-process.ts: one outbox relay on the given database and the test cluster.
import { createPool } from '@orderflow/service';
import { testKafka } from '@orderflow/testing';
import { createOutboxRelay } from '../outbox-relay.ts';

const pool = createPool({
  connectionString: process.env['RELAY_DATABASE_URL'] ?? '',
  applicationName: 'relay-process',
  max: 2,
});
const relay = createOutboxRelay({
  pool,
  kafka: await testKafka('relay-process'),
  leaderTimeoutMs: Number(process.env['RELAY_LEADER_TIMEOUT_MS']),
  pollIntervalMs: 500,
  standbyIntervalMs: 300,
});
await relay.start();

process.on('message', (message) => {
  if (message === 'status') process.send?.(relay.status());
  if (message === 'stop') {
    void relay
      .stop()
      .then(() => pool.end())
      .finally(() => process.exit(0));
  }
});
