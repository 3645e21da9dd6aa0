import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTable } from '../../src/analytics/events.ts';
import { createDataLoaders } from '../../src/report/dataLoaders.ts';
import { concatEvents, customerIdsOf, readReport } from '../../src/report/openReport.ts';

let root = '';
const quiet = {
  log: () => {},
  mkdir: async () => {},
  run: () => Promise.resolve(0),
  rename: async () => {},
  remove: async () => {},
};

async function writeReport(slug: string, config: object, files: Record<string, string>) {
  const dir = join(root, 'data/reports', slug);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'report.json'), JSON.stringify(config));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'open-report-'));
  await writeReport(
    'two-sources',
    {
      client: 'Two',
      lang: 'zh',
      sources: [
        { path: 'app.csv', map: { customer_id: '客户', timestamp: '时间', event: '事件' }, tz: 'Asia/Shanghai' },
        { path: 'web.csv', tz: 'UTC' },
      ],
      funnel: { steps: ['a', 'b'] },
    },
    {
      'app.csv': '客户,时间,事件,渠道\nA1,2026-01-01 08:00,a,app\n',
      'web.csv': 'customer_id,timestamp,event,value\nW1,2026-01-01 00:00,b,12.5\n',
    },
  );
  await writeReport(
    'bad-data',
    { client: 'Bad', lang: 'en', sources: [{ path: 'e.csv' }], funnel: { steps: ['a', 'b'] } },
    { 'e.csv': 'customer_id,timestamp,event\nx,not a time,a\n' },
  );
  await writeReport('bad-config', { client: '', lang: 'fr', sources: [], funnel: { steps: ['a'] } }, {});
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('openReport', () => {
  it('loads every source with its own mapping and zone and stacks them', async () => {
    const report = await readReport('two-sources', root, createDataLoaders({ root, effects: quiet }));
    expect(report.table.objects()).toEqual([
      // 08:00 in Shanghai is 00:00 UTC; the app file has no value column, the web file no stage.
      { customer_id: 'A1', timestamp: Date.UTC(2026, 0, 1, 0, 0), event: 'a', value: null },
      { customer_id: 'W1', timestamp: Date.UTC(2026, 0, 1, 0, 0), event: 'b', value: 12.5 },
    ]);
    expect(report.sourcePaths.map((s) => s.path)).toEqual([
      join(root, 'data/reports/two-sources/app.csv'),
      join(root, 'data/reports/two-sources/web.csv'),
    ]);
    expect([...customerIdsOf(report)]).toEqual(['A1', 'W1']);
  });

  it('fails with the validator messages naming the report and the file', async () => {
    await expect(readReport('bad-data', root, createDataLoaders({ root, effects: quiet }))).rejects.toThrow(
      /^report bad-data: the data in data\/reports\/bad-data\/e\.csv has errors:\ndata\/reports\/bad-data\/e\.csv:2:timestamp: /,
    );
  });

  it('names report.json and every field at fault', async () => {
    const error = await readReport('bad-config', root, createDataLoaders({ root, effects: quiet })).catch(
      (e: unknown) => e as Error,
    );
    const lines = (error as Error).message.split('\n');
    expect(lines.every((line) => line.startsWith('data/reports/bad-config/report.json: '))).toBe(true);
    expect(lines.map((line) => line.split(': ')[1])).toEqual(['client', 'lang', 'sources', 'funnel.steps']);
  });

  it('concatenates tables column by column, null where a table lacks a column', () => {
    const a = eventTable({ customer_id: ['x'], timestamp: [1], event: ['e'], channel: ['web'] });
    const b = eventTable({ customer_id: ['y'], timestamp: [2], event: ['f'] });
    expect(concatEvents([a, b]).objects()).toEqual([
      { customer_id: 'x', timestamp: 1, event: 'e', channel: 'web' },
      { customer_id: 'y', timestamp: 2, event: 'f', channel: null },
    ]);
  });
});
