/** The narrowest readable width of a chart: its width scaled so the smallest text stays 11 px. */
import { describe, expect, it } from 'vitest';
import { readableMinWidth } from '../../src/charts/readable.ts';

describe('readableMinWidth', () => {
  it('scales the width by 11 px over the smallest text size, the root style winning over its attribute', () => {
    // 640 × 11 / 12 = 586.67 -> 587.
    expect(readableMinWidth('<svg style="font-size:12px" width="640" font-size="10"><text>a</text></svg>')).toBe(587);
    // An inner 10 px text sets the bound: 640 × 11 / 10 = 704.
    expect(readableMinWidth('<svg style="font-size:12px" width="640"><text font-size="10">a</text></svg>')).toBe(704);
    // Large text allows narrower: 1320 × 11 / 22 = 660.
    expect(readableMinWidth('<svg width="1320" style="font-size: 22px"></svg>')).toBe(660);
    expect(readableMinWidth('<svg viewBox="0 0 10 10"></svg>')).toBeNull();
    expect(readableMinWidth('no svg')).toBeNull();
  });
});
