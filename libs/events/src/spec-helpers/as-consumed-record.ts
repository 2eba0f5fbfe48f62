import type { ConsumedRecord, EventMessage } from '../envelope/event-message.ts';

/** A produced message as a kafkajs consumer would hand it back: key and headers as Buffers. */
export function asConsumedRecord(message: EventMessage): ConsumedRecord {
  return {
    key: Buffer.from(message.key),
    value: message.value,
    timestamp: message.timestamp,
    headers: Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, Buffer.from(value)])),
  };
}

/** The same record with some headers replaced (a string) or removed (undefined). */
export function withHeaders(record: ConsumedRecord, changes: Record<string, string | undefined>): ConsumedRecord {
  const headers = { ...record.headers };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete headers[name];
    else headers[name] = Buffer.from(value);
  }
  return { ...record, headers };
}

export const context = { occurredAt: new Date('2026-01-02T03:04:05.678Z'), correlationId: 'request-7' };
