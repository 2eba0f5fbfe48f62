import { availableOf, type StockItem } from '../domain/stock-item.ts';

/** A product as the API shows it: what can be sold is spelled out, not left to the client. */
export const toStockResponse = (item: StockItem) => ({
  sku: item.sku,
  name: item.name,
  available: availableOf(item),
  reserved: item.reserved,
  onHand: item.onHand,
  updatedAt: item.updatedAt.toISOString(),
});
