import type { EventContext, inventoryTopic } from '@orderflow/events';
import { appendToOutbox } from '@orderflow/kafka';
import type pg from 'pg';
import type { ActionContext, InventoryOutbox, InventoryTransaction } from '../domain/inventory-ports.ts';
import { pgReservationRepository, pgStockRepository } from './pg-stock-store.ts';

/** The inventory topic, or a test's copy of it under another name. */
export type InventoryTopic = typeof inventoryTopic;

/** A transaction's ports, all on one client: stock, reservations and outbox commit together. */
export function pgTransaction(client: pg.ClientBase, inventoryTopic: InventoryTopic): InventoryTransaction {
  return {
    stock: pgStockRepository(client),
    reservations: pgReservationRepository(client),
    outbox: pgOutbox(client, inventoryTopic),
  };
}

function pgOutbox(client: pg.ClientBase, inventoryTopic: InventoryTopic): InventoryOutbox {
  return {
    async append(type, event, context) {
      await appendToOutbox(client, inventoryTopic, type, event, eventContextOf(context));
    },
  };
}

/** The action's context as its events carry it: when, and the flow they belong to. */
export function eventContextOf(context: ActionContext): EventContext {
  return {
    occurredAt: context.now,
    correlationId: context.correlationId,
    ...(context.causationId === undefined ? {} : { causationId: context.causationId }),
  };
}
