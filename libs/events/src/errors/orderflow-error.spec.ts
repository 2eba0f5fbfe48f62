import { EventDecodeError } from './event-decode-error.ts';
import { EventTooLargeError } from './event-too-large-error.ts';
import { InvalidEventError } from './invalid-event-error.ts';
import { OrderflowError } from './orderflow-error.ts';

describe('OrderflowError', () => {
  it('carries a code, a retriable flag, a cause and the subclass name', () => {
    const cause = new Error('socket closed');
    const error = new OrderflowError('the handler did not finish in time', {
      code: 'handler-timeout',
      retriable: true,
      cause,
    });

    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'OrderflowError', code: 'handler-timeout', retriable: true, cause });
  });

  it('makes contract errors non-retriable subclasses, so retry logic needs only the flag', () => {
    const errors = [
      new EventDecodeError('missing-header', 'no event-type', { topic: 'orders' }),
      new EventTooLargeError('OrderPlacedEvent', 'orders', 2_000_000, 1_048_588),
      new InvalidEventError('OrderPlacedEvent', 'email: invalid', 'email'),
    ];

    for (const error of errors) {
      expect(error).toBeInstanceOf(OrderflowError);
      expect(error.retriable).toBe(false);
      expect(error.name).toBe(error.constructor.name);
    }
    expect(errors.map((error) => error.code)).toEqual(['missing-header', 'event-too-large', 'invalid-event']);
  });
});
