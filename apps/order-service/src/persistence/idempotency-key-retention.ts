import type { RetentionRule } from '@orderflow/service';

/**
 * The retry window: a client may retry `POST /orders` with the same Idempotency-Key for 24 hours
 * and get the first order back. After that the key is deleted, and a request with it places a
 * new order. 24 hours covers a client's retries through any outage this system recovers from
 * by itself, and is the window payment APIs commonly document for the same header.
 */
export const idempotencyKeyRetention: RetentionRule = {
  name: 'idempotency keys',
  table: 'order_idempotency_keys',
  timestampColumn: 'created_at',
  keepMs: 24 * 60 * 60 * 1000,
};
