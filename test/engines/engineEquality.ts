/**
 * The equality suite every engine runs: each analysis, on the seeded log, must
 * give the in-memory engine's result. Floating figures (means, medians,
 * revenue) are compared to 12 significant digits: engines sum in another order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTable, type ColumnTable } from '../../src/analytics/events.ts';
import { funnel } from '../../src/analytics/analyses/funnel.ts';
import { paths } from '../../src/analytics/analyses/paths.ts';
import { retention } from '../../src/analytics/analyses/retention.ts';
import { satisfaction } from '../../src/analytics/analyses/satisfaction.ts';
import { stalls } from '../../src/analytics/analyses/stalls.ts';
import { value } from '../../src/analytics/analyses/value.ts';
import { whatIf } from '../../src/analytics/analyses/whatIf.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { engineAnalysis, type EngineAnalysis, type EngineSpecs } from '../../src/engines/engineAnalyses.ts';
import { eventSource, type EventSource } from '../../src/engines/sql/source.ts';
import { engineLog, loadEngineLog } from './engineLog.ts';

export function rounded<T>(result: T): T {
  return JSON.parse(
    JSON.stringify(result, (_key, cell: unknown) =>
      typeof cell === 'number' && !Number.isInteger(cell) ? Number(cell.toPrecision(12)) : cell,
    ),
  ) as T;
}

const STEPS = 'visit,view,cart,purchase';

export const EQUALITY_CASES: { [A in EngineAnalysis]: EngineSpecs[A][] } = {
  funnel: [
    { steps: STEPS },
    { steps: STEPS, window: '1h', by: 'channel' },
    { steps: 'visit,view|search,cart', window: '2h', mode: 'strict', by: 'stage' },
    { steps: 'search,visit,search,purchase', window: '3d' },
    { steps: STEPS, window: '1h', mode: 'unordered', by: 'segment' },
    { steps: 'visit|search,cart,visit|search', window: '1d', mode: 'unordered' },
    { steps: 'nobody,visit', window: '1d', by: 'channel' },
  ],
  paths: [
    {},
    { start: 'visit', end: 'purchase', depth: 6, top: 10 },
    { session_gap: '2h', collapse_repeats: false, depth: 3, top: 100, limit: 20, min_sessions: 3 },
    { start: 'search', session_gap: 0, top: 30, depth: 1 },
  ],
  retention: [
    { period: 'day' },
    { period: 'week', tz: 'Asia/Shanghai', mode: 'on_or_after' },
    { period: 'month', tz: 'America/New_York', start_event: 'purchase' },
    { period: 'week', tz: 'Europe/Berlin', start_event: 'visit', return_event: 'purchase' },
    { period: 'day', tz: 'America/New_York', mode: 'on_or_after', start_event: 'cart' },
  ],
  value: [{}, { purchase_event: 'cart' }, { purchase_event: 'nobody' }],
  satisfaction: [{}, { scale: 10 }],
  stalls: [
    { steps: STEPS, older_than: '7d' },
    { steps: 'visit,cart', older_than: '1d', mode: 'strict', now: '2025-01-01T00:00:00Z' },
  ],
  'what-if': [{ steps: STEPS, step: 3, uplift: 0.2 }],
};

const IN_MEMORY: { [A in EngineAnalysis]: (table: ColumnTable, spec: EngineSpecs[A]) => unknown } = {
  funnel,
  paths,
  retention,
  value,
  satisfaction,
  stalls,
  'what-if': whatIf,
};

/** Registers the suite for one engine; `open` returns null with a reason when the engine is absent. */
export function describeEngineEquality(
  title: string,
  open: () => Promise<Engine | { skip: string }>,
  tableName = 'engine_log',
): void {
  describe(title, () => {
    const log = engineLog();
    const table = eventTable(log.columns);
    let engine: Engine | null = null;
    let skip = '';
    let source: EventSource;
    beforeAll(async () => {
      const opened = await open();
      if ('skip' in opened) {
        skip = opened.skip;
        return;
      }
      engine = opened;
      await loadEngineLog(engine, tableName, log);
      source = eventSource({
        table: tableName,
        orderBy: 'rid',
        columns: {
          stage: 'stage',
          channel: 'channel',
          segment: 'segment',
          value: 'value',
          satisfaction: 'satisfaction',
        },
      });
    }, 300_000);
    afterAll(async () => {
      await engine?.close();
    });

    for (const analysis of Object.keys(EQUALITY_CASES) as EngineAnalysis[]) {
      for (const spec of EQUALITY_CASES[analysis]) {
        it(`${analysis} ${JSON.stringify(spec)}`, async (context) => {
          if (engine === null) return context.skip(skip);
          const ours = IN_MEMORY[analysis](table, spec as never);
          const theirs = await engineAnalysis(engine, source, analysis, spec as never);
          expect(rounded(theirs)).toEqual(rounded(ours));
        }, 120_000);
      }
    }
  });
}
