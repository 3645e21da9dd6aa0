/**
 * Bytes -> text for the text formats (spec §1): UTF-8 with or without a BOM,
 * UTF-16 LE/BE with a BOM, otherwise GB18030 when the bytes are not valid
 * UTF-8 (Excel in a Chinese locale). Decoding is incremental; when UTF-8 fails
 * part-way, the whole source is read again as GB18030 by a fresh consumer.
 * `decodeTextStream` hands on strings (JSON); `utf8Stream` hands on UTF-8
 * bytes (CSV), passing valid UTF-8 through untouched and transcoding the rest.
 *
 * @example
 *   const { consumer, encoding } = await utf8Stream(() => chunksOf(bytes), () => csvEvents(...));
 */
import { isUtf8 } from 'node:buffer';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface TextConsumer {
  push(text: string): void;
  end(): void;
}

export interface Utf8Consumer {
  pushBytes(bytes: Uint8Array): void;
  end(): void;
}

/** The source is not text: binary bytes, or neither UTF-8 nor GB18030. */
export class NotTextError extends Error {
  override name = 'NotTextError';
  /** Byte offset of the first offending byte, when known. */
  readonly byteOffset: number | undefined;
  constructor(message: string, byteOffset?: number) {
    super(message);
    this.byteOffset = byteOffset;
  }
}

/** The encoding a byte-order mark announces, if any. */
export function encodingFromBom(head: Uint8Array): TextEncoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The offset of the first NUL byte among the first `limit` bytes, or -1: text exports never hold one. */
export function findNulByte(bytes: Uint8Array, limit = 65_536): number {
  const end = Math.min(bytes.length, limit);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return i;
  return -1;
}

/**
 * Decodes a byte stream into `consumer`s. `open` must be callable again (the
 * GB18030 retry reads the source a second time); `create` makes a fresh consumer.
 */
export async function decodeTextStream<C extends TextConsumer>(
  open: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  create: () => C,
): Promise<{ consumer: C; encoding: TextEncoding }> {
  let consumer = create();
  let encoding: TextEncoding | undefined;
  let decoder: TextDecoder | undefined;
  let notUtf8 = false;
  const decode = (chunk?: Uint8Array): string | undefined => {
    try {
      return chunk ? decoder!.decode(chunk, { stream: true }) : decoder!.decode();
    } catch (error) {
      if (encoding === 'utf-8' && error instanceof TypeError) {
        notUtf8 = true;
        return undefined;
      }
      throw error;
    }
  };
  for await (const chunk of open()) {
    if (chunk.length === 0) continue;
    if (decoder === undefined) {
      encoding = encodingFromBom(chunk);
      if (encoding !== 'utf-16le' && encoding !== 'utf-16be') {
        const nul = findNulByte(chunk);
        if (nul >= 0) throw new NotTextError(`not a text file (a NUL byte at byte ${nul + 1})`, nul);
      }
      // A BOM-less file is tried as UTF-8 first; `fatal` tells us when it is not.
      encoding ??= 'utf-8';
      decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
    }
    const text = decode(chunk);
    if (notUtf8) break;
    consumer.push(text!);
  }
  if (!notUtf8) {
    const rest = decoder ? decode() : '';
    if (!notUtf8) {
      consumer.push(rest!);
      consumer.end();
      return { consumer, encoding: encoding ?? 'utf-8' };
    }
  }
  // Not UTF-8: read everything again as GB18030.
  consumer = create();
  const gb18030 = new TextDecoder('gb18030', { fatal: true });
  try {
    for await (const chunk of open()) consumer.push(gb18030.decode(chunk, { stream: true }));
    consumer.push(gb18030.decode());
  } catch (error) {
    if (error instanceof TypeError) throw new NotTextError('not text in UTF-8, UTF-16 (with a BOM) or GB18030');
    throw error;
  }
  consumer.end();
  return { consumer, encoding: 'gb18030' };
}

/** Checks UTF-8 chunk by chunk; a code point split between chunks is checked with the next one. */
export class Utf8Validator {
  private pending = new Uint8Array(0);

  check(chunk: Uint8Array): boolean {
    let data = chunk;
    if (this.pending.length) {
      data = new Uint8Array(this.pending.length + chunk.length);
      data.set(this.pending);
      data.set(chunk, this.pending.length);
    }
    let cut = data.length;
    for (let back = 1; back <= 3 && back <= data.length; back++) {
      const byte = data[data.length - back]!;
      if ((byte & 0xc0) === 0x80) continue;
      if (byte >= 0xc0) {
        const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
        if (back < needed) cut = data.length - back;
      }
      break;
    }
    if (!isUtf8(data.subarray(0, cut))) return false;
    this.pending = data.slice(cut);
    return true;
  }

  /** Whether the source ended on a whole code point. */
  finish(): boolean {
    return this.pending.length === 0;
  }
}

const encoder = new TextEncoder();

/**
 * Streams a text source into `consumer`s as UTF-8 bytes. Like decodeTextStream,
 * `open` may be called twice (the GB18030 retry) and `create` makes a fresh consumer.
 */
export async function utf8Stream<C extends Utf8Consumer>(
  open: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  create: () => C,
): Promise<{ consumer: C; encoding: TextEncoding }> {
  let consumer = create();
  let encoding: TextEncoding | undefined;
  let transcoder: TextDecoder | undefined;
  const validator = new Utf8Validator();
  let first = true;
  let notUtf8 = false;
  for await (const bytes of open()) {
    let chunk = bytes;
    if (chunk.length === 0) continue;
    if (first) {
      first = false;
      encoding = encodingFromBom(chunk);
      if (encoding === 'utf-16le' || encoding === 'utf-16be') transcoder = new TextDecoder(encoding);
      else {
        const nul = findNulByte(chunk);
        if (nul >= 0) throw new NotTextError(`not a text file (a NUL byte at byte ${nul + 1})`, nul);
        if (encoding === 'utf-8') chunk = chunk.subarray(3);
        encoding = 'utf-8';
      }
    }
    if (transcoder) {
      consumer.pushBytes(encoder.encode(transcoder.decode(chunk, { stream: true })));
      continue;
    }
    if (!validator.check(chunk)) {
      notUtf8 = true;
      break;
    }
    consumer.pushBytes(chunk);
  }
  if (!notUtf8) {
    if (transcoder) consumer.pushBytes(encoder.encode(transcoder.decode()));
    else if (!validator.finish()) notUtf8 = true;
    if (!notUtf8) {
      consumer.end();
      return { consumer, encoding: encoding ?? 'utf-8' };
    }
  }
  // Not UTF-8: read everything again as GB18030.
  consumer = create();
  const gb18030 = new TextDecoder('gb18030', { fatal: true });
  try {
    for await (const chunk of open()) consumer.pushBytes(encoder.encode(gb18030.decode(chunk, { stream: true })));
    consumer.pushBytes(encoder.encode(gb18030.decode()));
  } catch (error) {
    if (error instanceof TypeError) throw new NotTextError('not text in UTF-8, UTF-16 (with a BOM) or GB18030');
    throw error;
  }
  consumer.end();
  return { consumer, encoding: 'gb18030' };
}
