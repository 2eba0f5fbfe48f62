import { kafkaEnvironment } from './kafka-environment.ts';

describe('kafkaEnvironment()', () => {
  it('names each property as the apache/kafka image reads it back: . → _, - → __, _ → ___', () => {
    expect(
      kafkaEnvironment({
        'min.insync.replicas': '2',
        'listener.name.internal.ssl.key-password': 'secret',
        'controller.quorum_voters.x': 'y',
      }),
    ).toEqual({
      KAFKA_MIN_INSYNC_REPLICAS: '2',
      KAFKA_LISTENER_NAME_INTERNAL_SSL_KEY__PASSWORD: 'secret',
      KAFKA_CONTROLLER_QUORUM___VOTERS_X: 'y',
    });
  });
});
