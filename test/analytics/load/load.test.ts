import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, loadEvents } from '../../../src/analytics/load/load.ts';

const directory = mkdtempSync(join(tmpdir(), 'journey-load-'));

describe('loadEvents (files)', () => {
  it('reports a missing file as a data error', async () => {
    await expect(loadEvents(join(directory, 'nope.csv'))).rejects.toBeInstanceOf(DataError);
    await expect(loadEvents(directory + '/')).rejects.toThrow(/unsupported|no file extension/);
  });

  it('checks its options', async () => {
    const path = join(directory, 'small.csv');
    writeFileSync(path, 'customer_id,timestamp,event\nc1,2024-03-10,visit\n');
    await expect(loadEvents(path, { tz: 'Mars/Olympus' })).rejects.toThrow(/invalid load option tz: unknown time zone/);
    await expect(loadEvents(path, { map: { shopper: 'x' } })).rejects.toThrow(/unknown column "shopper"/);
    const { table } = await loadEvents(path, { tz: 'Asia/Shanghai' });
    expect(table.get('timestamp', 0)).toBe(Date.UTC(2024, 2, 9, 16));
  });
});
