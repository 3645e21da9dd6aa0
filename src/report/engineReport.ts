/**
 * A report whose report.json declares an `engine` source: its analyses run
 * where the data lives and only aggregate rows come back. Those rows are
 * cached like loader output, under `.cache/engines/<report>/`, in a file named
 * by the hash of what is asked (engine, table, mapping, zone, order column and
 * the report's analysis settings); each answer is stored by its SQL. A later
 * build answers every query from the cache without connecting, until the
 * settings change or `refresh` is set (`--refresh`, `JOURNEY_REFRESH=1`); the
 * table's data itself changes only with `refresh`, as for a loader.
 *
 * @example
 *   const analyses = await engineReportAnalyses({ slug: 'acme', config, root: '/repo', refresh: false });
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { FunnelResult } from '../analytics/analyses/funnel.ts';
import type { PathsResult } from '../analytics/analyses/paths.ts';
import type { RetentionResult } from '../analytics/analyses/retention.ts';
import type { SatisfactionResult } from '../analytics/analyses/satisfaction.ts';
import type { ValueResult } from '../analytics/analyses/value.ts';
import type { WhatIfResult } from '../analytics/analyses/whatIf.ts';
import type { EngineRow } from '../engines/analyses/rows.ts';
import { cellCount, cellNumber } from '../engines/analyses/rows.ts';
import type { Engine } from '../engines/engine.ts';
import { dialectByName } from '../engines/sql/dialects.ts';
import { eventsCte, hasSourceColumn, type EventSource } from '../engines/sql/source.ts';
import {
  breakdownColumn,
  largestLossStepOf,
  reportPathsSpec,
  weakestStepOf,
  type ReportAnalyses,
} from './reportAnalyses.ts';
import { REPORT_DATA_DIR, reportTimeZone, type EngineSource, type ReportConfig } from './reportConfig.ts';

/** Bumped when the queries or the cache's shape change, so old files are not read. */
const CACHE_VERSION = 1;

interface EngineCache {
  version: number;
  source: EventSource;
  /** SQL -> the aggregate rows it returned. */
  answers: Record<string, EngineRow[]>;
}

export interface EngineReportOptions {
  slug: string;
  config: ReportConfig;
  root: string;
  refresh: boolean;
  /** Cache directory (default `<root>/.cache/engines`). */
  cacheDir?: string;
  log?: (message: string) => void;
  environment?: NodeJS.ProcessEnv;
}

/** The report's analyses on its engine, from the cache when it answers every query. */
export async function engineReportAnalyses(options: EngineReportOptions): Promise<ReportAnalyses> {
  const { slug, config } = options;
  const engineSource = config.engine;
  if (engineSource === undefined) throw new Error(`report ${slug}: report.json declares no engine`);
  const log = options.log ?? ((message: string) => console.log(message));
  const dataDir = join(options.root, REPORT_DATA_DIR, slug);
  const file = await cacheFile(options, engineSource, dataDir);
  const shown = file.slice(resolve(options.root).length + 1);
  if (!options.refresh && existsSync(file)) {
    const cache = JSON.parse(await readFile(file, 'utf8')) as EngineCache;
    if (cache.version === CACHE_VERSION) {
      try {
        const analyses = await analysesOn(replayEngine(engineSource, cache.answers), cache.source, config);
        log(`report ${slug}: engine ${engineSource.name}: cached (${shown})`);
        return analyses;
      } catch (error) {
        if (!(error instanceof CacheMiss)) throw error;
      }
    }
  }
  log(`report ${slug}: engine ${engineSource.name}: running on ${engineSource.table}`);
  const { connectEngine } = await import('../engines/connect.ts');
  const connected = await connectEngine(
    {
      engine: engineSource.name,
      table: engineSource.table,
      map: engineSource.map,
      orderBy: engineSource.order_by ?? null,
      needs: [],
      memoryLimit: engineSource.memory_limit,
      cwd: dataDir,
    },
    options.environment ?? process.env,
  );
  const answers: Record<string, EngineRow[]> = {};
  try {
    const recording: Engine = {
      ...connected.engine,
      query: async (sql) => {
        const rows = await connected.engine.query(sql);
        answers[sql] = rows;
        return rows;
      },
    };
    const analyses = await analysesOn(recording, connected.source, config);
    const cache: EngineCache = { version: CACHE_VERSION, source: connected.source, answers };
    await mkdir(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    // bigint cells (DuckDB) are kept as text; the shaping code reads numeric text as numbers.
    await writeFile(
      temp,
      JSON.stringify(cache, (_key, cell: unknown) => (typeof cell === 'bigint' ? String(cell) : cell)),
    );
    await rename(temp, file);
    return analyses;
  } finally {
    await connected.engine.close();
  }
}

/** `.cache/engines/<slug>/<hash16>.json`: the hash of everything the answers depend on but the table's rows. */
async function cacheFile(options: EngineReportOptions, source: EngineSource, dataDir: string): Promise<string> {
  const { config } = options;
  const hash = createHash('sha256').update(
    JSON.stringify({
      version: CACHE_VERSION,
      engine: source,
      file: await fileIdentity(source, dataDir),
      funnel: config.funnel,
      purchase_event: config.purchase_event,
      breakdown_by: config.breakdown_by ?? null,
      what_if: config.what_if,
      paths: config.paths,
    }),
  );
  const cacheDir = resolve(options.root, options.cacheDir ?? '.cache/engines');
  return join(cacheDir, options.slug, `${hash.digest('hex').slice(0, 16)}.json`);
}

/** For a file read by an embedded engine: its path, size and modification time (a new export, a new key). */
async function fileIdentity(source: EngineSource, dataDir: string): Promise<string | null> {
  if (source.name !== 'duckdb' && source.name !== 'chdb') return null;
  const path = resolve(dataDir, source.table.replace(/#.*$/, ''));
  try {
    const info = await stat(path);
    return `${path}\0${info.size}\0${info.mtimeMs}`;
  } catch {
    return null;
  }
}

class CacheMiss extends Error {}

/** An engine that answers from cached rows only; a query it has not seen is a cache miss. */
function replayEngine(source: EngineSource, answers: Record<string, EngineRow[]>): Engine {
  const unused = () => Promise.reject(new CacheMiss('not cached'));
  return {
    name: source.name,
    dialect: dialectByName(source.name),
    query: (sql) => {
      const rows = answers[sql];
      return rows === undefined ? Promise.reject(new CacheMiss(sql)) : Promise.resolve(rows);
    },
    execute: unused,
    version: unused,
    columns: unused,
    close: () => Promise.resolve(),
  };
}

/** The same analyses as `reportAnalyses`, each compiled for the engine. */
async function analysesOn(engine: Engine, source: EventSource, config: ReportConfig): Promise<ReportAnalyses> {
  const { engineAnalysis } = await import('../engines/engineAnalyses.ts');

  const dialect = engine.dialect;
  const steps = config.funnel.steps.join(',');
  const funnelSpec = { steps, window: config.funnel.window };
  const funnel = (await engineAnalysis(engine, source, 'funnel', funnelSpec)) as FunnelResult;
  const weakestStep = weakestStepOf(funnel);
  const whatIfStep = config.what_if.step ?? weakestStep;
  if (whatIfStep > config.funnel.steps.length)
    throw new Error(
      `report.json: what_if.step is ${whatIfStep} but the funnel has ${config.funnel.steps.length} steps`,
    );
  const has = (name: string) => hasSourceColumn(source, name);
  const breakdownBy = breakdownColumn(config, has);
  const [totals] = await engine.query(
    `WITH ${eventsCte(source, dialect)} SELECT count(DISTINCT customer_id) AS customers, min(ts) AS first_ts, max(ts) AS last_ts FROM ev`,
  );
  const first = cellNumber(totals?.first_ts);
  const last = cellNumber(totals?.last_ts);
  return {
    funnel,
    breakdown: breakdownBy
      ? ((await engineAnalysis(engine, source, 'funnel', { ...funnelSpec, by: breakdownBy })) as FunnelResult)
      : null,
    breakdownBy,
    weakestStep,
    largestLossStep: largestLossStepOf(funnel),
    whatIfStep,
    whatIf: (await engineAnalysis(engine, source, 'what-if', {
      steps,
      window: config.funnel.window,
      step: whatIfStep,
      uplift: config.what_if.uplift,
      purchase_event: config.purchase_event,
    })) as WhatIfResult,
    paths: (await engineAnalysis(engine, source, 'paths', reportPathsSpec(config))) as PathsResult,
    retention: (await engineAnalysis(engine, source, 'retention', {
      period: 'week',
      tz: reportTimeZone(config),
    })) as RetentionResult,
    satisfaction: has('satisfaction')
      ? ((await engineAnalysis(engine, source, 'satisfaction', {})) as SatisfactionResult)
      : null,
    value: has('value')
      ? ((await engineAnalysis(engine, source, 'value', { purchase_event: config.purchase_event })) as ValueResult)
      : null,
    // A survey is a file source, so a report on an engine has none.
    surveySatisfaction: null,
    drivers: null,
    customers: cellCount(totals?.customers),
    pathsSpec: { sessionGap: config.paths.session_gap, depth: config.paths.depth },
    period: first === null || last === null ? null : { first, last },
  };
}
