import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  decodeTextStream,
  encodingFromBom,
  NotTextError,
  utf8Stream,
} from '../../../src/analytics/load/textDecoding.ts';

const TEXT = 'customer_id;事件;note\r\n张三;浏览 😀;"a;b"\r\n';

function pieces(bytes: Uint8Array, size: number): () => Uint8Array[] {
  return () => {
    const out: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += size) out.push(bytes.slice(i, i + size));
    return out;
  };
}

function bytesCollector() {
  const parts: number[] = [];
  return { parts, pushBytes: (bytes: Uint8Array) => void parts.push(...bytes), end: () => {} };
}

describe('utf8Stream', () => {
  it('passes UTF-8 through, whatever the chunking, and drops a BOM', async () => {
    const utf8 = new TextEncoder().encode(TEXT);
    for (const size of [1, 2, 3, 5, 1000]) {
      const { consumer, encoding } = await utf8Stream(
        pieces(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), Math.max(size, 3)),
        bytesCollector,
      );
      expect(encoding).toBe('utf-8');
      expect(new TextDecoder().decode(new Uint8Array(consumer.parts))).toBe(TEXT);
      const plain = await utf8Stream(pieces(utf8, size), bytesCollector);
      expect(new TextDecoder().decode(new Uint8Array(plain.consumer.parts))).toBe(TEXT);
    }
  });

  it('keeps a first character whose first byte is that of a BOM', async () => {
    // "ｃ" (U+FF43) is EF BD 83 in UTF-8: no BOM, nothing to drop.
    const text = 'ｃustomer_id\n';
    for (const size of [3, 64]) {
      const { consumer } = await utf8Stream(pieces(new TextEncoder().encode(text), size), bytesCollector);
      expect(new TextDecoder().decode(new Uint8Array(consumer.parts))).toBe(text);
    }
  });

  it('transcodes UTF-16 (with a BOM) and GB18030 (retrying with a fresh consumer)', async () => {
    const utf16 = new Uint8Array(iconv.encode(TEXT.replace(' 😀', ''), 'utf-16le', { addBOM: true }));
    const fromUtf16 = await utf8Stream(pieces(utf16, 7), bytesCollector);
    expect(fromUtf16.encoding).toBe('utf-16le');
    expect(new TextDecoder().decode(new Uint8Array(fromUtf16.consumer.parts))).toBe(TEXT.replace(' 😀', ''));
    const gb = new Uint8Array(iconv.encode(TEXT, 'gb18030'));
    let created = 0;
    const fromGb = await utf8Stream(pieces(gb, 4), () => (created++, bytesCollector()));
    expect(fromGb.encoding).toBe('gb18030');
    expect(created).toBe(2);
    expect(new TextDecoder().decode(new Uint8Array(fromGb.consumer.parts))).toBe(TEXT);
  });

  it('refuses binary data and text that is neither UTF-8 nor GB18030', async () => {
    await expect(utf8Stream(() => [new Uint8Array([0x41, 0x00, 0x42])], bytesCollector)).rejects.toEqual(
      new NotTextError(
        'a NUL byte: text files never hold one (a binary or damaged file, or UTF-16 without its byte-order mark?) — export the data again as CSV (UTF-8), JSON, NDJSON, Parquet or Arrow',
        1,
        2,
      ),
    );
    await expect(utf8Stream(() => [new Uint8Array([0x41, 0xff, 0xff, 0x42])], bytesCollector)).rejects.toBeInstanceOf(
      NotTextError,
    );
  });
});

describe('decodeTextStream', () => {
  it('hands on text, falling back to GB18030', async () => {
    const collect = () => {
      const parts: string[] = [];
      return { parts, push: (text: string) => void parts.push(text), end: () => {} };
    };
    const utf8 = await decodeTextStream(pieces(new TextEncoder().encode(TEXT), 2), collect);
    expect(utf8.consumer.parts.join('')).toBe(TEXT);
    const gb = await decodeTextStream(pieces(new Uint8Array(iconv.encode(TEXT, 'gb18030')), 3), collect);
    expect(gb.encoding).toBe('gb18030');
    expect(gb.consumer.parts.join('')).toBe(TEXT);
  });

  it('recognises byte-order marks', () => {
    expect(encodingFromBom(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8');
    expect(encodingFromBom(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toBe('utf-16le');
    expect(encodingFromBom(new Uint8Array([0xfe, 0xff, 0, 0x41]))).toBe('utf-16be');
    expect(encodingFromBom(new Uint8Array([0x41]))).toBeUndefined();
  });
});
