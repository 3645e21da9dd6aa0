/**
 * A bank's account-opening survey export, one row per answer (long format):
 * five touchpoint questions and the journey-level 整体满意度, 1-5 scores, as a
 * survey platform exports it with Chinese column names and Asia/Shanghai
 * wall-clock times. Built so a key-driver analysis has something to find:
 * each segment weighs the touchpoints differently (payroll customers the
 * branch wait, young customers the app activation), the branch wait scores
 * worst, and the journey score also depends on hand-offs that no touchpoint
 * question asks about (so some customers like every touchpoint but not the
 * journey). About 6% skip each touchpoint question.
 *
 * Columns: 客户编号,时间,问题,客群,评分.
 */
import { MINUTE_MS, customerId, localShanghai, score, shanghaiDay, sortedCsv, type Row } from './format.ts';
import type { Random } from './random.ts';

export const BANK_SURVEY_HEADER = ['客户编号', '时间', '问题', '客群', '评分'] as const;
export const JOURNEY_QUESTION = '整体满意度';

/** Touchpoint questions in survey order, with the mean experience each delivers (1-5). */
export const TOUCHPOINTS = [
  { question: '线上预约', mean: 4.1 },
  { question: '网点等候', mean: 2.8 },
  { question: '柜台办理', mean: 4.2 },
  { question: '身份核验', mean: 3.7 },
  { question: '手机银行激活', mean: 3.2 },
] as const;

type Segment = '代发工资' | '年轻客群' | '其他';

/** How much each segment's journey score depends on each touchpoint (in TOUCHPOINTS order). */
const IMPORTANCE: Record<Segment, readonly number[]> = {
  代发工资: [0.1, 0.55, 0.3, 0.25, 0.1],
  年轻客群: [0.2, 0.1, 0.05, 0.25, 0.6],
  其他: [0.1, 0.45, 0.2, 0.25, 0.2],
};

export interface BankSurveyOptions {
  customers: number;
  firstDay: string;
  days: number;
}

export const BANK_SURVEY: BankSurveyOptions = { customers: 900, firstDay: '2026-10-05', days: 21 };

export function bankSurvey(random: Random, options: BankSurveyOptions): string {
  const rows: Row[] = [];
  let order = 0;
  for (let index = 1; index <= options.customers; index++) {
    const id = customerId('BS', index);
    const segment = random.weighted<Segment>([
      ['代发工资', 40],
      ['年轻客群', 35],
      ['其他', 25],
    ]);
    // A customer's general mood colours every answer a little, so touchpoint scores correlate.
    const mood = random.normal();
    const experiences = TOUCHPOINTS.map(() => 0.45 * mood + 0.89 * random.normal());
    const handOffs = random.normal();
    const weights = IMPORTANCE[segment];
    const journey =
      experiences.reduce((sum, experience, j) => sum + (weights[j] ?? 0) * experience, 0) +
      0.35 * handOffs +
      0.45 * random.normal();
    const start =
      shanghaiDay(options.firstDay) +
      random.int(0, options.days - 1) * 1440 * MINUTE_MS +
      random.int(540, 1260) * MINUTE_MS;
    const answers: [string, number][] = [];
    TOUCHPOINTS.forEach((touchpoint, j) => {
      if (random.chance(0.06)) return;
      answers.push([touchpoint.question, score(touchpoint.mean + 0.9 * (experiences[j] ?? 0), 1, 5)]);
    });
    if (!random.chance(0.03)) answers.push([JOURNEY_QUESTION, score(3.5 + 0.9 * journey, 1, 5)]);
    answers.forEach(([question, value], position) => {
      const ms = start + position * 20_000;
      rows.push({ ms, order: order++, fields: [id, localShanghai(ms), question, segment, value] });
    });
  }
  return sortedCsv(BANK_SURVEY_HEADER, rows);
}
