import kafkajs from 'kafkajs';
import { crashedOnPassingState } from './passing-crash.ts';

// kafkajs is CommonJS: its error classes are found on the default export only.
const { KafkaJSError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded } = kafkajs;

// As kafkajs makes a broker's retriable error answer (a KafkaJSProtocolError is one of these).
const loading = () =>
  new KafkaJSError("The coordinator is loading and hence can't process requests for this group", { retriable: true });

describe('a consumer crash on a passing state of the cluster', () => {
  it('is one kafkajs ran out of retries on, or a retriable error', () => {
    expect(
      crashedOnPassingState(new KafkaJSNumberOfRetriesExceeded(loading(), { retryCount: 5, retryTime: 3_000 })),
    ).toBe(true);
    expect(crashedOnPassingState(loading())).toBe(true);
  });

  it('is not a non-retriable error, nor anything else thrown', () => {
    expect(crashedOnPassingState(new KafkaJSNonRetriableError('Topic authorization failed'))).toBe(false);
    expect(crashedOnPassingState(new Error('a bug'))).toBe(false);
    expect(crashedOnPassingState('a string')).toBe(false);
  });
});
