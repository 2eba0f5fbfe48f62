/**
 * The few primitive types of Kafka's binary protocol that DescribeQuorum needs, big-endian as
 * the protocol says. "Compact" types (flexible versions, KIP-482) write lengths as unsigned
 * varints of length + 1, so 0 can mean null; every struct ends with a (here empty) set of
 * tagged fields, itself a varint count.
 */
export class WireWriter {
  readonly #chunks: Buffer[] = [];

  int16(value: number): this {
    const buffer = Buffer.alloc(2);
    buffer.writeInt16BE(value);
    return this.#push(buffer);
  }

  int32(value: number): this {
    const buffer = Buffer.alloc(4);
    buffer.writeInt32BE(value);
    return this.#push(buffer);
  }

  unsignedVarint(value: number): this {
    const bytes: number[] = [];
    let rest = value;
    while (rest >= 0x80) {
      bytes.push((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    bytes.push(rest);
    return this.#push(Buffer.from(bytes));
  }

  /** A non-compact nullable string (int16 length): the request header's client id, even in flexible versions. */
  string(value: string): this {
    const bytes = Buffer.from(value, 'utf8');
    return this.int16(bytes.length).#push(bytes);
  }

  compactString(value: string): this {
    const bytes = Buffer.from(value, 'utf8');
    return this.unsignedVarint(bytes.length + 1).#push(bytes);
  }

  compactArray<T>(items: readonly T[], writeItem: (writer: this, item: T) => void): this {
    this.unsignedVarint(items.length + 1);
    for (const item of items) writeItem(this, item);
    return this;
  }

  /** No tagged fields: a count of 0. */
  emptyTaggedFields(): this {
    return this.unsignedVarint(0);
  }

  bytes(): Buffer {
    return Buffer.concat(this.#chunks);
  }

  #push(buffer: Buffer): this {
    this.#chunks.push(buffer);
    return this;
  }
}

export class WireReader {
  #offset = 0;
  readonly #buffer: Buffer;

  constructor(buffer: Buffer) {
    this.#buffer = buffer;
  }

  int16(): number {
    return this.#advance(2, (at) => this.#buffer.readInt16BE(at));
  }

  int32(): number {
    return this.#advance(4, (at) => this.#buffer.readInt32BE(at));
  }

  /** int64 as a bigint: offsets outgrow a JavaScript number's exact range. */
  int64(): bigint {
    return this.#advance(8, (at) => this.#buffer.readBigInt64BE(at));
  }

  unsignedVarint(): number {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.#advance(1, (at) => this.#buffer.readUInt8(at));
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
      if (shift > 28) throw new Error('malformed varint: longer than 5 bytes');
    }
  }

  /** A compact nullable string: null for a length of 0. */
  compactNullableString(): string | null {
    const lengthPlusOne = this.unsignedVarint();
    if (lengthPlusOne === 0) return null;
    return this.#advance(lengthPlusOne - 1, (at) => this.#buffer.toString('utf8', at, at + lengthPlusOne - 1));
  }

  compactString(): string {
    const value = this.compactNullableString();
    if (value === null) throw new Error('unexpected null string');
    return value;
  }

  compactArray<T>(readItem: (reader: this) => T): T[] {
    const lengthPlusOne = this.unsignedVarint();
    return Array.from({ length: Math.max(0, lengthPlusOne - 1) }, () => readItem(this));
  }

  /** Tagged fields this reader does not know are skipped, as the protocol allows. */
  skipTaggedFields(): void {
    const count = this.unsignedVarint();
    for (let index = 0; index < count; index += 1) {
      this.unsignedVarint(); // tag
      const size = this.unsignedVarint();
      this.#advance(size, () => undefined);
    }
  }

  #advance<T>(size: number, read: (at: number) => T): T {
    if (this.#offset + size > this.#buffer.length)
      throw new Error(`truncated response: needed ${size} bytes at ${this.#offset}`);
    const value = read(this.#offset);
    this.#offset += size;
    return value;
  }
}
