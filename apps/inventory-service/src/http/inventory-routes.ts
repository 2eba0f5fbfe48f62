import { parseBody, parseQuery } from '@orderflow/service';
import { Router } from 'express';
import type { StockQueries } from '../domain/inventory-ports.ts';
import { getStockItem, restock } from '../domain/read-stock.ts';
import { RestockRequest, SkuParameters } from './inventory-schemas.ts';
import { toStockResponse } from './stock-response.ts';

/** The REST API of the stock: parse, call the use case, map the result. */
export function inventoryRoutes({ queries }: { queries: StockQueries }): Router {
  const router = Router();

  router.get('/inventory', async (_request, response) => {
    response.json({ items: (await queries.list()).map(toStockResponse) });
  });

  router.get('/inventory/:sku', async (request, response) => {
    const { sku } = parseQuery(SkuParameters, request.params);
    response.json(toStockResponse(await getStockItem(queries, sku)));
  });

  router.put('/inventory/:sku', async (request, response) => {
    const { sku } = parseQuery(SkuParameters, request.params);
    const { quantity, name } = parseBody(RestockRequest, request.body);
    response.json(toStockResponse(await restock(queries, sku, quantity, name)));
  });

  return router;
}
