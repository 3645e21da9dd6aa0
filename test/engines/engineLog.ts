/**
 * A seeded event log for engine equality tests: few event names on a coarse
 * time grid (many equal timestamps, exact window edges), customers who
 * re-enter funnels, empty and missing grouping values, purchases with and
 * without amounts, 1-5 scores; and a loader that writes it into any engine as
 * a table with a real timestamp column and an explicit input-order column.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/engines/engine.ts';

export const LOG_EVENTS = ['visit', 'search', 'view', 'cart', 'checkout', 'purchase', 'support'];
const CHANNELS = ['web', 'app', 'store', '', null];
const STAGES = ['awareness', 'consideration', 'purchase', null];

/** mulberry32: a tiny seeded generator, so the log is the same on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface EngineLog {
  columns: {
    customer_id: string[];
    timestamp: number[];
    event: string[];
    stage: (string | null)[];
    channel: (string | null)[];
    segment: (string | null)[];
    value: (number | null)[];
    satisfaction: (number | null)[];
  };
  rows: number;
}

/** About `customers` × 12 events over ~10 weeks from 2024-10-20 (DST changes in Europe and America). */
export function engineLog(customers = 300, seed = 7): EngineLog {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const columns: EngineLog['columns'] = {
    customer_id: [],
    timestamp: [],
    event: [],
    stage: [],
    channel: [],
    segment: [],
    value: [],
    satisfaction: [],
  };
  const start = Date.UTC(2024, 9, 20, 22, 0);
  const TEN_MINUTES = 600_000;
  for (let c = 0; c < customers; c++) {
    const id = `c${String(c).padStart(4, '0')}`;
    let t = start + Math.floor(random() * 60 * 24 * 6) * TEN_MINUTES;
    const count = 2 + Math.floor(random() * 20);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      // Steps of 0 (ties), 10 minutes (window edges at whole hours), hours or days.
      const r = random();
      t +=
        r < 0.25
          ? 0
          : r < 0.7
            ? TEN_MINUTES * Math.floor(1 + random() * 6)
            : r < 0.9
              ? 3_600_000 * Math.floor(1 + random() * 30)
              : 86_400_000 * Math.floor(1 + random() * 12);
      times.push(t);
    }
    // Shuffle within the customer so input order is not time order.
    times.sort(() => random() - 0.5);
    for (const time of times) {
      const event = pick(LOG_EVENTS);
      columns.customer_id.push(id);
      columns.timestamp.push(time);
      columns.event.push(event);
      columns.stage.push(pick(STAGES));
      columns.channel.push(pick(CHANNELS));
      columns.segment.push(c % 7 === 0 ? null : pick(['retail', 'premium']));
      columns.value.push(event === 'purchase' && random() < 0.8 ? Math.round(random() * 20000) / 100 : null);
      columns.satisfaction.push(random() < 0.3 ? 1 + Math.floor(random() * 5) : null);
    }
  }
  // Interleave customers: the table's input order is not grouped by customer.
  const order = columns.customer_id.map((_, row) => row).sort(() => random() - 0.5);
  const shuffled = Object.fromEntries(
    Object.entries(columns).map(([name, values]) => [name, order.map((row) => (values as unknown[])[row])]),
  ) as EngineLog['columns'];
  return { columns: shuffled, rows: order.length };
}

const TEXT_COLUMNS = ['customer_id', 'event', 'stage', 'channel', 'segment'] as const;

/** Creates `table` in the engine and inserts the log, with `rid` = row number and a TIMESTAMP column. */
export async function loadEngineLog(engine: Engine, table: string, log: EngineLog): Promise<void> {
  const d = engine.dialect;
  if (d.name === 'spark') return loadSparkLog(engine, table, log);
  const text = { duckdb: 'VARCHAR', postgres: 'TEXT', clickhouse: 'Nullable(String)' }[d.name];
  const double = { duckdb: 'DOUBLE', postgres: 'DOUBLE PRECISION', clickhouse: 'Nullable(Float64)' }[d.name];
  const timestamp = { duckdb: 'TIMESTAMP', postgres: 'TIMESTAMP', clickhouse: "DateTime64(3, 'UTC')" }[d.name];
  const integer = d.name === 'clickhouse' ? 'Int64' : 'BIGINT';
  const definition = [
    `rid ${integer}`,
    ...TEXT_COLUMNS.map((name) => `${d.identifier(name)} ${text}`),
    `${d.identifier('timestamp')} ${timestamp}`,
    `${d.identifier('value')} ${double}`,
    `satisfaction ${double}`,
  ].join(', ');
  const suffix = d.name === 'clickhouse' ? ' ENGINE = Memory' : '';
  await engine.execute(`DROP TABLE IF EXISTS ${table}`);
  await engine.execute(`CREATE TABLE ${table} (${definition})${suffix}`);
  const literal = (value: string | number | null | undefined) =>
    value === null || value === undefined ? 'NULL' : typeof value === 'number' ? String(value) : d.string(value);
  const time = (ms: number) => {
    const text = new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
    return d.name === 'clickhouse' ? `toDateTime64('${text}', 3, 'UTC')` : `CAST('${text}' AS TIMESTAMP)`;
  };
  const { columns } = log;
  const rows: string[] = [];
  for (let row = 0; row < log.rows; row++) {
    const cells = [
      String(row + 1),
      ...TEXT_COLUMNS.map((name) => literal(columns[name][row])),
      time(columns.timestamp[row] ?? 0),
      literal(columns.value[row]),
      literal(columns.satisfaction[row]),
    ];
    rows.push(`(${cells.join(', ')})`);
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await engine.execute(`INSERT INTO ${table} VALUES ${rows.slice(i, i + 1000).join(', ')}`);
  }
}

/** The log as a CSV file's text, timestamps in ISO 8601 UTC. */
export function engineLogCsv(log: EngineLog): string {
  const quote = (cell: string | number | null | undefined) => (cell === null || cell === undefined ? '' : String(cell));
  const lines = ['customer_id,timestamp,event,stage,channel,segment,value,satisfaction'];
  const c = log.columns;
  for (let row = 0; row < log.rows; row++)
    lines.push(
      [
        c.customer_id[row],
        new Date(c.timestamp[row] ?? 0).toISOString(),
        c.event[row],
        c.stage[row],
        c.channel[row],
        c.segment[row],
        c.value[row],
        c.satisfaction[row],
      ]
        .map(quote)
        .join(','),
    );
  return lines.join('\n') + '\n';
}

/**
 * Spark reads the log in one statement, from a JSON Lines file (JSON keeps '' apart from
 * null, which CSV does not), instead of INSERTs of 1,000 rows, each a Spark job.
 */
async function loadSparkLog(engine: Engine, table: string, log: EngineLog): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'journey-spark-log-')), 'engine_log.jsonl');
  const c = log.columns;
  const lines: string[] = [];
  for (let row = 0; row < log.rows; row++)
    lines.push(
      JSON.stringify({
        rid: row + 1,
        customer_id: c.customer_id[row],
        event: c.event[row],
        stage: c.stage[row],
        channel: c.channel[row],
        segment: c.segment[row],
        timestamp: new Date(c.timestamp[row] ?? 0).toISOString(),
        value: c.value[row],
        satisfaction: c.satisfaction[row],
      }),
    );
  writeFileSync(file, lines.join('\n') + '\n');
  const columns = [
    'rid BIGINT',
    ...TEXT_COLUMNS.map((name) => `${name} STRING`),
    '`timestamp` TIMESTAMP',
    '`value` DOUBLE',
    'satisfaction DOUBLE',
  ].join(', ');
  await engine.execute(`DROP TABLE IF EXISTS ${table}`);
  await engine.execute(`CREATE TABLE ${table} (${columns}) USING json OPTIONS (path ${engine.dialect.string(file)})`);
  // In memory once, instead of parsing the file again for every query.
  await engine.execute(`CACHE TABLE ${table}`);
}
