import { describe, expect, it } from 'vitest';
import { encodeColumn } from '../../src/analytics/encodeEvents.ts';

describe('encodeColumn', () => {
  it('codes values in order of first appearance', () => {
    expect(encodeColumn(['b', 'a', 'b', null])).toEqual({
      codes: Int32Array.from([0, 1, 0, 2]),
      dictionary: ['b', 'a', ''],
    });
  });

  it('writes BigInt cells, bare or nested, as their digits', () => {
    const { codes, dictionary } = encodeColumn([12n, { id: 9007199254740993n }, 12n]);
    expect([...codes]).toEqual([0, 1, 0]);
    expect(dictionary).toEqual(['12', '{"id":"9007199254740993"}']);
  });

  it('writes an invalid date as text instead of throwing', () => {
    expect(encodeColumn([new Date(Number.NaN)]).dictionary).toEqual(['Invalid Date']);
  });
});
