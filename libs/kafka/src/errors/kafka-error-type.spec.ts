import { kafkaErrorType } from './kafka-error-type.ts';

describe("the broker's error name behind a kafkajs error", () => {
  it('reads the error’s own type, or the type of the error it wraps', () => {
    const refusal = Object.assign(new Error('too large'), { type: 'MESSAGE_TOO_LARGE' });
    expect(kafkaErrorType(refusal)).toBe('MESSAGE_TOO_LARGE');
    expect(kafkaErrorType(new Error('retries exceeded', { cause: refusal }))).toBe('MESSAGE_TOO_LARGE');
  });

  it('is undefined for an error that names none', () => {
    expect(kafkaErrorType(new Error('ECONNREFUSED'))).toBeUndefined();
    expect(kafkaErrorType('a string')).toBeUndefined();
  });
});
