/**
 * Satisfaction on an engine (spec §8): per event, stage and channel, the
 * number of scores, their sum, the counts at or above 4 and 9 and at or below
 * 6, distinct customers, and the lowest and highest score; TypeScript infers
 * the scale, checks the range and derives means, CSAT and NPS.
 *
 * @example
 *   satisfactionFromRows(spec, source, await runQueries(engine, satisfactionQueries(spec, source, duckdbDialect)));
 */
import type { SatisfactionResult, SatisfactionRow } from '../../analytics/analyses/satisfaction.ts';
import { parseSatisfactionSpec, type SatisfactionSpecInput } from '../../analytics/analyses/spec.ts';
import type { Dialect } from '../sql/dialect.ts';
import { eventsCte, hasSourceColumn, type EventSource } from '../sql/source.ts';
import { cellCount, cellNumber, cellText, type EngineRow, type Queries, type QueryRows } from './rows.ts';

const GROUPINGS = { event: 'event', stage: 'stage_col', channel: 'channel_col' } as const;
type Grouping = keyof typeof GROUPINGS;

export function satisfactionQueries(specInput: SatisfactionSpecInput, source: EventSource, dialect: Dialect): Queries {
  parseSatisfactionSpec(specInput);
  if (!hasSourceColumn(source, 'satisfaction')) {
    throw new Error('satisfaction: the table has no satisfaction column (map one with --map satisfaction=<column>)');
  }
  const ctes = [
    eventsCte(source, dialect, { stage_col: 'stage', channel_col: 'channel', score: 'satisfaction' }),
    `sc AS (SELECT customer_id, event, stage_col, channel_col, score FROM ev WHERE score IS NOT NULL)`,
  ];
  const groupings = (Object.keys(GROUPINGS) as Grouping[]).filter(
    (grouping) => grouping === 'event' || hasSourceColumn(source, grouping),
  );
  const selects = groupings.map((grouping) => {
    const column = GROUPINGS[grouping];
    return `SELECT '${grouping}' AS grouping_name, ${column} AS name, count(*) AS scores, sum(score) AS total,
      sum(CASE WHEN score >= 4 THEN 1 ELSE 0 END) AS four_up, sum(CASE WHEN score >= 9 THEN 1 ELSE 0 END) AS nine_up,
      sum(CASE WHEN score <= 6 THEN 1 ELSE 0 END) AS six_down, count(DISTINCT customer_id) AS customers,
      min(score) AS lowest, max(score) AS highest
    FROM sc WHERE ${column} IS NOT NULL AND ${column} <> '' GROUP BY ${column}`;
  });
  return { satisfaction: `WITH ${ctes.join(',\n')}\n${selects.join('\nUNION ALL\n')}${dialect.querySuffix}` };
}

export function satisfactionFromRows(
  specInput: SatisfactionSpecInput,
  source: EventSource,
  rows: QueryRows,
): SatisfactionResult {
  const spec = parseSatisfactionSpec(specInput);
  const all = rows.satisfaction ?? [];
  // Every score has an event, so the by-event rows cover every score.
  const byEvent = all.filter((row) => row.grouping_name === 'event');
  let low = Infinity;
  let high = -Infinity;
  for (const row of byEvent) {
    low = Math.min(low, cellNumber(row.lowest) ?? Infinity);
    high = Math.max(high, cellNumber(row.highest) ?? -Infinity);
  }
  const scale = spec.scale ?? (low < 1 || high > 5 ? 10 : 5);
  const [minimum, maximum] = scale === 5 ? [1, 5] : [0, 10];
  if (byEvent.length > 0 && (low < minimum || high > maximum)) {
    const offending = low < minimum ? low : high;
    throw new Error(
      `satisfaction: score ${offending} is outside the ${minimum}-${maximum} scale` +
        (spec.scale === null
          ? ' (scores must be 1-5 for CSAT or 0-10 for NPS)'
          : ' (declare the other scale with --scale)'),
    );
  }
  const summarise = (grouping: Grouping): SatisfactionRow[] => {
    if (grouping !== 'event' && !hasSourceColumn(source, grouping)) return [];
    return all
      .filter((row) => row.grouping_name === grouping)
      .map((row) => toRow(row, scale))
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  };
  return {
    scale,
    scale_inferred: spec.scale === null,
    by_event: summarise('event'),
    by_stage: summarise('stage'),
    by_channel: summarise('channel'),
  };
}

function toRow(row: EngineRow, scale: 5 | 10): SatisfactionRow {
  const count = cellCount(row.scores);
  const result: SatisfactionRow = {
    name: cellText(row.name) ?? '',
    customers: cellCount(row.customers),
    count,
    mean: cellCount(row.total) / count,
  };
  if (scale === 5) result.csat = cellCount(row.four_up) / count;
  else result.nps = ((cellCount(row.nine_up) - cellCount(row.six_down)) / count) * 100;
  return result;
}
