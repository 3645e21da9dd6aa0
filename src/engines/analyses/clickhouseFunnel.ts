/**
 * ClickHouse's native form of the ordered and strict funnel core (spec §4.1 to
 * §4.3, §4.5, §4.7, §4.8): the same `best` rows as funnelAttempts.ts (one per
 * customer who entered: furthest step, breakdown value, times t1..tn of the
 * counted attempt) from one aggregation instead of window passes and a join
 * per step, whose hash tables and sorts do not fit in memory at 100M events.
 * Each customer's events are gathered into one array sorted as the portable
 * SQL's `o` orders them (ts, the funnel's tie rank, then the order column or
 * event name); every step-1 event starts an attempt, grown one step at a time
 * by the next matching position (ordered: the first later event of the step;
 * strict: the very next event, if it is one), kept while within the window.
 * The counted attempt is the first (earliest start) of those reaching furthest.
 *
 * @example
 *   `WITH ${clickhouseFunnelCtes(spec, source).join(',\n')} SELECT reached, count(*) FROM best GROUP BY reached`
 */
import type { FunnelMode, FunnelStep } from '../../analytics/analyses/spec.ts';
import { clickhouseDialect } from '../sql/dialects/clickhouse.ts';
import { eventsCte, type EventSource } from '../sql/source.ts';

interface ArrayFunnelSpec {
  steps: FunnelStep[];
  windowSeconds: number;
  mode: FunnelMode;
  by?: string | null;
}

export function clickhouseFunnelCtes(spec: ArrayFunnelSpec, source: EventSource): string[] {
  if (spec.mode === 'unordered') throw new Error('the ClickHouse array funnel is for ordered and strict funnels');
  const d = clickhouseDialect;
  const n = spec.steps.length;
  const windowMs = spec.windowSeconds * 1000;
  const names = (k: number) => `(${(spec.steps[k - 1]?.events ?? []).map(d.string).join(', ')})`;
  const tieRank = `multiIf(${spec.steps.map((_, i) => `event IN ${names(i + 1)}, ${i}`).join(', ')}, ${n})`;
  const tie = source.orderBy === null ? 'event' : 'rid';
  const extra: Record<string, string> = spec.by ? { by_value: spec.by } : {};
  const byValue = spec.by ? 'by_value' : 'CAST(NULL AS Nullable(String))';
  // An attempt is the array of its matched positions; step k extends those that reached k - 1.
  const next = (k: number) =>
    spec.mode === 'ordered'
      ? `arrayFirstIndex((e, j) -> j > a[-1] AND e IN ${names(k)}, E, arrayEnumerate(E))`
      : `if(a[-1] < length(E) AND E[a[-1] + 1] IN ${names(k)}, a[-1] + 1, 0)`;
  const grow = Array.from({ length: n - 1 }, (_, i) => {
    const k = i + 2;
    return `arrayMap(a -> if(length(a) = ${k - 1}, arrayMap(p -> if(p > 0 AND T[p] - T[a[1]] <= ${windowMs}, arrayPushBack(a, p), a), [${next(k)}])[1], a), a${k - 1}) AS a${k}`;
  });
  const times = Array.from(
    { length: n },
    (_, i) => `if(length(b) >= ${i + 1}, T[b[${i + 1}]], NULL) AS t${i + 1}`,
  ).join(', ');
  return [
    eventsCte(source, d, extra),
    `cs AS (SELECT customer_id, arraySort(groupArray((ts, ${tieRank}, ${tie}, event, ${byValue}))) AS sorted
     FROM ev GROUP BY customer_id)`,
    `at AS (SELECT customer_id, arrayMap(x -> x.1, sorted) AS T, arrayMap(x -> x.4, sorted) AS E,
       arrayMap(x -> x.5, sorted) AS B,
       arrayMap(i -> [i], arrayFilter((i, e) -> e IN ${names(1)}, arrayEnumerate(E), E)) AS a1, ${grow.join(', ')}
     FROM cs WHERE notEmpty(a1))`,
    `bp AS (SELECT customer_id, T, B, arrayMax(arrayMap(x -> length(x), a${n})) AS furthest,
       arrayFirst(a -> length(a) = furthest, a${n}) AS b FROM at)`,
    `best AS (SELECT customer_id, B[b[1]] AS by_value, length(b) AS reached, ${times} FROM bp)`,
  ];
}
