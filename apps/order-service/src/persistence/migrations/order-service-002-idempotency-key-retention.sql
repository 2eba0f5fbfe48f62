-- orderflow:no-transaction
-- Idempotency keys are kept for the retry window only (idempotency-key-retention.ts): this
-- index lets the retention job find the expired ones without reading the whole table.
-- Built CONCURRENTLY: on a table that grew before retention existed, a plain CREATE INDEX would
-- block every POST /orders until it finished. An interrupted concurrent build leaves an INVALID
-- index, which IF NOT EXISTS would keep, so the index is dropped first.
DROP INDEX CONCURRENTLY IF EXISTS order_idempotency_keys_created_at;
CREATE INDEX CONCURRENTLY order_idempotency_keys_created_at ON order_idempotency_keys (created_at);
