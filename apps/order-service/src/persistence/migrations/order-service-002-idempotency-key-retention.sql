-- Idempotency keys are kept for the retry window only (idempotency-key-retention.ts): this
-- index lets the retention job find the expired ones without reading the whole table.
CREATE INDEX IF NOT EXISTS order_idempotency_keys_created_at ON order_idempotency_keys (created_at);
