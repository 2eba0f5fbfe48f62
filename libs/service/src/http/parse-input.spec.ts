import { z } from 'zod';
import { ValidationError } from '../errors/domain-errors.ts';
import { parseBody, parseQuery } from './parse-input.ts';

const PlaceOrder = z.object({
  customerId: z.string().min(1),
  items: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })).min(1),
});

function validationErrorOf(attempt: () => unknown): ValidationError {
  try {
    attempt();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseBody', () => {
  it('returns the parsed body when it is valid', () => {
    const body = { customerId: 'c-1', items: [{ sku: 'SKU-1', quantity: 2 }], extra: true };

    expect(parseBody(PlaceOrder, body)).toEqual({ customerId: 'c-1', items: [{ sku: 'SKU-1', quantity: 2 }] });
  });

  it('names every bad field with its path and JSON pointer', () => {
    const error = validationErrorOf(() => parseBody(PlaceOrder, { items: [{ sku: 'SKU-1', quantity: 0 }] }));

    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.retriable).toBe(false);
    expect(error.errors).toEqual([
      { path: 'customerId', pointer: '#/customerId', detail: expect.any(String) },
      { path: 'items.0.quantity', pointer: '#/items/0/quantity', detail: expect.stringContaining('>0') },
    ]);
  });

  it('points at the whole body when it is not an object at all', () => {
    const error = validationErrorOf(() => parseBody(PlaceOrder, undefined));

    expect(error.errors).toEqual([{ path: '', pointer: '#', detail: expect.any(String) }]);
  });

  it('escapes / and ~ inside a key as RFC 6901 says', () => {
    const error = validationErrorOf(() => parseBody(z.object({ 'a/b~c': z.string() }), {}));

    expect(error.errors[0]?.pointer).toBe('#/a~1b~0c');
  });
});

describe('parseQuery', () => {
  it('validates query parameters the same way', () => {
    const schema = z.object({ status: z.enum(['PENDING', 'CONFIRMED']).optional() });

    expect(parseQuery(schema, { status: 'PENDING' })).toEqual({ status: 'PENDING' });
    expect(validationErrorOf(() => parseQuery(schema, { status: 'LOST' })).errors[0]?.path).toBe('status');
  });
});
