import { eventContextOf, type inventoryTopic } from '@orderflow/events';
import { appendToOutbox } from '@orderflow/kafka';
import type pg from 'pg';
import type { InventoryOutbox, InventoryTransaction } from '../domain/inventory-ports.ts';
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
