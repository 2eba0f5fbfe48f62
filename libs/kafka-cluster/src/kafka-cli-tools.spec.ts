import { KAFKA_CLI_TOOLS, withBootstrapServers } from './kafka-cli-tools.ts';

const brokers = ['127.0.0.1:19092', '127.0.0.1:19093'];

describe('the Kafka CLI wrapper', () => {
  it('adds --bootstrap-server for tools that take it', () => {
    expect(withBootstrapServers('kafka-topics', ['--list'], brokers)).toEqual([
      '--bootstrap-server',
      '127.0.0.1:19092,127.0.0.1:19093',
      '--list',
    ]);
  });

  it('keeps an address the caller gave', () => {
    const args = ['--bootstrap-server', 'localhost:9092', '--list'];
    expect(withBootstrapServers('kafka-topics', args, brokers)).toEqual(args);
  });

  it('passes the address to the producer perf test as a producer property', () => {
    expect(
      withBootstrapServers('kafka-producer-perf-test', ['--topic', 't', '--producer-props', 'acks=all'], brokers),
    ).toEqual(['--topic', 't', '--producer-props', 'bootstrap.servers=127.0.0.1:19092,127.0.0.1:19093', 'acks=all']);
    expect(withBootstrapServers('kafka-producer-perf-test', ['--topic', 't'], brokers)).toEqual([
      '--topic',
      't',
      '--producer-props',
      'bootstrap.servers=127.0.0.1:19092,127.0.0.1:19093',
    ]);
  });

  it('adds nothing for kafka-storage, which works on local files', () => {
    expect(withBootstrapServers('kafka-storage', ['random-uuid'], brokers)).toEqual(['random-uuid']);
  });

  it('has kafka-acls, which the secured compose variant grants the access plan with', () => {
    // The offline Kafka image makes /opt/kafka/bin/<name>.sh of every row (tools/offline-images).
    expect(KAFKA_CLI_TOOLS['kafka-acls']).toBe('org.apache.kafka.tools.AclCommand');
    expect(withBootstrapServers('kafka-acls', ['--list'], brokers)).toEqual([
      '--bootstrap-server',
      '127.0.0.1:19092,127.0.0.1:19093',
      '--list',
    ]);
  });
});
