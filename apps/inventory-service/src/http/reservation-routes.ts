import { OrderId } from '@orderflow/events';
import { NotFoundError, parseQuery } from '@orderflow/service';
import { Router } from 'express';
import { z } from 'zod';
import type { StockQueries } from '../domain/inventory-ports.ts';

const OrderIdParameters = z.strictObject({ orderId: OrderId });

/** What the inventory did for an order: HELD, FAILED (with reasons), RELEASED or SHIPPED. */
export function reservationRoutes({ queries }: { queries: StockQueries }): Router {
  const router = Router();
  router.get('/reservations/:orderId', async (request, response) => {
    const { orderId } = parseQuery(OrderIdParameters, request.params);
    const reservation = await queries.findReservation(orderId);
    if (!reservation)
      throw new NotFoundError(`The inventory has seen no order ${orderId}.`, { code: 'RESERVATION_NOT_FOUND' });
    response.json({
      ...reservation,
      createdAt: reservation.createdAt.toISOString(),
      updatedAt: reservation.updatedAt.toISOString(),
    });
  });
  return router;
}
