// `fatal: true` rejects bytes that are not UTF-8 instead of replacing them with U+FFFD, so
// binary data (an Avro value, say) fails loudly instead of turning into garbage text.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Buffer): { ok: true; text: string } | { ok: false } {
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    return { ok: false };
  }
}
