-- The transactional outbox: a service writes its state change and the events it causes in
-- one database transaction; the outbox relay publishes the rows to Kafka afterwards, in id
-- order, and marks them sent. A rolled-back transaction leaves no row, so no event.
CREATE TABLE IF NOT EXISTS kafka_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic text NOT NULL,
  message_key text NOT NULL,
  event_type text NOT NULL,
  -- Kept with the row, so a re-sent row keeps its id and consumers can drop the duplicate.
  event_id uuid NOT NULL UNIQUE,
  -- The message exactly as it goes to Kafka: encoded and validated when it was written.
  value bytea,
  headers jsonb NOT NULL,
  record_timestamp bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);

-- The relay's only question, "what is not sent yet, oldest first", reads this small index.
CREATE INDEX IF NOT EXISTS kafka_outbox_unsent ON kafka_outbox (id) WHERE sent_at IS NULL;
