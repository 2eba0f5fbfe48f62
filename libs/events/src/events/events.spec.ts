import { eventCatalogue, type EventName } from '../catalogue/event-catalogue.ts';
import { formatIssuePath } from '../errors/issue-path.ts';
import { invalidExamples, validExamples } from '../spec-helpers/event-examples.ts';

const eventNames = Object.keys(eventCatalogue) as EventName[];

describe.each(eventNames)('%s', (name) => {
  const { schema } = eventCatalogue[name];

  it('accepts a valid example', () => {
    expect(schema.safeParse(validExamples[name]).success).toBe(true);
  });

  it.each(invalidExamples[name])('rejects an example with $why, pointing at $path', ({ change, path }) => {
    const result = schema.safeParse({ ...validExamples[name], ...change });

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => formatIssuePath(issue.path))).toContain(path);
  });

  it('rejects something that is not an object', () => {
    expect(schema.safeParse('an order').success).toBe(false);
  });
});

describe('the event catalogue', () => {
  it('holds exactly the events of the design', () => {
    expect(eventNames.sort()).toEqual(
      [
        'OrderCancelledEvent',
        'OrderConfirmedEvent',
        'OrderPlacedEvent',
        'OrderRejectedEvent',
        'ProductShippedEvent',
        'StockReleasedEvent',
        'StockReservationFailedEvent',
        'StockReservedEvent',
      ].sort(),
    );
  });
});
