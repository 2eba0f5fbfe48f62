import { OrderflowError } from '@orderflow/events';
import { ConflictError, NotFoundError, UnavailableError, ValidationError } from '../errors/domain-errors.ts';
import { HttpError, problemFor, statusFor } from './problem-details.ts';

class OrderNotShippableError extends ConflictError {
  constructor() {
    super('Order o-1 is CANCELLED; only CONFIRMED orders ship.', { code: 'ORDER_STATUS_CONFLICT' });
  }
}

describe('statusFor', () => {
  it.each([
    [new ValidationError('bad', []), 400],
    [new NotFoundError('no order o-1'), 404],
    [new ConflictError('already shipped'), 409],
    [new OrderNotShippableError(), 409],
    [new UnavailableError('database down'), 503],
    [new HttpError(415, 'not JSON', { code: 'UNSUPPORTED_MEDIA_TYPE' }), 415],
    [new OrderflowError('the handler did not finish in time', { code: 'handler-timeout', retriable: true }), 500],
    [new Error('bug'), 500],
  ])('maps %p to %i', (error, status) => {
    expect(statusFor(error)).toBe(status);
  });

  it('maps a service-specific error code given in errorStatuses', () => {
    const error = new OrderflowError('the handler did not finish in time', {
      code: 'handler-timeout',
      retriable: true,
    });

    expect(statusFor(error, { 'handler-timeout': 504 })).toBe(504);
  });
});

describe('problemFor', () => {
  it('describes a domain error with its type, title, status, detail and code', () => {
    expect(problemFor(new OrderNotShippableError(), '/orders/o-1/ship')).toEqual({
      type: 'urn:orderflow:problem:order-status-conflict',
      title: 'Conflict',
      status: 409,
      detail: 'Order o-1 is CANCELLED; only CONFIRMED orders ship.',
      instance: '/orders/o-1/ship',
      code: 'ORDER_STATUS_CONFLICT',
    });
  });

  it('lists the bad fields of a validation error', () => {
    const errors = [{ path: 'email', pointer: '#/email', detail: 'Invalid email address' }];

    expect(problemFor(new ValidationError('The request body is invalid', errors), '/orders')).toMatchObject({
      status: 400,
      title: 'Bad Request',
      errors,
    });
  });

  it('never shows the message of an unexpected error to the caller', () => {
    const problem = problemFor(new Error('connection to 10.0.0.7 refused'), '/orders');

    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL_ERROR', detail: 'An unexpected error occurred.' });
    expect(JSON.stringify(problem)).not.toContain('10.0.0.7');
  });
});
