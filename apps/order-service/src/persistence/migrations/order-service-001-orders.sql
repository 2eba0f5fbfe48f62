-- Orders and the Idempotency-Keys of the requests that placed them. Files are named
-- `order-service-…` so they never clash with libs/kafka's `kafka-…` in schema_migrations.
CREATE TABLE IF NOT EXISTS orders (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL,
  email text NOT NULL,
  status text NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED', 'SHIPPED', 'CANCELLED')),
  -- Items are always read and written with their order, never queried on their own.
  items jsonb NOT NULL,
  unavailable_items jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- GET /orders?status=…&customerId=…, newest first (ids are UUIDv7, so id order is time order).
CREATE INDEX IF NOT EXISTS orders_by_customer ON orders (customer_id, id DESC);
CREATE INDEX IF NOT EXISTS orders_by_status ON orders (status, id DESC);

CREATE TABLE IF NOT EXISTS order_idempotency_keys (
  idempotency_key text PRIMARY KEY,
  -- sha256 of the request body: the same key with another body is refused.
  request_hash text NOT NULL,
  -- Deferred: the key is claimed first, the order inserted right after, in one transaction.
  order_id uuid NOT NULL REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED,
  created_at timestamptz NOT NULL DEFAULT now()
);
