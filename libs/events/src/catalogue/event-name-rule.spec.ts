import { checkEventName, isPastTense } from './event-name-rule.ts';

describe('the event name rule: <Noun><PerformedAction>Event, in simple past tense', () => {
  it.each([
    'OrderPlacedEvent',
    'ProductShippedEvent',
    'StockReservationFailedEvent',
    'InvoiceSentEvent',
    'PaymentPaidEvent',
  ])('accepts %s', (name) => {
    expect(checkEventName(name)).toEqual({ ok: true });
  });

  it.each([
    ['PlaceOrderEvent', 'a command: verb first, noun last', '"Order" is not a verb in simple past tense'],
    ['OrderPlace', 'no Event suffix', 'must end with "Event"'],
    ['OrderPlacingEvent', 'a gerund, not past tense', '"Placing" is not a verb in simple past tense'],
    ['OrderCreateEvent', 'present tense', '"Create" is not a verb in simple past tense'],
    ['PlacedEvent', 'no noun', 'needs a noun'],
    ['Event', 'nothing but the suffix', 'needs a noun'],
    ['orderPlacedEvent', 'camelCase', 'must be PascalCase'],
    ['Order_PlacedEvent', 'an underscore', 'must be PascalCase'],
    ['ORDERPlacedEvent', 'an acronym in capitals', 'must be PascalCase'],
  ])('rejects %s (%s)', (name, _why, reason) => {
    const result = checkEventName(name);

    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('knows regular and irregular past tense', () => {
    expect(['Placed', 'Cancelled', 'Shipped', 'Sent', 'Paid', 'Written'].every(isPastTense)).toBe(true);
    expect(['Place', 'Placing', 'Order', 'Send', 'Ed'].some(isPastTense)).toBe(false);
  });
});
