-- Outbox rows the broker refuses for ever (too large for the topic, an invalid record): the
-- relay moves such a row here, with the broker's reason, instead of retrying it for ever and
-- holding back every row after it. Kept until someone looks: nothing deletes these rows.
CREATE TABLE IF NOT EXISTS kafka_outbox_dead_letter (
  outbox_id bigint PRIMARY KEY,
  topic text NOT NULL,
  message_key text NOT NULL,
  event_type text NOT NULL,
  event_id uuid NOT NULL UNIQUE,
  value bytea,
  headers jsonb NOT NULL,
  record_timestamp bigint NOT NULL,
  created_at timestamptz NOT NULL,
  reason text NOT NULL,
  dead_lettered_at timestamptz NOT NULL DEFAULT now()
);
