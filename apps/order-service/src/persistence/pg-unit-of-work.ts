import { eventContextOf, type OrdersTopic } from '@orderflow/events';
import { appendManyToOutbox, type OutboxEntry } from '@orderflow/kafka';
import { withTransaction } from '@orderflow/service';
import type pg from 'pg';
import type { OrderOutbox, OrderOutboxEntry, OrderTransaction, UnitOfWork } from '../domain/order-ports.ts';
import { pgOrderRepository } from './pg-order-store.ts';

/** A transaction's ports, all on one client: state and outbox commit together. */
export function pgTransaction(client: pg.ClientBase, ordersTopic: OrdersTopic): OrderTransaction {
  return {
    orders: pgOrderRepository(client),
    outbox: pgOutbox(client, ordersTopic),
  };
}

export function pgUnitOfWork(pool: pg.Pool, ordersTopic: OrdersTopic): UnitOfWork {
  return { run: (work) => withTransaction(pool, (client) => work(pgTransaction(client, ordersTopic))) };
}

function pgOutbox(client: pg.ClientBase, ordersTopic: OrdersTopic): OrderOutbox {
  const outbox: OrderOutbox = {
    append: (type, event, context) => outbox.appendMany([{ type, event, context } as OrderOutboxEntry]),
    async appendMany(entries) {
      await appendManyToOutbox(
        client,
        ordersTopic,
        entries.map(
          ({ type, event, context }) =>
            ({ type, event, context: eventContextOf(context) }) as OutboxEntry<OrdersTopic['events']>,
        ),
      );
    },
  };
  return outbox;
}
