import { PlaceOrderRequest } from './order-schemas.ts';

const valid = {
  customerId: '0195f0a0-0000-7000-8000-000000000002',
  email: 'ada@example.com',
  items: [{ sku: 'A', quantity: 1 }],
};

describe('PlaceOrderRequest', () => {
  it('accepts a valid order', () => {
    expect(PlaceOrderRequest.parse(valid)).toEqual(valid);
  });

  it('names the second line of a sku that appears twice', () => {
    const result = PlaceOrderRequest.safeParse({
      ...valid,
      items: [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 1 },
        { sku: 'A', quantity: 2 },
      ],
    });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['items', 2, 'sku'],
        message: expect.stringContaining('"A" appears more than once'),
      }),
    ]);
  });

  it('refuses unknown fields at every level', () => {
    const result = PlaceOrderRequest.safeParse({ ...valid, coupon: 'X', items: [{ sku: 'A', quantity: 1, price: 3 }] });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining([[], ['items', 0]]));
  });
});
