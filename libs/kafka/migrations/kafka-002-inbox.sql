-- The inbox: which events each consumer group has already handled. A handler's state change
-- and its row here commit together, so an event delivered twice has one effect.
CREATE TABLE IF NOT EXISTS kafka_inbox (
  consumer_group text NOT NULL,
  event_id uuid NOT NULL,
  topic text NOT NULL,
  partition integer NOT NULL,
  record_offset bigint NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_group, event_id)
);
