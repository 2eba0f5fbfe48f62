import { StockItemNotFoundError } from './inventory-errors.ts';
import type { StockQueries } from './inventory-ports.ts';
import type { StockItem } from './stock-item.ts';

export async function getStockItem(queries: StockQueries, sku: string): Promise<StockItem> {
  const item = await queries.find(sku);
  if (!item) throw new StockItemNotFoundError(sku);
  return item;
}

/**
 * Restock: what can be sold becomes `available`, whatever is reserved stays reserved (on hand
 * = reserved + available), so a restock never takes units from an order waiting to ship.
 * A sku the inventory does not know yet is added, named `name` (or its sku).
 */
export async function restock(
  queries: StockQueries,
  sku: string,
  available: number,
  name?: string,
): Promise<StockItem> {
  return queries.setAvailable(sku, available, name);
}
