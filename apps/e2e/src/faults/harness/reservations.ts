import { queryOnce } from '@orderflow/service';

/**
 * The orders of `sku` placed before `placedBefore` that inventory-service has not handled yet
 * (no reservation, held or failed): how a scenario sees the consumers make progress.
 */
export async function ordersAwaitingStock(
  databaseUrls: ReadonlyMap<string, string>,
  sku: string,
  placedBefore: Date,
): Promise<number> {
  const placed = await queryOnce<{ id: string }>(
    databaseUrls.get('order-service') ?? '',
    'SELECT id FROM orders WHERE items @> $1::jsonb AND created_at < $2',
    [JSON.stringify([{ sku }]), placedBefore],
  );
  const ids = placed.map((row) => row.id);
  const [handled] = await queryOnce<{ count: number }>(
    databaseUrls.get('inventory-service') ?? '',
    'SELECT count(*)::int AS count FROM reservations WHERE order_id = ANY($1::uuid[])',
    [ids],
  );
  return ids.length - (handled?.count ?? 0);
}
