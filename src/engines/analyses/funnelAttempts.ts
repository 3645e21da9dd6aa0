/**
 * The per-customer core of a funnel in SQL (spec §3, §4.1 to §4.5, §4.7), the
 * counterpart of furthestSteps: CTEs ending in `best`, one row per customer who
 * entered, with `reached` (the furthest step), `by_value` (on the counted
 * attempt's first event) and `t1`..`tn` (epoch ms at which the counted attempt,
 * the earliest reaching that step, reached each step; NULL beyond). Funnel and
 * stalls build on it; customer ids never leave these CTEs. On ClickHouse,
 * ordered and strict funnels use the native array form (clickhouseFunnel.ts)
 * unless `native` is false (the tests compare the two).
 *
 * @example
 *   `WITH ${funnelAttemptCtes(spec, source, dialect).join(',\n')} SELECT reached, count(*) FROM best GROUP BY reached`
 */
import type { FunnelMode, FunnelStep } from '../../analytics/analyses/spec.ts';
import type { Dialect } from '../sql/dialect.ts';
import { clickhouseFunnelCtes } from './clickhouseFunnel.ts';
import { eventsCte, tieOrder, type EventSource } from '../sql/source.ts';

export interface FunnelAttemptsSpec {
  steps: FunnelStep[];
  windowSeconds: number;
  mode: FunnelMode;
  by?: string | null;
}

const flag = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;

export function funnelAttemptCtes(
  spec: FunnelAttemptsSpec,
  source: EventSource,
  dialect: Dialect,
  { native = true }: { native?: boolean } = {},
): string[] {
  // ClickHouse: per-customer arrays instead of window passes and joins, with the same `best` rows.
  if (native && dialect.name === 'clickhouse' && spec.mode !== 'unordered') return clickhouseFunnelCtes(spec, source);
  const n = spec.steps.length;
  const inStep = (step: FunnelStep) => `event IN (${step.events.map(dialect.string).join(', ')})`;
  // Spec §3: equal timestamps sort by the first step they match, non-matching events last.
  const tieRank = `CASE ${spec.steps.map((step, index) => `WHEN ${inStep(step)} THEN ${index}`).join(' ')} ELSE ${n} END`;
  const extra: Record<string, string> = spec.by ? { by_value: spec.by } : {};
  const byValue = spec.by ? 'by_value' : 'NULL AS by_value';
  const flags = spec.steps.map((step, index) => `${flag(inStep(step))} AS s${index + 1}`).join(', ');
  const ctes = [
    eventsCte(source, dialect, extra),
    `o AS (SELECT customer_id, ts, event, ${byValue}, ${flags},
       row_number() OVER (PARTITION BY customer_id ORDER BY ts, ${tieRank}, ${tieOrder(source)}) AS pos
     FROM ev)`,
  ];
  if (spec.mode === 'unordered') ctes.push(...unorderedAttempts(spec, dialect));
  else ctes.push(...sequentialAttempts(spec, dialect));
  const times = Array.from({ length: n }, (_, i) => `t${i + 1}`).join(', ');
  ctes.push(
    `ranked AS (SELECT customer_id, by_value, reached, ${times},
       row_number() OVER (PARTITION BY customer_id ORDER BY reached DESC, p1) AS pick FROM attempts)`,
    `best AS (SELECT customer_id, by_value, reached, ${times} FROM ranked WHERE pick = 1)`,
  );
  return ctes;
}

/**
 * Ordered and strict modes: `next_k` on each row is the position that would
 * match step k after it (ordered: the first later step-k event; strict: the
 * very next row if it is one); attempts follow the chain with one equality
 * join per step, the window test outside the ON clause so engines keep a hash join.
 * A chain only ever points at a step-k row, so each join's right side is the
 * step-k rows alone: a hash table of a fraction of the log, not all of it.
 */
function sequentialAttempts(spec: FunnelAttemptsSpec, dialect: Dialect): string[] {
  const n = spec.steps.length;
  const windowMs = spec.windowSeconds * 1000;
  const nextColumns = Array.from({ length: n - 1 }, (_, i) => {
    const k = i + 2;
    return spec.mode === 'ordered'
      ? `min(CASE WHEN s${k} = 1 THEN pos END) OVER (PARTITION BY customer_id ORDER BY pos ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next${k}`
      : `CASE WHEN ${dialect.lead(`s${k}`, 'customer_id', 'pos')} = 1 THEN pos + 1 END AS next${k}`;
  });
  const stepFlags = Array.from({ length: n }, (_, i) => `s${i + 1}`).join(', ');
  const ctes = [`nx AS (SELECT customer_id, pos, ts, by_value, ${stepFlags}, ${nextColumns.join(', ')} FROM o)`];
  ctes.push(`m1 AS (SELECT customer_id, by_value, pos AS p1, ts AS t1, next2 AS c2 FROM nx WHERE s1 = 1)`);
  const carried = ['customer_id', 'by_value', 'p1', 't1'];
  for (let k = 2; k <= n; k++) {
    const inWindow = `x.ts - a.t1 <= ${windowMs}`;
    const columns = carried.map((name) => `a.${name} AS ${name}`);
    columns.push(`CASE WHEN ${inWindow} THEN x.pos END AS p${k}`, `CASE WHEN ${inWindow} THEN x.ts END AS t${k}`);
    if (k < n) columns.push(`CASE WHEN ${inWindow} THEN x.next${k + 1} END AS c${k + 1}`);
    ctes.push(
      `m${k} AS (SELECT ${columns.join(', ')}
       FROM m${k - 1} a LEFT JOIN (SELECT customer_id, pos, ts${k < n ? `, next${k + 1}` : ''} FROM nx WHERE s${k} = 1) x
       ON x.customer_id = a.customer_id AND x.pos = a.c${k})`,
    );
    carried.push(`p${k}`, `t${k}`);
  }
  const reached = Array.from({ length: n - 1 }, (_, i) => flag(`p${i + 2} IS NOT NULL`)).join(' + ');
  const times = Array.from({ length: n }, (_, i) => `t${i + 1}`).join(', ');
  ctes.push(`attempts AS (SELECT customer_id, by_value, p1, 1 + ${reached} AS reached, ${times} FROM m${n})`);
  return ctes;
}

/**
 * Unordered mode: an attempt starts at any step event; each later event in the
 * window completes the first step it matches that is not done yet. Event names
 * fall into classes by the set of steps they match; with classes that are
 * disjoint, an event completes a step exactly when fewer events of its class
 * came before it in the attempt than the class has steps, so the greedy
 * in-memory rule becomes a row_number() test.
 */
function unorderedAttempts(spec: FunnelAttemptsSpec, dialect: Dialect): string[] {
  const n = spec.steps.length;
  const windowMs = spec.windowSeconds * 1000;
  const classes = stepClasses(spec.steps);
  const classOf = `CASE ${classes.map((c, index) => `WHEN event IN (${c.events.map(dialect.string).join(', ')}) THEN ${index + 1}`).join(' ')} END`;
  const capacity = `CASE x.cls ${classes.map((c, index) => `WHEN ${index + 1} THEN ${c.steps.length}`).join(' ')} END`;
  const times = Array.from({ length: n - 1 }, (_, i) => `max(CASE WHEN k = ${i + 2} THEN tq END) AS t${i + 2}`);
  return [
    `oc AS (SELECT customer_id, ts, by_value, pos, ${classOf} AS cls FROM o)`,
    `hits AS (SELECT a.customer_id AS customer_id, a.by_value AS by_value, a.pos AS p1, a.ts AS t1, x.pos AS q, x.ts AS tq,
       ${capacity} AS capacity,
       row_number() OVER (PARTITION BY a.customer_id, a.pos, x.cls ORDER BY x.pos) AS nth_in_class
     FROM oc a JOIN oc x ON x.customer_id = a.customer_id
     WHERE a.cls IS NOT NULL AND x.cls IS NOT NULL AND x.pos >= a.pos AND x.ts - a.ts <= ${windowMs})`,
    `done AS (SELECT customer_id, by_value, p1, t1, tq, row_number() OVER (PARTITION BY customer_id, p1 ORDER BY q) AS k
     FROM hits WHERE nth_in_class <= capacity)`,
    `attempts AS (SELECT customer_id, by_value, p1, count(*) AS reached, min(t1) AS t1, ${times.join(', ')}
     FROM done GROUP BY customer_id, by_value, p1)`,
  ];
}

interface StepClass {
  events: string[];
  steps: number[];
}

/** Event names grouped by the steps they match; refuses classes that overlap without being equal. */
export function stepClasses(steps: FunnelStep[]): StepClass[] {
  const stepsOfEvent = new Map<string, number[]>();
  steps.forEach((step, index) => {
    for (const event of step.events) {
      const list = stepsOfEvent.get(event) ?? [];
      if (!list.includes(index)) list.push(index);
      stepsOfEvent.set(event, list);
    }
  });
  const classes = new Map<string, StepClass>();
  for (const [event, list] of stepsOfEvent) {
    const key = list.join(',');
    const found = classes.get(key);
    if (found) found.events.push(event);
    else classes.set(key, { events: [event], steps: list });
  }
  const all = [...classes.values()];
  for (const a of all)
    for (const b of all)
      if (a !== b && a.steps.some((step) => b.steps.includes(step)))
        throw new Error(
          `funnel: an unordered funnel whose steps share some alternatives but not all (${a.events[0]}, ${b.events[0]}) cannot run on an engine; run it in memory or list each event in one step`,
        );
  return all;
}
