import { describe, expect, it } from 'vitest';
import { cachedLoadCount, filterPeriod, loadEventsCached, tableRange } from '../../src/components/chartData.ts';

describe('chart data loading', () => {
  it('loads a file once per options within a build, however many charts ask', async () => {
    const before = cachedLoadCount();
    const [a, b] = await Promise.all([
      loadEventsCached('data/gallery/web-events.csv', {}),
      loadEventsCached('data/gallery/web-events.csv', {}),
    ]);
    expect(a).toBe(b);
    expect(cachedLoadCount()).toBe(before + 1);
    const other = await loadEventsCached('data/gallery/web-events.csv', { tz: 'Asia/Shanghai' });
    expect(other).not.toBe(a);
    expect(cachedLoadCount()).toBe(before + 2);
  });

  it('names the file when it cannot load it', async () => {
    await expect(loadEventsCached('data/gallery/missing.csv', {})).rejects.toThrow(
      'cannot load data/gallery/missing.csv',
    );
  });

  it('keeps the rows of a half-open period', async () => {
    const { table } = await loadEventsCached('data/gallery/web-events.csv', {});
    const part = filterPeriod(table, '2026-09-05', '2026-09-10');
    const range = tableRange(part);
    expect(part.numRows()).toBeGreaterThan(0);
    expect(part.numRows()).toBeLessThan(table.numRows());
    expect(range.first! >= '2026-09-05T00:00:00.000Z' && range.last! < '2026-09-10T00:00:00.000Z').toBe(true);
    expect(() => filterPeriod(table, 'soon')).toThrow('invalid from: "soon"');
  });
});
