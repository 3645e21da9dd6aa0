/**
 * Bytes -> text for the text formats (spec §1): one encoding per file, either
 * UTF-8 with or without a BOM, UTF-16 LE/BE with a BOM, or GB18030 when the
 * bytes are not valid UTF-8 and everything before the first such byte was
 * ASCII (Excel in a Chinese locale). A file that switches encoding part way
 * (UTF-8 then another, or GB18030 then UTF-8 Chinese lines), a file cut in the middle of a character, half a UTF-16 surrogate pair
 * and a NUL byte anywhere are errors naming the line and column
 * (textProblems.ts). Decoding is incremental; for GB18030 the whole source is
 * read again by a fresh consumer. `decodeTextStream` hands on strings (JSON);
 * `utf8Stream` hands on UTF-8 bytes (CSV), passing valid UTF-8 through
 * untouched and transcoding the rest.
 *
 * @example
 *   const { consumer, encoding } = await utf8Stream(() => chunksOf(bytes), () => csvEvents(...));
 */
import { isUtf8 } from 'node:buffer';
import {
  invalidGb18030Offset,
  invalidUtf8Index,
  NotTextError,
  prefixFacts,
  textProblemAt,
  textProblemError,
  Utf16Checker,
  Utf8LineFinder,
} from './textProblems.ts';

export { NotTextError } from './textProblems.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface TextConsumer {
  push(text: string): void;
  end(): void;
}

export interface Utf8Consumer {
  pushBytes(bytes: Uint8Array): void;
  end(): void;
}

type ByteSource = () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** Where one reading pass sends its output: UTF-8 bytes as they are, or decoded text. */
interface TextSink {
  bytes(utf8: Uint8Array): void;
  text(text: string): void;
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

/** Checks UTF-8 chunk by chunk; a code point split between chunks is checked with the next one. */
export class Utf8Validator {
  private pending = new Uint8Array(0);
  /** Bytes checked and found valid so far (the pending tail excluded). */
  private valid = 0;
  /** After a failed `check` or `finish`: the offset of the first byte that is not UTF-8. */
  invalidAt = -1;

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
    if (!isUtf8(data.subarray(0, cut))) {
      this.invalidAt = this.valid + invalidUtf8Index(data);
      return false;
    }
    this.valid += cut;
    this.pending = data.slice(cut);
    return true;
  }

  /** Whether the source ended on a whole code point. */
  finish(): boolean {
    if (this.pending.length === 0) return true;
    this.invalidAt = this.valid;
    return false;
  }
}

/**
 * Reads `open()` into the sinks `create` makes (a second one for the GB18030
 * pass) and returns the encoding; throws NotTextError with a line and column.
 */
async function readText(open: ByteSource, create: () => TextSink): Promise<TextEncoding> {
  let sink = create();
  let encoding: TextEncoding | undefined;
  let utf16: { checker: Utf16Checker; decoder: TextDecoder } | undefined;
  const validator = new Utf8Validator();
  let offset = 0;
  let bomBytes = 0;
  let utf8 = true;
  for await (const chunk of open()) {
    if (chunk.length === 0) continue;
    const chunkStart = offset;
    offset += chunk.length;
    if (encoding === undefined) {
      const bom = encodingFromBom(chunk);
      encoding = bom ?? 'utf-8';
      if (encoding === 'utf-16le' || encoding === 'utf-16be')
        utf16 = { checker: new Utf16Checker(encoding === 'utf-16be'), decoder: new TextDecoder(encoding) };
      else if (bom === 'utf-8') bomBytes = 3;
    }
    if (utf16) {
      const problem = utf16.checker.check(chunk);
      if (problem) throw await textProblemError(open, problem, encoding);
      sink.text(utf16.decoder.decode(chunk, { stream: true }));
      continue;
    }
    if (!validator.check(chunk)) {
      utf8 = false;
      break;
    }
    const nul = chunk.indexOf(0);
    if (nul >= 0) throw await textProblemError(open, { kind: 'nul', offset: chunkStart + nul }, 'utf-8');
    sink.bytes(chunkStart < bomBytes ? chunk.subarray(bomBytes - chunkStart) : chunk);
  }
  if (utf16) {
    const problem = utf16.checker.finish();
    if (problem) throw await textProblemError(open, problem, encoding!);
    sink.text(utf16.decoder.decode());
    return encoding!;
  }
  const cut = utf8 && !validator.finish();
  if (utf8 && !cut) return 'utf-8';
  const before = await prefixFacts(open, validator.invalidAt, 'utf-8');
  if (before.wideUtf8) throw textProblemAt(cut ? 'cut' : 'mixed', before, 'utf-8');
  // Not UTF-8, and nothing but ASCII before: read everything again as GB18030.
  sink = create();
  const gb18030 = new TextDecoder('gb18030', { fatal: true });
  // A UTF-8 block later on decodes as GB18030 without error, into other words: look for it.
  const utf8Lines = new Utf8LineFinder();
  const switched = async (at: number) => textProblemError(open, { kind: 'utf8AfterGb18030', offset: at }, 'gb18030');
  offset = 0;
  for await (const chunk of open()) {
    const nul = chunk.indexOf(0);
    if (nul >= 0) throw await textProblemError(open, { kind: 'nul', offset: offset + nul }, 'gb18030');
    offset += chunk.length;
    const utf8At = utf8Lines.check(chunk);
    if (utf8At >= 0) throw await switched(utf8At);
    const text = decodeGb18030(gb18030, chunk);
    if (text === undefined) throw await notGb18030Error(open);
    sink.text(text);
  }
  const utf8At = utf8Lines.finish();
  if (utf8At >= 0) throw await switched(utf8At);
  const rest = decodeGb18030(gb18030);
  if (rest === undefined) throw await notGb18030Error(open);
  sink.text(rest);
  return 'gb18030';
}

/** The decoded text, or undefined where the bytes are not GB18030. */
function decodeGb18030(decoder: TextDecoder, chunk?: Uint8Array): string | undefined {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

/** Neither UTF-8 nor GB18030: at the first byte that is not GB18030, when it can be told. */
async function notGb18030Error(open: ByteSource): Promise<NotTextError> {
  const offset = await invalidGb18030Offset(open);
  if (offset < 0) return new NotTextError('not text in UTF-8, UTF-16 (with a BOM) or GB18030');
  return textProblemError(open, { kind: 'unreadable', offset }, 'gb18030');
}

/**
 * Decodes a byte stream into `consumer`s. `open` must be callable again (the
 * GB18030 pass and the search for an error's line read the source again);
 * `create` makes a fresh consumer.
 */
export async function decodeTextStream<C extends TextConsumer>(
  open: ByteSource,
  create: () => C,
): Promise<{ consumer: C; encoding: TextEncoding }> {
  let consumer!: C;
  let utf8Decoder = new TextDecoder();
  const encoding = await readText(open, () => {
    consumer = create();
    utf8Decoder = new TextDecoder();
    return {
      bytes: (bytes) => consumer.push(utf8Decoder.decode(bytes, { stream: true })),
      text: (text) => consumer.push(text),
    };
  });
  if (encoding === 'utf-8') consumer.push(utf8Decoder.decode());
  consumer.end();
  return { consumer, encoding };
}

const encoder = new TextEncoder();

/**
 * Streams a text source into `consumer`s as UTF-8 bytes. Like decodeTextStream,
 * `open` may be called again and `create` makes a fresh consumer.
 */
export async function utf8Stream<C extends Utf8Consumer>(
  open: ByteSource,
  create: () => C,
): Promise<{ consumer: C; encoding: TextEncoding }> {
  let consumer!: C;
  const encoding = await readText(open, () => {
    consumer = create();
    return {
      bytes: (bytes) => consumer.pushBytes(bytes),
      text: (text) => consumer.pushBytes(encoder.encode(text)),
    };
  });
  consumer.end();
  return { consumer, encoding };
}
