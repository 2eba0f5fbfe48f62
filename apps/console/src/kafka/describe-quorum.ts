import { Socket } from 'node:net';
import { WireReader, WireWriter } from './kafka-wire.ts';

/**
 * DescribeQuorum (API key 55, KIP-595): who votes in the KRaft metadata quorum, who leads it,
 * how far each voter has replicated the metadata log. kafkajs has no such request, so this
 * file frames it by hand, over a plain TCP socket, as every Kafka request is framed:
 *
 *   int32 size | request header v2 | request body
 *   header v2:  int16 api_key, int16 api_version, int32 correlation_id, string client_id, tagged fields
 *
 * and reads the answer: int32 size | response header v1 (int32 correlation_id, tagged fields) | body.
 * Any broker takes it and forwards it to the active controller, the quorum's leader.
 */
export const describeQuorumApiKey = 55;
/** v1 adds each voter's last fetch and last caught-up times (KIP-836); v2 adds directory ids and endpoints. */
export const describeQuorumVersion = 1;
/** The KRaft metadata log is this one-partition topic. */
export const metadataTopic = '__cluster_metadata';

export type QuorumReplica = {
  readonly replicaId: number;
  readonly logEndOffset: string;
  /** When the replica last fetched from the leader, by the leader's clock; undefined for the leader itself or if unknown. */
  readonly lastFetchTimestamp: number | undefined;
  readonly lastCaughtUpTimestamp: number | undefined;
};

export type QuorumDescription = {
  readonly leaderId: number;
  readonly leaderEpoch: number;
  readonly highWatermark: string;
  readonly voters: readonly QuorumReplica[];
  readonly observers: readonly QuorumReplica[];
};

/** The request's bytes, size prefix included. */
export function describeQuorumRequest(correlationId: number, clientId: string): Buffer {
  const message = new WireWriter()
    // Request header v2 (flexible): the client id keeps its old int16-length string form.
    .int16(describeQuorumApiKey)
    .int16(describeQuorumVersion)
    .int32(correlationId)
    .string(clientId)
    .emptyTaggedFields()
    // Body: Topics [ TopicName, Partitions [ PartitionIndex ] ]
    .compactArray([metadataTopic], (writer, topic) =>
      writer
        .compactString(topic)
        .compactArray([0], (partitionWriter, partition) => partitionWriter.int32(partition).emptyTaggedFields())
        .emptyTaggedFields(),
    )
    .emptyTaggedFields()
    .bytes();
  return Buffer.concat([new WireWriter().int32(message.length).bytes(), message]);
}

/** A response body (after the size prefix) as a quorum description; throws on a Kafka error code. */
export function parseDescribeQuorumResponse(body: Buffer, correlationId: number): QuorumDescription {
  const reader = new WireReader(body);
  const answeredId = reader.int32();
  if (answeredId !== correlationId) throw new Error(`answer to request ${answeredId}, expected ${correlationId}`);
  reader.skipTaggedFields();
  const errorCode = reader.int16();
  if (errorCode !== 0) throw new Error(`DescribeQuorum failed with Kafka error code ${errorCode}`);
  const topics = reader.compactArray((topicReader) => {
    const name = topicReader.compactString();
    const partitions = topicReader.compactArray((partitionReader) => {
      const partition = {
        index: partitionReader.int32(),
        errorCode: partitionReader.int16(),
        leaderId: partitionReader.int32(),
        leaderEpoch: partitionReader.int32(),
        highWatermark: partitionReader.int64().toString(),
        voters: partitionReader.compactArray(readReplica),
        observers: partitionReader.compactArray(readReplica),
      };
      partitionReader.skipTaggedFields();
      return partition;
    });
    topicReader.skipTaggedFields();
    return { name, partitions };
  });
  reader.skipTaggedFields();
  const partition = topics.find((topic) => topic.name === metadataTopic)?.partitions[0];
  if (!partition) throw new Error(`DescribeQuorum answered without ${metadataTopic}`);
  if (partition.errorCode !== 0)
    throw new Error(`DescribeQuorum failed for ${metadataTopic} with Kafka error code ${partition.errorCode}`);
  const { leaderId, leaderEpoch, highWatermark, voters, observers } = partition;
  return { leaderId, leaderEpoch, highWatermark, voters, observers };
}

function readReplica(reader: WireReader): QuorumReplica {
  const replicaId = reader.int32();
  const logEndOffset = reader.int64().toString();
  // -1 means "unknown" on the wire; here it is undefined, so nobody mistakes it for 1970.
  const known = (timestamp: bigint) => (timestamp < 0n ? undefined : Number(timestamp));
  const lastFetchTimestamp = known(reader.int64());
  const lastCaughtUpTimestamp = known(reader.int64());
  reader.skipTaggedFields();
  return { replicaId, logEndOffset, lastFetchTimestamp, lastCaughtUpTimestamp };
}

let nextCorrelationId = 1;

/** Asks one broker (`host:port`) over a new connection; rejects on a refused connection, a timeout or a Kafka error. */
export function describeQuorum(
  broker: string,
  { clientId = 'console', timeoutMs = 2_000 } = {},
): Promise<QuorumDescription> {
  const [host = '', port = ''] = splitAddress(broker);
  const correlationId = nextCorrelationId++;
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let received = Buffer.alloc(0);
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no answer from ${broker} within ${timeoutMs} ms`)));
    socket.once('error', fail);
    // A listener that wants TLS and SASL first (a secured cluster) reads these plaintext bytes
    // as a broken handshake and closes without a word: without this, the promise would wait forever.
    // (After an answer, the rejection is a no-op: a promise settles once.)
    socket.once('close', () =>
      fail(
        new Error(
          `${broker} closed the connection without an answer (a secured listener wants TLS and SASL, which this hand-framed request does not speak)`,
        ),
      ),
    );
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const size = received.readInt32BE(0);
      if (received.length < 4 + size) return;
      socket.end();
      try {
        resolve(parseDescribeQuorumResponse(received.subarray(4, 4 + size), correlationId));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    socket.connect(Number(port), host, () => socket.write(describeQuorumRequest(correlationId, clientId)));
  });
}

/** `host:port` (IPv6 hosts in brackets) → [host, port]. */
function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf(':');
  return [address.slice(0, at).replace(/^\[|\]$/g, ''), address.slice(at + 1)];
}
