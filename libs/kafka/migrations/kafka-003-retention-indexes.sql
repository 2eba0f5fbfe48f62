-- orderflow:no-transaction
-- Retention (see outbox-retention.ts, inbox-retention.ts) deletes by age: these indexes let it
-- find the old rows without reading the whole table.
-- Built CONCURRENTLY: the tables grew without bound before retention existed, and a plain
-- CREATE INDEX would block every write to them until it finished. An interrupted concurrent
-- build leaves an INVALID index, which IF NOT EXISTS would keep, so each is dropped first.
DROP INDEX CONCURRENTLY IF EXISTS kafka_outbox_sent_at;
CREATE INDEX CONCURRENTLY kafka_outbox_sent_at ON kafka_outbox (sent_at) WHERE sent_at IS NOT NULL;
DROP INDEX CONCURRENTLY IF EXISTS kafka_inbox_processed_at;
CREATE INDEX CONCURRENTLY kafka_inbox_processed_at ON kafka_inbox (processed_at);
