/**
 * Client reports stay private by default: the Pages build loads only reports
 * with "publish": true, and git ignores every report's data but the demo's.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedReports, reportPagesPattern } from '../../src/report/publishedReports.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
let root = '';

async function report(slug: string, json: string) {
  await mkdir(join(root, 'data/reports', slug), { recursive: true });
  await writeFile(join(root, 'data/reports', slug, 'report.json'), json);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'published-'));
  await report('acme', JSON.stringify({ client: 'Acme' }));
  await report('insurer', JSON.stringify({ client: 'Insurer', publish: false }));
  await report('demo', JSON.stringify({ client: 'Demo', publish: true }));
  await report('open-data', JSON.stringify({ client: 'Open', publish: true }));
  await report('broken', '{ not json');
  await report('stringly', JSON.stringify({ client: 'S', publish: 'true' }));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('published reports', () => {
  it('are those whose report.json says "publish": true, nothing else', () => {
    expect(publishedReports(root)).toEqual(['demo', 'open-data']);
  });

  it('decide which report pages a build loads', () => {
    expect(reportPagesPattern(root, { JOURNEY_PUBLISHED_ONLY: '1' })).toBe('{demo,open-data}/**/*.{md,mdx}');
    expect(reportPagesPattern(root, { JOURNEY_REPORT: 'acme', JOURNEY_PUBLISHED_ONLY: '1' })).toBe(
      'acme/**/*.{md,mdx}',
    );
    expect(reportPagesPattern(root, {})).toBe('*/**/*.{md,mdx}');
    expect(reportPagesPattern(join(root, 'nowhere'), { JOURNEY_PUBLISHED_ONLY: '1' })).toBe('-none-/*.mdx');
  });

  it('the demo report is published; the Pages workflow builds published reports only', async () => {
    expect(publishedReports(REPO)).toContain('demo-bank');
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(join(REPO, '.github/workflows/deploy.yml'), 'utf8')).toContain("JOURNEY_PUBLISHED_ONLY: '1'");
  });

  it('git ignores every report data folder but the demo’s', () => {
    const ignored = (path: string) => {
      try {
        execFileSync('git', ['check-ignore', '--no-index', '-q', path], { cwd: REPO });
        return true;
      } catch {
        return false;
      }
    };
    expect(ignored('data/reports/acme-insurance/events.csv')).toBe(true);
    expect(ignored('data/reports/acme-insurance/report.json')).toBe(true);
    expect(ignored('data/reports/demo-bank/report.json')).toBe(false);
    expect(ignored('data/demo/bank-account-opening-before.csv')).toBe(false);
  });
});
