import { createServer, type AddressInfo } from 'node:net';
import { describeQuorum, describeQuorumRequest, parseDescribeQuorumResponse } from './describe-quorum.ts';
import { WireWriter } from './kafka-wire.ts';

describe('DescribeQuorum framed by hand', () => {
  it('is sent as size, request header v2 and body, every compact length written as length + 1', () => {
    const hex = describeQuorumRequest(7, 'console').toString('hex');

    expect(hex).toBe(
      [
        '0000002e', // size: 46 bytes follow
        '0037', // api key 55
        '0001', // api version 1
        '00000007', // correlation id
        '0007', // client id: int16 length 7 ...
        Buffer.from('console').toString('hex'),
        '00', // header tagged fields: none
        '02', // Topics: 1 (+1)
        '13', // TopicName: 18 bytes (+1) ...
        Buffer.from('__cluster_metadata').toString('hex'),
        '02', // Partitions: 1 (+1)
        '00000000', // PartitionIndex 0
        '00', // tagged fields of the partition, the topic, the body
        '00',
        '00',
      ].join(''),
    );
  });

  it("reads the leader, the voters' offsets and fetch times, and -1 as unknown", () => {
    const replica = (writer: WireWriter, [id, offset, fetched]: readonly [number, number, number]) => {
      writer.int32(id);
      for (const value of [offset, fetched, fetched]) writer.int32(value < 0 ? -1 : 0).int32(value);
      writer.emptyTaggedFields();
    };
    const body = new WireWriter()
      .int32(7)
      .emptyTaggedFields()
      .int16(0)
      .compactArray(['__cluster_metadata'], (topic, name) =>
        topic
          .compactString(name)
          .compactArray([0], (partition) =>
            partition
              .int32(0)
              .int16(0)
              .int32(2) // leader
              .int32(5) // epoch
              .int32(0)
              .int32(41) // high watermark
              .compactArray(
                [
                  [1, 41, 1_000],
                  [2, 41, -1],
                ] as const,
                replica,
              )
              .compactArray([], replica)
              .emptyTaggedFields(),
          )
          .emptyTaggedFields(),
      )
      .emptyTaggedFields()
      .bytes();

    expect(parseDescribeQuorumResponse(body, 7)).toEqual({
      leaderId: 2,
      leaderEpoch: 5,
      highWatermark: '41',
      voters: [
        { replicaId: 1, logEndOffset: '41', lastFetchTimestamp: 1_000, lastCaughtUpTimestamp: 1_000 },
        { replicaId: 2, logEndOffset: '41', lastFetchTimestamp: undefined, lastCaughtUpTimestamp: undefined },
      ],
      observers: [],
    });
  });

  it("refuses an answer to another request's correlation id", () => {
    const body = new WireWriter().int32(8).emptyTaggedFields().int16(0).bytes();

    expect(() => parseDescribeQuorumResponse(body, 7)).toThrow('answer to request 8, expected 7');
  });

  it('fails, instead of waiting for ever, when the broker closes the connection without answering', async () => {
    // What a secured (TLS) listener does with plaintext bytes: it closes the connection.
    const server = createServer((socket) => socket.once('data', () => socket.end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await expect(describeQuorum(`127.0.0.1:${port}`, { timeoutMs: 60_000 })).rejects.toThrow(
        'closed the connection without an answer',
      );
    } finally {
      server.close();
    }
  });
});
