import { describe, expect, it } from 'vitest';
import { eventTable } from '../../../src/analytics/events.ts';
import { drivers, driversResultSchema } from '../../../src/analytics/analyses/drivers.ts';
import { suppress } from '../../../src/analytics/analyses/suppress.ts';

// The hand-computed set of relativeWeights.test.ts (R² 0.8, weights 0.5248, 0.1152, 0.16),
// repeated four times: copies leave every correlation unchanged and give 32 respondents,
// enough for three drivers at ten respondents each.
const opening = [4, 4, 4, 4, 2, 2, 2, 2];
const branch = [15, 15, 7, 7, 9, 9, 1, 1];
const app = [4, 2, 4, 2, 4, 2, 4, 2];
const overall = [19, 11, 13, 13, 5, 5, 11, 3];

interface Answer {
  customer: string;
  question: string;
  score: number | null;
  segment?: string | null;
}

function surveyTable(answers: Answer[], scoreColumn = 'satisfaction') {
  return eventTable({
    customer_id: answers.map((answer) => answer.customer),
    timestamp: answers.map((_, i) => i),
    event: answers.map((answer) => answer.question),
    segment: answers.map((answer) => answer.segment ?? null),
    [scoreColumn]: answers.map((answer) => answer.score),
  });
}

function handAnswers(copies: number, segment: string | null = null, prefix = 'c'): Answer[] {
  const answers: Answer[] = [];
  for (let copy = 0; copy < copies; copy++) {
    overall.forEach((score, i) => {
      const customer = `${prefix}${copy}-${i}`;
      answers.push({ customer, question: '整体满意度', score, segment });
      answers.push({ customer, question: '开户', score: opening[i]!, segment });
      answers.push({ customer, question: '柜台', score: branch[i]!, segment });
      answers.push({ customer, question: 'App', score: app[i]!, segment });
    });
  }
  return answers;
}

describe('drivers', () => {
  it('reproduces the hand-computed weights, with shares of R² and each driver’s raters and mean', () => {
    const answers = [
      ...handAnswers(4),
      // Answered the outcome only, and one touchpoint only: both left out of the model (listwise).
      { customer: 'x1', question: '整体满意度', score: 10 },
      { customer: 'x2', question: '开户', score: 5 },
    ];
    const result = drivers(surveyTable(answers), { outcome: '整体满意度' });
    expect(driversResultSchema.parse(result)).toEqual(result);
    expect([result.outcome, result.score, result.n, result.excluded, result.by]).toEqual([
      '整体满意度',
      'satisfaction',
      32,
      2,
      [],
    ]);
    expect(result.r2).toBeCloseTo(0.8, 10);
    // Default drivers: every other question, in order of first appearance.
    expect(result.drivers.map((row) => [row.name, row.n])).toEqual([
      ['开户', 33],
      ['柜台', 32],
      ['App', 32],
    ]);
    expect(result.drivers[0]!.mean).toBeCloseTo((4 * 24 + 5) / 33, 12);
    expect(result.drivers[1]!.mean).toBe(8);
    const expected = [
      { correlation: 0.8, beta: 0.8, weight: 0.5248, share: 0.656 },
      { correlation: 0.48, beta: 0, weight: 0.1152, share: 0.144 },
      { correlation: 0.4, beta: 0.4, weight: 0.16, share: 0.2 },
    ];
    result.drivers.forEach((row, j) => {
      for (const [field, value] of Object.entries(expected[j]!)) {
        expect(row[field as keyof typeof row] as number, `${row.name} ${field}`).toBeCloseTo(value, 10);
      }
    });
  });

  it('per segment: a large one gets its model, a small one is refused with a message naming it', () => {
    const answers = [...handAnswers(4, 'mass'), ...handAnswers(1, 'private', 'p')];
    const result = drivers(surveyTable(answers), { outcome: '整体满意度', drivers: ['开户', 'App'], by: 'segment' });
    expect(result.n).toBe(40);
    expect(result.by.map((segment) => [segment.value, segment.n, segment.excluded, segment.refused])).toEqual([
      ['mass', 32, 0, null],
      [
        'private',
        8,
        0,
        'segment private: 8 respondents answered 整体满意度 and every driver; 2 drivers need at least 20 (10 per driver); use fewer drivers (--drivers) or larger segments',
      ],
    ]);
    // Without 柜台 the two drivers are uncorrelated: weights are the squared correlations.
    const mass = result.by[0]!;
    expect(mass.r2).toBeCloseTo(0.8, 10);
    expect(mass.drivers.map((row) => row.weight)).toEqual([expect.closeTo(0.64, 10), expect.closeTo(0.16, 10)]);
    expect(result.by[1]!.drivers.map((row) => [row.n, row.mean, row.weight])).toEqual([
      [8, 3, null],
      [8, 3, null],
    ]);
  });

  it('suppression: a segment under k publishes `< 5` and no figures', () => {
    const answers = [...handAnswers(4, 'mass'), ...handAnswers(1, 'private', 'p').slice(0, 12)];
    const published = suppress(drivers(surveyTable(answers), { outcome: '整体满意度', by: 'segment' }), { k: 5 });
    const small = published.by[1]!;
    expect([small.value, small.n, small.r2, small.drivers[0]!.n, small.drivers[0]!.mean]).toEqual([
      'private',
      { suppressed: true, fewer_than: 5 },
      null,
      { suppressed: true, fewer_than: 5 },
      null,
    ]);
    expect(published.n).toBe(35);
    // A zero count is under k too, as everywhere (spec §10).
    expect(published.excluded).toEqual({ suppressed: true, fewer_than: 5 });
  });

  it('refuses an overall model with fewer than 10 respondents per driver, or fewer than k', () => {
    expect(() => drivers(surveyTable(handAnswers(3)), { outcome: '整体满意度' })).toThrow(
      'drivers: all respondents: 24 respondents answered 整体满意度 and every driver; 3 drivers need at least 30 (10 per driver)',
    );
    expect(() => drivers(surveyTable(handAnswers(4)), { outcome: '整体满意度', k: 40, min_per_driver: 1 })).toThrow(
      'fewer than k = 40 (suppressed)',
    );
  });

  it('names collinear and constant drivers instead of fitting them', () => {
    const answers = handAnswers(4).flatMap((answer) =>
      answer.question === '开户' ? [answer, { ...answer, question: '开户副本' }] : [answer],
    );
    expect(() => drivers(surveyTable(answers), { outcome: '整体满意度', min_per_driver: 5 })).toThrow(
      'some drivers are exact linear blends of others: 开户, 开户副本; leave one of them out with --drivers',
    );
  });

  it('reads csat before satisfaction by default, and says which questions exist when one is missing', () => {
    const answers = handAnswers(4);
    const table = eventTable({
      customer_id: answers.map((answer) => answer.customer),
      timestamp: answers.map((_, i) => i),
      event: answers.map((answer) => answer.question),
      satisfaction: answers.map(() => 1),
      csat: answers.map((answer) => answer.score),
    });
    expect(drivers(table, { outcome: '整体满意度' }).score).toBe('csat');
    expect(() => drivers(table, { outcome: '整体满意度', drivers: '开户,网点' })).toThrow(
      'drivers: no csat scores for 网点; the questions with scores are 整体满意度, 开户, 柜台, App',
    );
    expect(() => drivers(table, { outcome: '整体满意度', score: 'nps' })).toThrow('the table has no nps column');
    expect(() => drivers(table, { outcome: '开户', drivers: ['开户'] })).toThrow(
      'the outcome 开户 cannot also be a driver',
    );
  });
});
