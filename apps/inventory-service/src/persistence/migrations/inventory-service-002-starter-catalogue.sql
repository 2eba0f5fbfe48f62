-- The products a new inventory starts with (runs once, at the first start, like every
-- migration). Restock with PUT /inventory/:sku. Two items are nearly sold out on purpose,
-- so a rejected order is one curl away.
INSERT INTO stock (sku, name, on_hand) VALUES
  ('BOOK-1', 'Designing Data-Intensive Applications', 120),
  ('BOOK-2', 'Kafka: The Definitive Guide', 80),
  ('BOOK-3', 'Enterprise Integration Patterns', 40),
  ('PEN-7', 'Fountain pen, blue', 300),
  ('PEN-8', 'Fountain pen, black', 250),
  ('INK-1', 'Ink cartridges, 6 pack', 500),
  ('NOTE-1', 'Notebook, dotted A5', 400),
  ('NOTE-2', 'Notebook, squared A4', 150),
  ('MUG-1', 'Mug "acks=all"', 60),
  ('MUG-2', 'Mug "exactly once"', 3),
  ('SHIRT-S', 'T-shirt "Keep calm and rebalance", S', 35),
  ('SHIRT-M', 'T-shirt "Keep calm and rebalance", M', 50),
  ('SHIRT-L', 'T-shirt "Keep calm and rebalance", L', 45),
  ('STICKER-1', 'Sticker pack, partitions', 1000),
  ('STICKER-2', 'Sticker pack, brokers', 1000),
  ('CABLE-1', 'USB-C cable, 1 m', 200),
  ('HUB-1', 'USB-C hub, 7 ports', 25),
  ('LAMP-1', 'Desk lamp', 30),
  ('CHAIR-1', 'Office chair', 1),
  ('DESK-1', 'Standing desk', 0)
ON CONFLICT (sku) DO NOTHING;
