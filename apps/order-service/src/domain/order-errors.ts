import { ConflictError, NotFoundError } from '@orderflow/service';
import type { Order, OrderStatus } from './order.ts';

export class OrderNotFoundError extends NotFoundError {
  constructor(orderId: string) {
    super(`Order ${orderId} does not exist.`, { code: 'ORDER_NOT_FOUND' });
  }
}

/** The order's current status does not allow the action (HTTP 409). */
export class OrderStatusConflictError extends ConflictError {
  readonly currentStatus: OrderStatus;

  constructor(order: Pick<Order, 'id' | 'status'>, action: string) {
    super(`Order ${order.id} is ${order.status}; it cannot ${action} from that status.`, {
      code: 'ORDER_STATUS_CONFLICT',
    });
    this.currentStatus = order.status;
  }
}

/** An Idempotency-Key already used for a different request body (HTTP 409). */
export class IdempotencyKeyReusedError extends ConflictError {
  constructor(key: string) {
    super(`Idempotency-Key "${key}" was already used with a different request body.`, {
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  }
}
