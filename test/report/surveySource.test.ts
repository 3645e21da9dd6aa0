import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driversResolved } from '../../src/analytics/analyses/drivers.ts';
import { parseDriversSpec } from '../../src/analytics/analyses/spec.ts';
import { loadEvents } from '../../src/analytics/load/load.ts';
import { createDataLoaders } from '../../src/report/dataLoaders.ts';
import { readReport } from '../../src/report/openReport.ts';
import { reportAnalyses } from '../../src/report/reportAnalyses.ts';

// An insurance-style event log and its survey (no timestamp; 支付 is both an event
// and a survey question, the case that used to lower average order value).
const EVENTS = [
  '客户编号,时间,事件,金额',
  'c1,2026-01-05 09:00,投保,',
  'c1,2026-01-05 09:10,健康告知,',
  'c1,2026-01-05 09:20,支付,1200',
  'c1,2026-01-14 10:00,投保,',
  'c2,2026-01-06 09:00,投保,',
  'c2,2026-01-06 09:30,健康告知,',
  'c2,2026-01-06 09:40,支付,800',
  'c3,2026-01-07 11:00,投保,',
  'c3,2026-01-08 11:00,健康告知,',
  'c4,2026-01-08 12:00,投保,',
  'c4,2026-01-20 12:00,投保,',
].join('\n');
const SURVEY = [
  '客户编号,问题,评分,推荐意愿,意见',
  'c1,支付,5,10,很好 请联系13800000000',
  'c2,支付,4,9,',
  'c3,支付,2,6,太慢',
  'c1,投保,3,8,',
  'c2,投保,5,,',
  'c4,售后,1,0,',
].join('\n');
const EVENTS_SOURCE = {
  path: 'events.csv',
  map: { customer_id: '客户编号', timestamp: '时间', event: '事件', value: '金额' },
  tz: 'Asia/Shanghai',
};
const SURVEY_SOURCE = {
  path: 'survey.csv',
  kind: 'survey',
  map: { customer_id: '客户编号', event: '问题', csat: '评分', nps: '推荐意愿', comment: '意见' },
};
const BANK_SURVEY = 'data/demo/bank-survey.csv';
const BANK_MAP = { customer_id: '客户编号', timestamp: '时间', event: '问题', segment: '客群' };
const BANK_SURVEY_SOURCE = {
  path: 'bank-survey.csv',
  kind: 'survey',
  map: { ...BANK_MAP, csat: '评分' },
  tz: 'Asia/Shanghai',
  journey_question: '整体满意度',
};
const quiet = {
  log: () => {},
  mkdir: async () => {},
  run: () => Promise.resolve(0),
  rename: async () => {},
  remove: async () => {},
};

let root = '';
async function writeReport(slug: string, sources: object[]) {
  const dir = join(root, 'data/reports', slug);
  await mkdir(dir, { recursive: true });
  const config = { client: 'X', lang: 'zh', k: 1, sources, funnel: { steps: ['投保', '健康告知', '支付'] } };
  await writeFile(join(dir, 'report.json'), JSON.stringify({ ...config, purchase_event: '支付' }));
  await writeFile(join(dir, 'events.csv'), EVENTS);
  await writeFile(join(dir, 'survey.csv'), SURVEY);
}
const open = (slug: string) => readReport(slug, root, createDataLoaders({ root, effects: quiet }));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'survey-source-'));
  await writeReport('alone', [EVENTS_SOURCE]);
  await writeReport('with-survey', [EVENTS_SOURCE, SURVEY_SOURCE]);
  await writeReport('with-drivers', [EVENTS_SOURCE, BANK_SURVEY_SOURCE]);
  await copyFile(BANK_SURVEY, join(root, 'data/reports/with-drivers/bank-survey.csv'));
  await writeReport('misspelt-survey', [
    EVENTS_SOURCE,
    { ...SURVEY_SOURCE, map: { ...SURVEY_SOURCE.map, event: '问 题', nps: '推荐' } },
    { ...BANK_SURVEY_SOURCE, journey_question: '整体满意' },
    { ...BANK_SURVEY_SOURCE, journey_question: 'Overall' },
  ]);
  await copyFile(BANK_SURVEY, join(root, 'data/reports/misspelt-survey/bank-survey.csv'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('a survey source', () => {
  it('leaves value, what-if, paths and retention exactly as the events source alone', async () => {
    const alone = reportAnalyses(await open('alone'));
    const withSurvey = reportAnalyses(await open('with-survey'));
    expect(withSurvey.value).toEqual(alone.value);
    expect(withSurvey.whatIf).toEqual(alone.whatIf);
    expect(withSurvey.paths).toEqual(alone.paths);
    expect(withSurvey.retention).toEqual(alone.retention);
    expect(withSurvey.funnel).toEqual(alone.funnel);
    expect(withSurvey.customers).toBe(alone.customers);
    // Two payments of 1200 and 800: the survey's three 支付 answers are not purchases.
    expect(withSurvey.value).toMatchObject({ purchases: 2, revenue: 2000, aov: 1000 });
    expect(alone.surveySatisfaction).toBeNull();
  });

  it('gives CSAT and NPS per touchpoint in journey order, counting comments only', async () => {
    const report = await open('with-survey');
    expect(report.surveyComments).toBe(2);
    expect(report.survey!.columnNames()).not.toContain('comment');
    const rows = reportAnalyses(report).surveySatisfaction!;
    // Funnel order 投保, 支付, then 售后 (not a step).
    expect(rows.map((row) => row.name)).toEqual(['投保', '支付', '售后']);
    const [insure, pay, aftercare] = rows;
    // 投保: CSAT 3, 5 -> one of two is 4-5; NPS 8 alone (c2 left it blank) is passive -> 0.
    expect(insure!.csat).toMatchObject({ customers: 2, count: 2, mean: 4, csat: 0.5 });
    expect(insure!.nps).toMatchObject({ customers: 1, count: 1, mean: 8, nps: 0 });
    // 支付: CSAT 5, 4, 2 -> 2/3; NPS 10, 9 promoters, 6 detractor -> (2 - 1) / 3 = 33.3 points.
    expect(pay!.csat).toMatchObject({ customers: 3, count: 3, mean: 11 / 3, csat: 2 / 3 });
    expect(pay!.nps!.nps).toBeCloseTo(100 / 3, 12);
    expect(aftercare!.csat).toMatchObject({ count: 1, mean: 1, csat: 0 });
    expect(aftercare!.nps).toMatchObject({ count: 1, mean: 0, nps: -100 });
  });

  it('fits the driver matrix of journey_question, as journey drivers does on the file alone', async () => {
    const analyses = reportAnalyses(await open('with-drivers'));
    const alone = await loadEvents(BANK_SURVEY, { map: { ...BANK_MAP, satisfaction: '评分' }, tz: 'Asia/Shanghai' });
    const expected = driversResolved(
      alone.table,
      parseDriversSpec({ outcome: '整体满意度', score: 'satisfaction', k: 1 }),
    );
    expect(analyses.drivers!.error).toBeNull();
    expect(analyses.drivers!.result).toEqual({ ...expected, score: 'csat' });
    expect(reportAnalyses(await open('with-survey')).drivers).toBeNull();
  });

  it("fails on a survey's missing columns and journey question, all at once, with the closest names", async () => {
    const error = await open('misspelt-survey').catch((e: unknown) => e as Error);
    const file = 'data/reports/misspelt-survey/report.json';
    expect((error as Error).message.split('\n')).toEqual([
      'report misspelt-survey: report.json names what the data does not have:',
      `${file}: sources[1].map.event: "问 题" is not a column of survey.csv — did you mean "问题"?`,
      `${file}: sources[1].map.nps: "推荐" is not a column of survey.csv — did you mean "推荐意愿"?`,
      `${file}: sources[2].journey_question: "整体满意" is not a question in bank-survey.csv — did you mean "整体满意度"?`,
      `${file}: sources[3].journey_question: "Overall" is not a question in bank-survey.csv — use a question of the survey (journey satisfaction bank-survey.csv lists them)`,
    ]);
  });
});
