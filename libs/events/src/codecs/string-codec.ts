import { decodeUtf8 } from './utf8.ts';
import type { ValueCodec } from './value-codec.ts';

/** The value is one plain UTF-8 string: for events whose whole content is a text. */
export const stringCodec: ValueCodec = {
  name: 'string',
  contentType: 'text/plain', // always UTF-8 here

  encode(event, { eventType }) {
    if (typeof event !== 'string') {
      throw new TypeError(`${eventType}: the string codec writes strings only, got ${typeof event}`);
    }
    return Buffer.from(event, 'utf8');
  },

  decode(value) {
    if (value === null) {
      return { ok: false, reason: 'the value is null (a tombstone), but text was expected' };
    }
    const text = decodeUtf8(value);
    return text.ok ? { ok: true, value: text.text } : { ok: false, reason: 'the value is not UTF-8 text' };
  },
};
