import type { OrderItem, UnavailableItem } from '@orderflow/events';
import { availableOf, type StockItem } from './stock-item.ts';

/**
 * The quantity wanted per sku, sorted by sku. An order lists each sku once (the API refuses
 * repeats), but an event from elsewhere might not, so lines of one sku are added up. Sorted,
 * because transactions that lock rows in the same order cannot deadlock each other.
 */
export function quantitiesBySku(items: readonly OrderItem[]): Map<string, number> {
  const wanted = new Map<string, number>();
  for (const { sku, quantity } of [...items].sort((a, b) => a.sku.localeCompare(b.sku))) {
    wanted.set(sku, (wanted.get(sku) ?? 0) + quantity);
  }
  return wanted;
}

/**
 * All or nothing: the lines that cannot be reserved, each with its reason. Empty means every
 * line can be. Pure, so the rule is tested without a database; the caller holds the rows'
 * locks, so the stock it passes cannot change before it acts on the answer.
 */
export function unavailableLines(
  wanted: ReadonlyMap<string, number>,
  stock: ReadonlyMap<string, StockItem>,
): UnavailableItem[] {
  const unavailable: UnavailableItem[] = [];
  for (const [sku, requested] of wanted) {
    const item = stock.get(sku);
    if (!item) {
      unavailable.push({ sku, reason: 'unknown-sku', requested, available: 0 });
    } else if (availableOf(item) < requested) {
      unavailable.push({ sku, reason: 'not-enough-stock', requested, available: availableOf(item) });
    }
  }
  return unavailable;
}
