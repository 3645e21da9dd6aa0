/**
 * The text sink on its own: values interned from bytes or strings, the
 * dictionary decoded when read (ASCII in one piece, other text per value),
 * and a part of another thread merged by its bytes.
 */
import { describe, expect, it } from 'vitest';
import { TextSink } from '../../../src/analytics/load/textSink.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('TextSink', () => {
  it('interns values from bytes and strings alike, in order of first appearance', () => {
    const sink = new TextSink();
    const row = bytes('web,app,web');
    sink.pushBytes(row, 0, 3);
    sink.pushBytes(row, 4, 7);
    sink.push(null);
    sink.pushBytes(row, 8, 11);
    sink.push('app');
    sink.push('门店');
    expect(Array.from(sink.codes.view())).toEqual([0, 1, -1, 0, 1, 2]);
    expect(sink.dictionary).toEqual(['web', 'app', '门店']);
    expect(sink.distinct()).toBe(3);
    // Values added after the dictionary was read are decoded on the next read.
    sink.pushBytes(bytes('ä'), 0, 2);
    expect(sink.dictionary).toEqual(['web', 'app', '门店', 'ä']);
  });

  it('keeps many values apart through the table growing', () => {
    const sink = new TextSink();
    for (let i = 0; i < 5000; i++) sink.push(`c${i % 3000}`);
    expect(sink.distinct()).toBe(3000);
    expect(sink.codes.view()[4999]).toBe(1999);
    expect(sink.dictionary[2999]).toBe('c2999');
  });

  it('merges a part by its bytes: shared values keep their code, new ones follow', () => {
    const main = new TextSink();
    for (const value of ['visit', 'buy']) main.push(value);
    const worker = new TextSink();
    for (const value of ['buy', null, '退款', 'visit', '退款']) worker.push(value);
    const part = structuredClone(worker.toPart());
    expect(Array.from(part.offsets)).toEqual([0, 3, 9, 14]);
    main.append(part);
    expect(Array.from(main.codes.view())).toEqual([0, 1, 1, -1, 2, 0, 2]);
    expect(main.dictionary).toEqual(['visit', 'buy', '退款']);
    // The part is used up: its arrays are freed.
    expect(part.codes.length).toBe(0);
    expect(part.pool.length).toBe(0);
  });

  it('hands the column over in the narrowest codes', () => {
    const sink = new TextSink();
    for (const value of ['web', null, 'app', 'web']) sink.push(value);
    const column = sink.materialize();
    expect(Array.from(column)).toEqual(['web', null, 'app', 'web']);
    expect(column.codes).toBeInstanceOf(Uint8Array);
  });
});
