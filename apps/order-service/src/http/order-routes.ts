import { randomUUID } from 'node:crypto';
import { currentCorrelationId, fieldErrors, parseBody, parseQuery, ValidationError } from '@orderflow/service';
import { Router, type Request } from 'express';
import { cancelOrder, shipOrder } from '../domain/change-order.ts';
import type { ActionContext, OrderPlacement, OrderQueries, UnitOfWork } from '../domain/order-ports.ts';
import { placeOrder } from '../domain/place-order.ts';
import { getOrder, listOrders } from '../domain/read-orders.ts';
import { toOrderResponse } from './order-response.ts';
import {
  IdempotencyKey,
  ListOrdersQuery,
  OrderIdParameters,
  PlaceOrderRequest,
  ShipOrderRequest,
} from './order-schemas.ts';

export const idempotencyKeyHeader = 'Idempotency-Key';

/** The REST API of orders: parse, call the use case, map the result. */
export function orderRoutes({
  unitOfWork,
  placement,
  queries,
}: {
  unitOfWork: UnitOfWork;
  placement: OrderPlacement;
  queries: OrderQueries;
}): Router {
  const router = Router();

  router.post('/orders', async (request, response) => {
    const input = parseBody(PlaceOrderRequest, request.body);
    const { order, replayed } = await placeOrder(
      { placement, queries },
      input,
      actionContext(),
      idempotencyKeyOf(request),
    );
    // A replay answers 200 with the first order: nothing was created this time.
    response
      .status(replayed ? 200 : 201)
      .location(`/orders/${order.id}`)
      .json(toOrderResponse(order));
  });

  router.get('/orders', async (request, response) => {
    const query = parseQuery(ListOrdersQuery, request.query);
    const page = await listOrders(queries, query);
    response.json({
      orders: page.orders.map(toOrderResponse),
      limit: query.limit,
      offset: query.offset,
      nextOffset: page.nextOffset,
    });
  });

  router.get('/orders/:id', async (request, response) => {
    const { id } = parseQuery(OrderIdParameters, request.params);
    response.json(toOrderResponse(await getOrder(queries, id)));
  });

  router.post('/orders/:id/ship', async (request, response) => {
    const { id } = parseQuery(OrderIdParameters, request.params);
    const shipment = parseBody(ShipOrderRequest, request.body ?? {});
    response.json(toOrderResponse(await shipOrder(unitOfWork, id, shipment, actionContext())));
  });

  router.post('/orders/:id/cancel', async (request, response) => {
    const { id } = parseQuery(OrderIdParameters, request.params);
    response.json(toOrderResponse(await cancelOrder(unitOfWork, id, actionContext())));
  });

  return router;
}

/** The request's correlation id (the HTTP shell sets one for every request) goes into the events. */
function actionContext(): ActionContext {
  return { correlationId: currentCorrelationId() ?? randomUUID(), now: new Date() };
}

function idempotencyKeyOf(request: Request): string | undefined {
  const value = request.get(idempotencyKeyHeader);
  if (value === undefined) return undefined;
  const parsed = IdempotencyKey.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors = fieldErrors(parsed.error).map((error) => ({ ...error, path: idempotencyKeyHeader, pointer: '#' }));
  throw new ValidationError(`The ${idempotencyKeyHeader} header is invalid`, errors);
}
