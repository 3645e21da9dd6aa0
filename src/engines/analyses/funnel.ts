/**
 * Funnels on an engine (spec §4): the SQL returns, per breakdown bucket (and
 * for everyone, bucket NULL), the customers at each step and the median and
 * mean gap into it; TypeScript shapes them into the §11 result with the same
 * step figures as the in-memory funnel.
 *
 * @example
 *   const queries = funnelQueries({ steps: 'visit,purchase' }, source, duckdbDialect);
 *   funnelFromRows({ steps: 'visit,purchase' }, await runQueries(engine, queries));
 */
import { funnelSteps } from '../../analytics/analyses/funnelSteps.ts';
import { NO_VALUE, type FunnelBreakdownBucket, type FunnelResult } from '../../analytics/analyses/funnel.ts';
import { parseFunnelSpec, type FunnelSpecInput } from '../../analytics/analyses/spec.ts';
import type { Dialect } from '../sql/dialect.ts';
import type { EventSource } from '../sql/source.ts';
import { funnelAttemptCtes } from './funnelAttempts.ts';
import { cellCount, cellNumber, cellText, type EngineRow, type Queries, type QueryRows } from './rows.ts';

export function funnelQueries(
  specInput: FunnelSpecInput,
  source: EventSource,
  dialect: Dialect,
  options: { native?: boolean } = {},
): Queries {
  const spec = parseFunnelSpec(specInput);
  const n = spec.steps.length;
  const figures = Array.from({ length: n }, (_, i) => {
    const k = i + 1;
    const count = `sum(CASE WHEN reached >= ${k} THEN 1 ELSE 0 END) AS c${k}`;
    if (k === 1) return count;
    // Doubles, not decimals: Spark and PostgreSQL would round a decimal quotient.
    const gap = `CASE WHEN reached >= ${k} THEN ${dialect.double(`t${k} - t${k - 1}`)} / 1000 END`;
    return `${count}, ${dialect.median(gap)} AS median${k}, avg(${gap}) AS mean${k}`;
  }).join(', ');
  const bucket = `COALESCE(NULLIF(by_value, ''), ${dialect.string(NO_VALUE)})`;
  const everyone = `SELECT NULL AS bucket, ${figures} FROM best`;
  const select =
    spec.by === null
      ? everyone
      : `${everyone} UNION ALL SELECT bucket, ${figures} FROM (SELECT ${bucket} AS bucket, reached, ${Array.from({ length: n }, (_, i) => `t${i + 1}`).join(', ')} FROM best) b GROUP BY bucket`;
  return {
    funnel: `WITH ${funnelAttemptCtes(spec, source, dialect, options).join(',\n')}\n${select}${dialect.querySuffix}`,
  };
}

export function funnelFromRows(specInput: FunnelSpecInput, rows: QueryRows): FunnelResult {
  const spec = parseFunnelSpec(specInput);
  const names = spec.steps.map((step) => step.name);
  const toSteps = (row: EngineRow | undefined) => {
    const customers = names.map((_, i) => cellCount(row?.[`c${i + 1}`]));
    return funnelSteps(names, customers, null).map((figures, i) =>
      i === 0
        ? figures
        : {
            ...figures,
            median_seconds_from_previous: cellNumber(row?.[`median${i + 1}`]),
            mean_seconds_from_previous: cellNumber(row?.[`mean${i + 1}`]),
          },
    );
  };
  const result = rows.funnel ?? [];
  const breakdown: FunnelBreakdownBucket[] = result
    .filter((row) => cellText(row.bucket) !== null)
    .map((row) => ({ value: cellText(row.bucket) ?? NO_VALUE, steps: toSteps(row) }))
    .filter((bucket) => (bucket.steps[0]?.customers ?? 0) > 0)
    // Biggest bucket first, then by name (code-unit order), as in memory.
    .sort(
      (a, b) =>
        (b.steps[0]?.customers ?? 0) - (a.steps[0]?.customers ?? 0) ||
        (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    );
  return {
    mode: spec.mode,
    window_seconds: spec.windowSeconds,
    steps: toSteps(result.find((row) => cellText(row.bucket) === null)),
    breakdown,
  };
}

/** A funnel from customer counts alone (no times, no breakdown): the windowFunnel fast path. */
export function funnelFromCounts(specInput: FunnelSpecInput, customers: number[]): FunnelResult {
  const spec = parseFunnelSpec(specInput);
  const names = spec.steps.map((step) => step.name);
  return {
    mode: spec.mode,
    window_seconds: spec.windowSeconds,
    steps: funnelSteps(names, customers, null),
    breakdown: [],
  };
}
