/**
 * Growable typed columns and the duplicate finder that reads them: values
 * survive growth, merged parts and the hand-over at exact length, and every
 * buffer given up is freed (detached) at once.
 */
import { describe, expect, it } from 'vitest';
import { findDuplicateRows } from '../../../src/analytics/load/duplicateRows.ts';
import { GrowableFloat64Array, GrowableInt32Array, release } from '../../../src/analytics/load/growableArray.ts';

const detached = (array: Int32Array | Float64Array): boolean => (array.buffer as ArrayBuffer).detached;

describe('GrowableInt32Array', () => {
  it('keeps every value across growth and frees the buffer it outgrew', () => {
    const column = new GrowableInt32Array(2);
    column.push(7);
    column.push(8);
    const before = column.view();
    column.push(9);
    expect(Array.from(column.view())).toEqual([7, 8, 9]);
    // The outgrown buffer was detached, not left to the collector.
    expect(detached(before)).toBe(true);
    expect(before.length).toBe(0);
  });

  it('appends a part with its lines moved, then frees the part', () => {
    const lines = new GrowableInt32Array(8);
    lines.push(2);
    lines.push(3);
    const part = Int32Array.of(1, 2, 4);
    lines.append(part, 10);
    expect(Array.from(lines.view())).toEqual([2, 3, 11, 12, 14]);
    release(part);
    expect(detached(part)).toBe(true);
  });

  it('adopts a part beyond its capacity, freeing the part', () => {
    const codes = new GrowableInt32Array(1);
    codes.push(5);
    const part = new Int32Array(new ArrayBuffer(16), 4, 2);
    part.set([6, 7]);
    codes.adopt(part);
    expect(Array.from(codes.view())).toEqual([5, 6, 7]);
    expect(detached(part)).toBe(true);
  });

  it('hands values over at their exact length, copied only when there is spare room', () => {
    const full = new GrowableInt32Array(3);
    for (const value of [1, 2, 3]) full.push(value);
    const whole = full.view();
    const exact = full.exact();
    expect(Array.from(exact)).toEqual([1, 2, 3]);
    // No spare room: the buffer itself is handed over.
    expect(exact.buffer).toBe(whole.buffer);
    expect(full.length).toBe(0);

    const roomy = new GrowableInt32Array(100);
    roomy.push(4);
    const spare = roomy.view();
    const values = roomy.exact();
    expect(Array.from(values)).toEqual([4]);
    expect(values.buffer.byteLength).toBe(4);
    expect(detached(spare)).toBe(true);

    // Spare room within 1/16 (an estimate's margin) stays behind the values: no copy.
    const estimated = new GrowableFloat64Array(32);
    for (let i = 0; i < 30; i++) estimated.push(i / 2);
    const held = estimated.view();
    const handed = estimated.exact();
    expect(handed).toHaveLength(30);
    expect(handed[29]).toBe(14.5);
    expect(handed.buffer).toBe(held.buffer);
    expect(handed.buffer.byteLength).toBe(32 * 8);
  });

  it('frees its buffer on discard', () => {
    const column = new GrowableFloat64Array(4);
    column.push(1.5);
    const before = column.view();
    column.discard();
    expect(detached(before)).toBe(true);
    expect(column.length).toBe(0);
    column.push(2.5);
    expect(Array.from(column.view())).toEqual([2.5]);
  });
});

describe('findDuplicateRows', () => {
  it('finds each row that repeats an earlier one in every column', () => {
    // Rows: (4, 1.5) (7, 1.5) (4, 1.5) (4, 2) (7, 1.5): rows 2 and 4 repeat rows 0 and 1.
    const ids = Int32Array.of(4, 7, 4, 4, 7);
    const values = Float64Array.of(1.5, 1.5, 1.5, 2, 1.5);
    const found = findDuplicateRows(5, [
      { words: ids, stride: 1 },
      { words: new Int32Array(values.buffer), stride: 2 },
    ]);
    expect(found.count).toBe(2);
    expect(Array.from(found.firstOf)).toEqual([-1, -1, 0, -1, 1]);
  });

  it('partitions many rows and still finds the repeats exactly', () => {
    // 100,000 rows of 40,000 distinct keys: row i repeats row i - 40,000 from row 40,000 on.
    const rows = 100_000;
    const keys = new Int32Array(rows);
    for (let i = 0; i < rows; i++) keys[i] = i % 40_000;
    const found = findDuplicateRows(rows, [{ words: keys, stride: 1 }]);
    expect(found.count).toBe(60_000);
    expect(found.firstOf[39_999]).toBe(-1);
    expect(found.firstOf[40_000]).toBe(0);
    expect(found.firstOf[99_999]).toBe(19_999);
  });
});
