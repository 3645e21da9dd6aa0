/**
 * Key-driver analysis of a survey: which touchpoint scores move a journey-level
 * outcome (e.g. 整体满意度), overall and per segment. For each model: n (the
 * respondents who answered the outcome and every driver), excluded (respondents
 * to any of those questions left out for a missing answer: listwise deletion),
 * R², and per driver its raters' n and mean score (its performance), Pearson
 * correlation with the outcome, standardised regression coefficient (beta),
 * Johnson's relative weight (raw, summing to R²) and share = weight / R².
 *
 * A model needs `min_per_driver` (10) complete respondents per driver and at
 * least k; overall it throws otherwise, a segment gets `refused` (the reason)
 * and null figures.
 *
 * @example
 *   drivers(table, { outcome: '整体满意度', by: 'segment' });
 *   // { outcome: '整体满意度', score: 'csat', n: 412, excluded: 9, r2: 0.61,
 *   //   drivers: [{ name: '开户体验', n: 418, mean: 3.4, correlation: 0.62, beta: 0.41, weight: 0.28, share: 0.46 }, ...],
 *   //   by: [{ value: '大众客户', n: 260, excluded: 5, r2: 0.58, refused: null, drivers: [...] }, ...] }
 */
import { z } from 'zod';
import { DegenerateModelError, relativeWeights } from './relativeWeights.ts';
import { parseDriversSpec, SCORE_COLUMNS, type DriversSpec, type DriversSpecInput } from './spec.ts';
import { resolveScoreColumn, respondentGroups, surveyAnswers, type SurveyAnswers } from './surveyAnswers.ts';
import type { ColumnTable } from '../events.ts';

export { driversSpecSchema, parseDriversSpec, type DriversSpec, type DriversSpecInput } from './spec.ts';

export const driverRowSchema = z.object({
  name: z.string(),
  /** Respondents (in this group) who rated the driver, with or without the outcome. */
  n: z.number(),
  /** Their mean score: the touchpoint's performance. */
  mean: z.number().nullable(),
  correlation: z.number().nullable(),
  beta: z.number().nullable(),
  weight: z.number().nullable(),
  share: z.number().nullable(),
});
export const driverSegmentSchema = z.object({
  value: z.string(),
  n: z.number(),
  excluded: z.number(),
  r2: z.number().nullable(),
  /** Why this segment has no model (too few respondents, collinear drivers), else null. */
  refused: z.string().nullable(),
  drivers: z.array(driverRowSchema),
});
export const driversResultSchema = z.object({
  outcome: z.string(),
  score: z.enum(SCORE_COLUMNS),
  n: z.number(),
  excluded: z.number(),
  r2: z.number(),
  drivers: z.array(driverRowSchema),
  by: z.array(driverSegmentSchema),
});
export type DriverRow = z.output<typeof driverRowSchema>;
export type DriverSegment = z.output<typeof driverSegmentSchema>;
export type DriversResult = z.output<typeof driversResultSchema>;

export function drivers(table: ColumnTable, specInput: DriversSpecInput): DriversResult {
  return driversResolved(table, parseDriversSpec(specInput));
}

/** drivers() on a resolved spec (parseDriversSpec), for callers that parsed it already. */
export function driversResolved(table: ColumnTable, spec: DriversSpec): DriversResult {
  const score = resolveScoreColumn(table, spec.score, 'drivers');
  const answers = surveyAnswers(table, score);
  const known = new Set(answers.questions);
  const missing = [spec.outcome, ...(spec.drivers ?? [])].filter((name) => !known.has(name));
  if (missing.length > 0) {
    throw new Error(
      `drivers: no ${score} scores for ${missing.join(', ')}; the questions with scores are ${answers.questions.join(', ')}`,
    );
  }
  const driverNames = spec.drivers ?? answers.questions.filter((name) => name !== spec.outcome);
  if (driverNames.length === 0) throw new Error(`drivers: the survey has no question besides ${spec.outcome}`);
  const everyone = Array.from({ length: answers.customers }, (_, customer) => customer);
  const overall = fitGroup(answers, spec, driverNames, everyone, 'all respondents');
  if (overall.refused !== null) throw new Error(`drivers: ${overall.refused}`);
  const by: DriverSegment[] = [];
  if (spec.by !== null) {
    const groups = respondentGroups(table, score, spec.by);
    const members = new Map<string, number[]>();
    groups.forEach((value, customer) => {
      const list = members.get(value) ?? [];
      list.push(customer);
      members.set(value, list);
    });
    for (const [value, customers] of members) {
      by.push({ value, ...fitGroup(answers, spec, driverNames, customers, `segment ${value}`) });
    }
  }
  return {
    outcome: spec.outcome,
    score,
    n: overall.n,
    excluded: overall.excluded,
    r2: overall.r2 as number,
    drivers: overall.drivers,
    by,
  };
}

type GroupModel = Omit<DriverSegment, 'value'>;

function fitGroup(
  answers: SurveyAnswers,
  spec: DriversSpec,
  driverNames: string[],
  customers: number[],
  groupName: string,
): GroupModel {
  const outcomeScores = answers.scores.get(spec.outcome) as Float64Array;
  const driverScores = driverNames.map((name) => answers.scores.get(name) as Float64Array);
  const complete: number[] = [];
  let respondents = 0;
  for (const customer of customers) {
    const answered = [outcomeScores, ...driverScores].map((scores) => !Number.isNaN(scores[customer] as number));
    if (answered.some(Boolean)) respondents++;
    if (answered.every(Boolean)) complete.push(customer);
  }
  const n = complete.length;
  const performance = driverNames.map((name, j) => {
    const scores = driverScores[j] as Float64Array;
    let count = 0;
    let sum = 0;
    for (const customer of customers) {
      const value = scores[customer] as number;
      if (Number.isNaN(value)) continue;
      count++;
      sum += value;
    }
    return { name, n: count, mean: count > 0 ? sum / count : null };
  });
  const refuse = (reason: string): GroupModel => ({
    n,
    excluded: respondents - n,
    r2: null,
    refused: `${groupName}: ${reason}`,
    drivers: performance.map((row) => ({ ...row, correlation: null, beta: null, weight: null, share: null })),
  });
  const needed = Math.max(spec.k, spec.minPerDriver * driverNames.length);
  if (n < needed) {
    const why =
      n < spec.k
        ? `${n} respondents answered ${spec.outcome} and every driver, fewer than k = ${spec.k} (suppressed)`
        : `${n} respondents answered ${spec.outcome} and every driver; ${driverNames.length} drivers need at least ${needed} (${spec.minPerDriver} per driver)`;
    return refuse(`${why}; use fewer drivers (--drivers) or larger segments`);
  }
  const column = (scores: Float64Array) => Float64Array.from(complete, (customer) => scores[customer] as number);
  try {
    const model = relativeWeights(driverScores.map(column), column(outcomeScores));
    return {
      n,
      excluded: respondents - n,
      r2: model.r2,
      refused: null,
      drivers: performance.map((row, j) => {
        const weight = model.weights[j] as number;
        return {
          ...row,
          correlation: model.correlations[j] as number,
          beta: model.betas[j] as number,
          weight,
          share: model.r2 > 0 ? weight / model.r2 : null,
        };
      }),
    };
  } catch (error) {
    if (!(error instanceof DegenerateModelError)) throw error;
    const named = error.drivers.map((index) => driverNames[index]).join(', ');
    if (error.kind === 'constant_outcome') return refuse(`${error.message} (${spec.outcome}): nothing to explain`);
    if (error.kind === 'constant_driver') return refuse(`${error.message}: ${named}; leave it out with --drivers`);
    return refuse(`${error.message}: ${named}; leave one of them out with --drivers`);
  }
}
