import pg from 'pg';

async function rows<Row extends pg.QueryResultRow>(
  databaseUrl: string,
  sql: string,
  values: unknown[],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * The orders of `sku` placed before `placedBefore` that inventory-service has not handled yet
 * (no reservation, held or failed): how a scenario sees the consumers make progress.
 */
export async function ordersAwaitingStock(
  databaseUrls: ReadonlyMap<string, string>,
  sku: string,
  placedBefore: Date,
): Promise<number> {
  const placed = await rows<{ id: string }>(
    databaseUrls.get('order-service') ?? '',
    'SELECT id FROM orders WHERE items @> $1::jsonb AND created_at < $2',
    [JSON.stringify([{ sku }]), placedBefore],
  );
  const ids = placed.map((row) => row.id);
  const [handled] = await rows<{ count: number }>(
    databaseUrls.get('inventory-service') ?? '',
    'SELECT count(*)::int AS count FROM reservations WHERE order_id = ANY($1::uuid[])',
    [ids],
  );
  return ids.length - (handled?.count ?? 0);
}
