import { decodeUtf8 } from './utf8.ts';
import type { ValueCodec } from './value-codec.ts';

/**
 * JSON text never holds control characters other than tab, line feed and carriage return
 * (inside strings they must be escaped), but binary formats such as Avro are full of them.
 * So this tells "not JSON at all" apart from "broken JSON" without guessing.
 */
function holdsControlBytes(bytes: Buffer): boolean {
  return bytes.some((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d);
}

/** The default: the event as UTF-8 JSON text. Readable in any tool, a little larger. */
export const jsonCodec: ValueCodec = {
  name: 'json',
  contentType: 'application/json',

  encode(event) {
    return Buffer.from(JSON.stringify(event), 'utf8');
  },

  decode(value) {
    if (value === null) {
      return { ok: false, reason: 'the value is null (a tombstone), but JSON was expected' };
    }
    if (holdsControlBytes(value)) {
      return { ok: false, reason: 'the value holds binary data, so it is not JSON text (Avro, perhaps?)' };
    }
    const text = decodeUtf8(value);
    if (!text.ok) {
      return { ok: false, reason: 'the value is not UTF-8 text, so it is not JSON' };
    }
    try {
      return { ok: true, value: JSON.parse(text.text) as unknown };
    } catch (error) {
      return { ok: false, reason: `the value is not valid JSON: ${(error as Error).message}` };
    }
  },
};
