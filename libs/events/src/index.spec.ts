import * as events from './index.ts';

describe('@orderflow/events public API', () => {
  it('exports the contracts: events, catalogue, codecs, envelope and errors', () => {
    expect(Object.keys(events)).toEqual(
      expect.arrayContaining([
        'OrderPlacedEvent',
        'StockReservationFailedEvent',
        'eventCatalogue',
        'checkEventName',
        'ordersTopic',
        'inventoryTopic',
        'topics',
        'deadLetterTopicName',
        'jsonCodec',
        'avroCodec',
        'stringCodec',
        'nullCodec',
        'eventToMessage',
        'recordToEvent',
        'headerNames',
        'OrderflowError',
        'EventDecodeError',
        'EventTooLargeError',
      ]),
    );
  });

  it('no longer has the placeholder export', () => {
    expect(events).not.toHaveProperty('packageName');
  });
});
