import type { ValueCodec } from './value-codec.ts';

/**
 * Tombstones: records whose value is null. On a compacted topic a tombstone means "forget
 * this key": compaction later removes every earlier record with the key, then the
 * tombstone itself. It has no content, so the key is all it says: an event on a topic with
 * this codec IS its key (a string). Writing drops it to a null value; reading takes it
 * back from the record key.
 */
export const nullCodec: ValueCodec = {
  name: 'null',
  contentType: null,

  encode() {
    return null;
  },

  decode(value, { key }) {
    if (value !== null) {
      return { ok: false, reason: `a tombstone (null value) was expected, got ${value.length} bytes` };
    }
    if (key === null) {
      return { ok: false, reason: 'a tombstone without a key says nothing' };
    }
    return { ok: true, value: key };
  },
};
