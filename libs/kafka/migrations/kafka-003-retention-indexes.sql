-- Retention (see outbox-retention.ts, inbox-retention.ts) deletes by age: these indexes let it
-- find the old rows without reading the whole table.
CREATE INDEX IF NOT EXISTS kafka_outbox_sent_at ON kafka_outbox (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS kafka_inbox_processed_at ON kafka_inbox (processed_at);
