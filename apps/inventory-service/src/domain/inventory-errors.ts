import { NotFoundError } from '@orderflow/service';

export class StockItemNotFoundError extends NotFoundError {
  constructor(sku: string) {
    super(`Product ${sku} does not exist.`, { code: 'SKU_NOT_FOUND' });
  }
}
