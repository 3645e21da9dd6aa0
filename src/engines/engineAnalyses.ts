/**
 * Every analysis on an engine: compile to the engine's dialect, run, shape into
 * the §11 result (the same JSON as the in-memory analyses; suppression is
 * applied by the caller as for any result). `analysisQueries` gives the SQL
 * alone, for `journey sql`.
 *
 * @example
 *   await engineAnalysis(engine, source, 'funnel', { steps: 'visit,purchase', window: '7d' });
 */
import type {
  FunnelSpecInput,
  PathsSpecInput,
  RetentionSpecInput,
  SatisfactionSpecInput,
  StallsSpecInput,
  ValueSpecInput,
  WhatIfSpecInput,
} from '../analytics/analyses/spec.ts';
import { parseWhatIfSpec } from '../analytics/analyses/spec.ts';
import { clickhousePathsQueries } from './analyses/clickhousePaths.ts';
import { funnelFromCounts, funnelFromRows, funnelQueries } from './analyses/funnel.ts';
import { pathsFromRows, pathsQueries } from './analyses/paths.ts';
import { retentionFromRows, retentionQueries } from './analyses/retention.ts';
import type { Queries } from './analyses/rows.ts';
import { satisfactionFromRows, satisfactionQueries } from './analyses/satisfaction.ts';
import { stallsFromRows, stallsQueries } from './analyses/stalls.ts';
import { valueFromRows, valueQueries } from './analyses/value.ts';
import { whatIfFromResults } from './analyses/whatIf.ts';
import { customersAtSteps, windowFunnelCountsQuery } from './analyses/windowFunnel.ts';
import { runQueries, type Engine } from './engine.ts';
import type { Dialect } from './sql/dialect.ts';
import type { EventSource } from './sql/source.ts';

export interface EngineSpecs {
  funnel: FunnelSpecInput;
  paths: PathsSpecInput;
  retention: RetentionSpecInput;
  value: ValueSpecInput;
  satisfaction: SatisfactionSpecInput;
  stalls: StallsSpecInput;
  'what-if': WhatIfSpecInput;
}
export type EngineAnalysis = keyof EngineSpecs;
export const ENGINE_ANALYSES: readonly EngineAnalysis[] = [
  'funnel',
  'paths',
  'retention',
  'value',
  'satisfaction',
  'stalls',
  'what-if',
];

/** The SQL of an analysis, by query name. */
export function analysisQueries<A extends EngineAnalysis>(
  analysis: A,
  spec: EngineSpecs[A],
  source: EventSource,
  dialect: Dialect,
): Queries {
  switch (analysis) {
    case 'funnel':
      return funnelQueries(spec as FunnelSpecInput, source, dialect);
    case 'paths':
      // ClickHouse: per-customer arrays instead of window passes, with the same rows.
      return dialect.name === 'clickhouse'
        ? clickhousePathsQueries(spec as PathsSpecInput, source)
        : pathsQueries(spec as PathsSpecInput, source, dialect);
    case 'retention':
      return retentionQueries(spec as RetentionSpecInput, source, dialect);
    case 'value':
      return valueQueries(spec as ValueSpecInput, source, dialect);
    case 'satisfaction':
      return satisfactionQueries(spec as SatisfactionSpecInput, source, dialect);
    case 'stalls':
      return stallsQueries(spec as StallsSpecInput, source, dialect);
    default: {
      const whatIf = parseWhatIfSpec(spec as WhatIfSpecInput);
      const funnelSpec = funnelOfWhatIf(whatIf);
      const value = valueQueries({ purchase_event: whatIf.purchaseEvent }, source, dialect).value ?? '';
      // What-if needs counts only: ClickHouse's windowFunnel gives them for ordered funnels.
      if (dialect.name === 'clickhouse' && whatIf.mode === 'ordered')
        return { funnel_counts: windowFunnelCountsQuery(funnelSpec, source), value };
      return { funnel: funnelQueries(funnelSpec, source, dialect).funnel ?? '', value };
    }
  }
}

const funnelOfWhatIf = (spec: ReturnType<typeof parseWhatIfSpec>): FunnelSpecInput => ({
  steps: spec.steps.map((step) => step.events),
  window: spec.windowSeconds,
  mode: spec.mode,
});

/** Runs an analysis on an engine and returns its §11 result. */
export async function engineAnalysis<A extends EngineAnalysis>(
  engine: Engine,
  source: EventSource,
  analysis: A,
  spec: EngineSpecs[A],
): Promise<unknown> {
  const rows = await runQueries(engine, analysisQueries(analysis, spec, source, engine.dialect));
  switch (analysis) {
    case 'funnel':
      return funnelFromRows(spec as FunnelSpecInput, rows);
    case 'paths':
      return pathsFromRows(spec as PathsSpecInput, rows);
    case 'retention':
      return retentionFromRows(spec as RetentionSpecInput, rows);
    case 'value':
      return valueFromRows(source, rows);
    case 'satisfaction':
      return satisfactionFromRows(spec as SatisfactionSpecInput, source, rows);
    case 'stalls':
      return stallsFromRows(spec as StallsSpecInput, rows);
    default: {
      const whatIf = parseWhatIfSpec(spec as WhatIfSpecInput);
      const funnelSpec = funnelOfWhatIf(whatIf);
      const base = rows.funnel_counts
        ? funnelFromCounts(funnelSpec, customersAtSteps(funnelSpec, rows.funnel_counts))
        : funnelFromRows(funnelSpec, rows);
      return whatIfFromResults(spec as WhatIfSpecInput, base, valueFromRows(source, rows).aov);
    }
  }
}
