-- CANCELLED: an order cancelled before the inventory saw it placed (its OrderPlacedEvent was
-- dead-lettered, say). The row remembers the cancel, so a placement replayed later is refused
-- instead of reserving stock for a cancelled order for ever. See domain/settle-reservation.ts.
ALTER TABLE reservations DROP CONSTRAINT IF EXISTS reservations_status_check;
ALTER TABLE reservations
  ADD CONSTRAINT reservations_status_check CHECK (status IN ('HELD', 'FAILED', 'RELEASED', 'SHIPPED', 'CANCELLED'));
