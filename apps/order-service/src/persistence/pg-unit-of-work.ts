import type { OrdersTopic } from '@orderflow/events';
import { outboxOf } from '@orderflow/kafka';
import { withTransaction } from '@orderflow/service';
import type pg from 'pg';
import type { OrderTransaction, UnitOfWork } from '../domain/order-ports.ts';
import { pgOrderRepository } from './pg-order-store.ts';

/** A transaction's ports, all on one client: state and outbox commit together. */
export function pgTransaction(client: pg.ClientBase, ordersTopic: OrdersTopic): OrderTransaction {
  return {
    orders: pgOrderRepository(client),
    outbox: outboxOf(client, ordersTopic),
  };
}

export function pgUnitOfWork(pool: pg.Pool, ordersTopic: OrdersTopic): UnitOfWork {
  return { run: (work) => withTransaction(pool, (client) => work(pgTransaction(client, ordersTopic))) };
}
