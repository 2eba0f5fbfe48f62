-- The customer notifications, one per order event. Files are named `notification-service-…`
-- so they never clash with libs/kafka's `kafka-…` in schema_migrations.
CREATE TABLE IF NOT EXISTS notifications (
  id uuid PRIMARY KEY,
  -- The order in which notifications were recorded: breaks ties between events of one instant.
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  -- The second guard after the inbox: whatever happens, one notification per event.
  event_id uuid NOT NULL UNIQUE,
  event_type text NOT NULL,
  order_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  email text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('order-received', 'order-confirmed', 'order-rejected', 'order-shipped', 'order-cancelled')),
  subject text NOT NULL,
  body text NOT NULL,
  -- When the event happened (its record timestamp); created_at is when it was consumed.
  occurred_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL
);

-- GET /notifications?orderId=… and ?customerId=…, in the order the events happened.
CREATE INDEX IF NOT EXISTS notifications_by_order ON notifications (order_id, occurred_at, seq);
CREATE INDEX IF NOT EXISTS notifications_by_customer ON notifications (customer_id, occurred_at, seq);
