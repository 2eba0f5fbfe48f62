import { OrderflowError } from './orderflow-error.ts';

/**
 * An encoded event is bigger than its topic accepts (`max.message.bytes`). Raised before
 * the broker would reject it, and never retriable: the event would not shrink by waiting.
 */
export class EventTooLargeError extends OrderflowError {
  readonly eventType: string;
  readonly sizeBytes: number;
  readonly limitBytes: number;

  constructor(eventType: string, topic: string, sizeBytes: number, limitBytes: number) {
    super(
      `${eventType} is ${sizeBytes} bytes encoded, but topic ${topic} accepts at most ${limitBytes} bytes ` +
        '(max.message.bytes). Keep events small: send a link to large content, not the content.',
      { code: 'event-too-large', retriable: false },
    );
    this.eventType = eventType;
    this.sizeBytes = sizeBytes;
    this.limitBytes = limitBytes;
  }
}
