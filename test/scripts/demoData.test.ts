import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoData } from '../../scripts/demo-data.ts';
import { seededRandom } from '../../scripts/demo/random.ts';
import { loadEvents } from '../../src/analytics/load/load.ts';
import { funnel } from '../../src/analytics/analyses/funnel.ts';
import { compareRates } from '../../src/analytics/analyses/compareRates.ts';
import { value } from '../../src/analytics/analyses/value.ts';
import { labelOf } from '../../src/analytics/dataLabels.ts';
import { readLabels } from '../../src/analytics/load/labels.ts';

const committed = join(import.meta.dirname, '../../data/demo');
let fresh: string;
let names: string[];

beforeAll(async () => {
  fresh = await mkdtemp(join(tmpdir(), 'journey-kit-demo-'));
  names = await writeDemoData(fresh);
});
afterAll(async () => {
  await rm(fresh, { recursive: true, force: true });
});

describe('demo data generator', () => {
  it('writes the ten event logs, the survey and the labels file', () => {
    expect(names.filter((name) => name.endsWith('.csv') && name !== 'bank-survey.csv')).toHaveLength(10);
    expect(names).toContain('bank-survey.csv');
    expect(names).toContain('labels.json');
    expect(names).toHaveLength(12);
  });

  it('labels every event, channel, segment and stage of every log in both languages', async () => {
    const labels = await readLabels(join(committed, 'labels.json'));
    const bankMap = {
      customer_id: '客户编号',
      timestamp: '时间',
      event: '事件',
      stage: '阶段',
      channel: '渠道',
      segment: '客群',
    };
    const unlabelled: string[] = [];
    // The survey is a table of answers, not an event log.
    for (const name of names.filter((file) => file.endsWith('.csv') && file !== 'bank-survey.csv')) {
      const { table } = await loadEvents(join(committed, name), name.startsWith('bank') ? { map: bankMap } : {});
      for (const column of ['event', 'channel', 'segment', 'stage'] as const) {
        if (!table.columnNames().includes(column)) continue;
        for (const raw of new Set(Array.from(table.array(column) as ArrayLike<string | null>))) {
          if (raw !== null && !Object.hasOwn(labels[column] ?? {}, raw)) unlabelled.push(`${name} ${column} ${raw}`);
        }
      }
    }
    expect(unlabelled).toEqual([]);
    // The bank's Chinese names read in English on English pages.
    expect(labelOf(labels, 'channel', '网点', 'en')).toBe('Branch');
    expect(labelOf(labels, 'event', 'purchase', 'zh')).toBe('购买');
  });

  it('re-running it gives files byte-identical to the committed data/demo/', async () => {
    for (const name of names) {
      const [again, stored] = await Promise.all([readFile(join(fresh, name)), readFile(join(committed, name))]);
      expect(again.equals(stored), `${name} differs from data/demo/${name}: run npm run data:demo and commit`).toBe(
        true,
      );
    }
  });

  it('the seeded source repeats itself and differs between seeds', () => {
    const draws = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).not.toEqual(draws(8));
  });

  it('writes the bank export in GB18030 with Chinese column names and wall-clock times', async () => {
    const bytes = await readFile(join(committed, 'bank-account-opening-after.csv'));
    const text = iconv.decode(bytes, 'gb18030');
    expect(text.split('\r\n')[0]).toBe('客户编号,时间,事件,阶段,渠道,客群,满意度');
    expect(text.split('\r\n')[1]).toMatch(/^BA\d{4},2026-10-\d\d \d\d:\d\d:\d\d,了解开户,/);
    // Not valid UTF-8, as an Excel export in a Chinese locale would be.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('after the retail checkout change, fewer customers abandon checkout, significantly', async () => {
    const steps = ['visit', 'view_product', 'add_to_cart', 'checkout', 'purchase'];
    const checkout = async (file: string) => {
      const { table } = await loadEvents(join(committed, file));
      const result = funnel(table, { steps });
      return { successes: result.steps[4]!.customers, n: result.steps[3]!.customers };
    };
    const comparison = compareRates({
      before: await checkout('retail-checkout-before.csv'),
      after: await checkout('retail-checkout-after.csv'),
    });
    expect(comparison.before).toMatchObject({ successes: 326, n: 598 });
    expect(comparison.after).toMatchObject({ successes: 375, n: 552 });
    expect(comparison.p_value).toBeLessThan(0.01);
  });

  it('the coffee repurchase gap shortens from about 30 to about 18 days', async () => {
    const median = async (file: string) =>
      value((await loadEvents(join(committed, file), { tz: 'Asia/Shanghai' })).table, {}).repurchase.median_days;
    expect(await median('coffee-purchases-before.csv')).toBeCloseTo(30, 0);
    expect(await median('coffee-purchases-after.csv')).toBeGreaterThan(17);
    expect(await median('coffee-purchases-after.csv')).toBeLessThan(20);
  });
});
