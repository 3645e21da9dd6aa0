/**
 * A report whose report.json names an engine source gives exactly the
 * analyses of the same data read as a file source; its second build answers
 * from the cache under .cache/engines/ without connecting (connectEngine is
 * counted, not replaced), and `refresh` connects again.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Connect from '../../src/engines/connect.ts';
import { createDataLoaders } from '../../src/report/dataLoaders.ts';
import { customerIdsOf, readReport } from '../../src/report/openReport.ts';
import { reportAnalyses } from '../../src/report/reportAnalyses.ts';
import { parseReportConfig } from '../../src/report/reportConfig.ts';
import { rounded } from './engineEquality.ts';
import { engineLog, engineLogCsv } from './engineLog.ts';

const connects = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/engines/connect.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof Connect>();
  return {
    ...actual,
    connectEngine: (...args: Parameters<typeof actual.connectEngine>) => {
      connects.count++;
      return actual.connectEngine(...args);
    },
  };
});

const SETTINGS = {
  client: 'X',
  lang: 'en',
  funnel: { steps: ['visit', 'view', 'cart', 'purchase'], window: '1d' },
  purchase_event: 'purchase',
  breakdown_by: 'channel',
};

describe('a report with an engine source', () => {
  let root = '';
  const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'journey-engine-report-'));
    const csv = engineLogCsv(engineLog(120, 5));
    for (const [slug, source] of [
      ['on-file', { sources: [{ path: 'events.csv', tz: 'Europe/Berlin' }] }],
      ['on-engine', { engine: { name: 'duckdb', table: 'events.csv', tz: 'Europe/Berlin' } }],
    ] as const) {
      const folder = join(root, 'data/reports', slug);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'events.csv'), csv);
      writeFileSync(join(folder, 'report.json'), JSON.stringify({ ...SETTINGS, ...source }));
    }
  });
  afterAll(() => {
    quiet.mockRestore();
    rmSync(root, { recursive: true, force: true });
  });

  const open = (slug: string, refresh = false) => readReport(slug, root, createDataLoaders({ root }), refresh);

  it('gives the analyses of the same data as a file source, then answers from the cache', async () => {
    const expected = rounded(reportAnalyses(await open('on-file')));
    expect(expected.funnel.steps[0]!.customers).toBeGreaterThan(0);
    expect(expected.breakdownBy).toBe('channel');
    expect(expected.value).not.toBeNull();
    expect(expected.satisfaction).not.toBeNull();

    connects.count = 0;
    const first = await open('on-engine');
    expect(connects.count).toBe(1);
    expect(rounded(reportAnalyses(first))).toEqual(expected);
    expect(readdirSync(join(root, '.cache/engines/on-engine'))).toHaveLength(1);

    const second = await open('on-engine');
    expect(connects.count).toBe(1);
    expect(rounded(reportAnalyses(second))).toEqual(expected);

    const refreshed = await open('on-engine', true);
    expect(connects.count).toBe(2);
    expect(rounded(reportAnalyses(refreshed))).toEqual(expected);
  });

  it('keeps no customer id in its cache, and refuses to hand out event rows or customer ids', async () => {
    const report = await open('on-engine');
    const folder = join(root, '.cache/engines/on-engine');
    const cached = readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8'));
    expect(cached.join('')).toContain('"answers"');
    const ids = new Set(engineLog(120, 5).columns.customer_id);
    expect(ids.size).toBe(120);
    for (const id of ids) expect(cached.join('')).not.toContain(id);
    const refusal = 'report on-engine: the data stays in the engine named in report.json';
    expect(() => customerIdsOf(report)).toThrow(`${refusal}, so customer ids cannot be read here`);
    expect(() => report.table).toThrow(`${refusal}, so its event rows cannot be read here`);
  });

  it('reads either files or an engine', () => {
    const engine = { name: 'postgres', table: 'analytics.events' };
    expect(() => parseReportConfig({ ...SETTINGS, engine, sources: [{ path: 'e.csv' }] }, 'report.json')).toThrow(
      'report.json: engine: a report reads either files (sources) or an engine, not both',
    );
    expect(() => parseReportConfig(SETTINGS, 'report.json')).toThrow(
      'report.json: sources: a report needs at least one data source (or an engine)',
    );
    expect(() => parseReportConfig({ ...SETTINGS, engine: { ...engine, password: 'x' } }, 'report.json')).toThrow(
      /report\.json: engine: Unrecognized key: "password"/,
    );
  });
});
