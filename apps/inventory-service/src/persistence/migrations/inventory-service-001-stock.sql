-- Stock per sku and the reservations made for orders. Files are named `inventory-service-…`
-- so they never clash with libs/kafka's `kafka-…` in schema_migrations.
CREATE TABLE IF NOT EXISTS stock (
  sku text PRIMARY KEY,
  name text NOT NULL,
  -- Units in the warehouse, and how many of them are set aside for orders not shipped yet.
  -- What can still be sold is on_hand - reserved; the checks make overselling impossible
  -- even if a bug slipped past the code.
  on_hand integer NOT NULL CHECK (on_hand >= 0),
  reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per order the inventory has seen: its items and what became of them.
-- HELD: reserved; FAILED: could not be reserved (nothing was); RELEASED: back on the shelf
-- after a cancel; SHIPPED: left the warehouse for good.
CREATE TABLE IF NOT EXISTS reservations (
  order_id uuid PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('HELD', 'FAILED', 'RELEASED', 'SHIPPED')),
  items jsonb NOT NULL,
  unavailable_items jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
