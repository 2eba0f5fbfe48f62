import { quantitiesBySku, unavailableLines } from './plan-reservation.ts';
import type { StockItem } from './stock-item.ts';

const item = (sku: string, onHand: number, reserved = 0): [string, StockItem] => [
  sku,
  { sku, name: sku, onHand, reserved, updatedAt: new Date(0) },
];

describe('planning a reservation', () => {
  it('adds up repeated skus and sorts them, so locks are always taken in one order', () => {
    const wanted = quantitiesBySku([
      { sku: 'PEN-7', quantity: 1 },
      { sku: 'BOOK-1', quantity: 2 },
      { sku: 'PEN-7', quantity: 3 },
    ]);

    expect([...wanted]).toEqual([
      ['BOOK-1', 2],
      ['PEN-7', 4],
    ]);
  });

  it('finds nothing unavailable when every line fits what is not reserved yet', () => {
    const stock = new Map([item('BOOK-1', 5, 3), item('PEN-7', 1)]);

    expect(
      unavailableLines(
        new Map([
          ['BOOK-1', 2],
          ['PEN-7', 1],
        ]),
        stock,
      ),
    ).toEqual([]);
  });

  it('names every line that cannot be reserved, with its reason and what is available', () => {
    const stock = new Map([item('BOOK-1', 5, 4), item('PEN-7', 10)]);

    expect(
      unavailableLines(
        new Map([
          ['BOOK-1', 2],
          ['GHOST-1', 1],
          ['PEN-7', 10],
        ]),
        stock,
      ),
    ).toEqual([
      { sku: 'BOOK-1', reason: 'not-enough-stock', requested: 2, available: 1 },
      { sku: 'GHOST-1', reason: 'unknown-sku', requested: 1, available: 0 },
    ]);
  });
});
