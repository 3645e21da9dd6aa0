import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTable } from '../../src/analytics/events.ts';
import { createDataLoaders } from '../../src/report/dataLoaders.ts';
import { cleaningLine, concatEvents, customerIdsOf, readReport } from '../../src/report/openReport.ts';

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
      purchase_event: 'b',
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
  await writeReport(
    'leaky-rows',
    { client: 'Leaky', lang: 'en', sources: [{ path: 'e.csv' }], funnel: { steps: ['a', 'b'] } },
    {
      // An id in the timestamp column, a row with an extra field (quoted whole), an unclosed quote.
      'e.csv':
        'customer_id,timestamp,event\nu1000011,2026-01-01T00:00:00Z,a\n2026-01-02T00:00:00Z,u1000012,a\nu1000013,2026-01-01T00:00:00Z,a,x\n"u1000014\n',
    },
  );
  await writeReport(
    'cleaned',
    {
      client: 'Clean',
      lang: 'zh',
      sources: [{ path: 'e.csv', tz: 'UTC', skip_invalid: true, dedupe: true }],
      funnel: { steps: ['a', 'b'] },
      purchase_event: 'b',
    },
    {
      'e.csv': [
        'customer_id,timestamp,event',
        'c1,2026-01-01 08:00,a',
        'c1,2026-01-01 08:00,a',
        'c1,2026-01-01 08:00,a',
        'c2,not a time,a',
        'c2,2026-01-02 08:00,b',
      ].join('\n'),
    },
  );
  await writeReport(
    'misspelt',
    {
      client: 'Typo',
      lang: 'zh',
      sources: [{ path: 'e.csv', tz: 'Asia/Shanghai' }],
      funnel: { steps: ['投保', '健康告之', '支付|付款'] },
      purchase_event: '支付成功',
      breakdown_by: 'segment',
    },
    {
      'e.csv':
        'customer_id,timestamp,event,channel\nc1,2026-01-01 08:00,投保,app\nc1,2026-01-01 08:10,健康告知,app\nc1,2026-01-01 08:20,支付,app\n',
    },
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

  it('masks every value a data error quotes, so no customer id reaches the build log', async () => {
    const error = await readReport('leaky-rows', root, createDataLoaders({ root, effects: quiet })).catch(
      (e: unknown) => e as Error,
    );
    const file = 'data/reports/leaky-rows/e.csv';
    // Row 4 is quoted whole: "u1000013 | 2026-01-01T00:00:00Z | a | x", 39 characters, 37 masked;
    // row 5's field is `"u1000014` and a line break, 10 characters, 8 masked.
    expect((error as Error).message.split('\n')).toEqual([
      `report leaky-rows: the data in ${file} has errors:`,
      `${file}:3:timestamp: not a timestamp ("u1******") — use ISO 8601 with Z or an offset (2024-03-10T08:00:00+08:00), YYYY-MM-DD HH:MM[:SS] in the --tz zone, or epoch seconds (10 digits) or milliseconds (13 digits)`,
      `${file}:4:(row): 4 fields where the header has 3, extra fields ("u1*************************************") — quote fields that contain the delimiter or a line break, and give every row one field per column`,
      `${file}:5:customer_id: quoted field never closed ("\\"u********") — close the quote, and double any quote inside a field ("")`,
      '3 errors in total',
      '(values quoted from the data are masked here; `journey check FILE` shows them whole)',
    ]);
    for (const id of ['u1000012', 'u1000013', 'u1000014']) expect((error as Error).message).not.toContain(id);
  });

  it('names report.json and every field at fault', async () => {
    const error = await readReport('bad-config', root, createDataLoaders({ root, effects: quiet })).catch(
      (e: unknown) => e as Error,
    );
    const lines = (error as Error).message.split('\n');
    expect(lines.every((line) => line.startsWith('data/reports/bad-config/report.json: '))).toBe(true);
    // "sources or engine" is checked once the fields themselves parse (a cross-field rule).
    expect(lines.map((line) => line.split(': ')[1])).toEqual(['client', 'lang', 'funnel.steps']);
  });

  it("applies each source's cleaning and counts what it dropped", async () => {
    const report = await readReport('cleaned', root, createDataLoaders({ root, effects: quiet }));
    expect(report.table.array('customer_id')).toEqual(['c1', 'c2']);
    expect(report.cleaning).toEqual([{ source: 'e.csv', rows: 2, skipped: 1, duplicatesDropped: 2 }]);
    expect(
      cleaningLine('cleaned', report.cleaning[0] ?? { source: '', rows: 0, skipped: 0, duplicatesDropped: 0 }),
    ).toBe('report cleaned: e.csv: 2 rows; 1 invalid row skipped; 2 duplicates dropped');
  });

  it('fails on every setting the data lacks, with the closest names', async () => {
    const error = await readReport('misspelt', root, createDataLoaders({ root, effects: quiet })).catch(
      (e: unknown) => e as Error,
    );
    expect((error as Error).message.split('\n')).toEqual([
      'report misspelt: report.json names what the data does not have:',
      'data/reports/misspelt/report.json: funnel.steps[1]: "健康告之" is not an event in the data — did you mean "健康告知"?',
      'data/reports/misspelt/report.json: funnel.steps[2]: "付款" is not an event in the data — use an event name of the data (journey check counts them; journey paths shows them)',
      'data/reports/misspelt/report.json: purchase_event: "支付成功" is not an event in the data — did you mean "支付"?',
      'data/reports/misspelt/report.json: breakdown_by: "segment" is not a column in the data — the data has channel',
    ]);
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
