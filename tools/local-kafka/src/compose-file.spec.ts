import { composeFileWithDefaults } from './compose-file.ts';

describe('docker-compose.yml with its settings at their defaults', () => {
  it('replaces each ${NAME:-default} by its default, as compose does when NAME is unset', () => {
    expect(
      composeFileWithDefaults('image: ${KAFKA_IMAGE:-apache/kafka:4.3.1}\nports: ["${HOST_PORT_KAFKA_1:-9092}:9092"]'),
    ).toBe('image: apache/kafka:4.3.1\nports: ["9092:9092"]');
  });

  it('replaces several settings in one value, an address whose default holds dots among them', () => {
    expect(
      composeFileWithDefaults(
        'ports: ["${BIND_ADDRESS:-127.0.0.1}:${HOST_PORT_KAFKA_1:-9092}:9092", "${BIND_ADDRESS:-127.0.0.1}::3001"]',
      ),
    ).toBe('ports: ["127.0.0.1:9092:9092", "127.0.0.1::3001"]');
  });

  it('leaves the real file with no setting unresolved', () => {
    expect(composeFileWithDefaults()).not.toMatch(/\$\{/);
  });
});
