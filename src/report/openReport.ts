/**
 * The build-time view of one report: its validated config and its event log
 * (every source loaded, validated and mapped as `journey check` does, data
 * loaders run through the cache). Opened once per build process and shared by
 * the report's pages. Nothing of it is written to the output: pages publish
 * aggregates computed from `table`, suppressed at `config.k`.
 *
 * @example
 *   // in content/reports/acme-bank/index.mdx
 *   export const report = await openReport('acme-bank');
 *   <FunnelChart table={report.table} steps={report.config.funnel.steps} k={report.config.k} />
 */
import { table as arqueroTable, type ColumnTable } from 'arquero';
import { relative } from 'node:path';
import { DataError, loadEvents, type LoadOptions } from '../analytics/load/load.ts';
import type { NumberFormat } from '../analytics/load/formattedNumber.ts';
import { countComments } from '../analytics/analyses/surveySatisfaction.ts';
import { MASKED_NOTE, maskQuotedValues } from './maskIds.ts';
import { settingProblems, unmappedColumnProblem } from './checkSettings.ts';
import { checkLogo } from './logos.ts';
import { EVENT_COLUMNS, SURVEY_SCORE_COLUMNS } from '../analytics/events.ts';
import { createDataLoaders, loaderTimeoutSeconds, refreshFromEnv, type DataLoaders } from './dataLoaders.ts';
import { engineReportAnalyses } from './engineReport.ts';
import type { ReportAnalyses, ReportData } from './reportAnalyses.ts';
import {
  readReportConfig,
  REPORT_CONFIG_FILE,
  REPORT_DATA_DIR,
  type DataSource,
  type ReportConfig,
} from './reportConfig.ts';

export interface OpenedReport extends ReportData {
  slug: string;
  config: ReportConfig;
  /** Every events source's events, canonical columns only. */
  table: ColumnTable;
  /** Every survey source's answers (customer_id, event, csat, nps, segment...), null without one; comments dropped. */
  survey: ColumnTable | null;
  /** Comments in the survey sources: counted, never published. */
  surveyComments: number;
  /** Each source as read: the file's path (a loader's cached output for a loader), its mapping and zone. */
  /** Each source's resolved file and how to read it, for components that load it themselves. */
  sourcePaths: SourceFile[];
  /** Per source (report.json's path): rows loaded, invalid rows skipped and duplicates dropped, for the build log and the data note. */
  cleaning: SourceCleaning[];
  /** With an `engine` source: the analyses, run on the engine (or its cache); `table` then refuses to be read. */
  engineAnalyses?: ReportAnalyses;
}

export interface SourceFile {
  path: string;
  map: Record<string, string>;
  tz: string;
  skipInvalid?: boolean;
  dedupe?: boolean;
  excelDates?: boolean;
  numberFormat?: NumberFormat;
  sheet?: string;
}

export interface SourceCleaning {
  source: string;
  rows: number;
  skipped: number;
  duplicatesDropped: number;
}

/** The loader options a report.json source asks for. */
export function sourceLoadOptions(source: DataSource, k: number): LoadOptions {
  return {
    map: source.map,
    tz: source.tz,
    k,
    sheet: source.sheet,
    excelDates: source.excel_dates,
    numberFormat: source.number_format,
    skipInvalid: source.skip_invalid,
    dedupe: source.dedupe,
    timestampOptional: source.kind === 'survey',
  };
}

/** One build-log line per source: `report acme: events.csv: 2,929 rows; 3 invalid rows skipped; 2 duplicates dropped`. */
export function cleaningLine(slug: string, cleaning: SourceCleaning): string {
  const count = (n: number) => n.toLocaleString('en-US');
  return `report ${slug}: ${cleaning.source}: ${count(cleaning.rows)} rows; ${count(cleaning.skipped)} invalid row${cleaning.skipped === 1 ? '' : 's'} skipped; ${count(cleaning.duplicatesDropped)} duplicate${cleaning.duplicatesDropped === 1 ? '' : 's'} dropped`;
}

/** The project root of this build: set by the reportData integration, else the working directory. */
export function projectRoot(): string {
  return process.env.JOURNEY_ROOT ?? process.cwd();
}

const opened = new Map<string, Promise<OpenedReport>>();
const loadersByRoot = new Map<string, DataLoaders>();

function loadersFor(root: string): DataLoaders {
  let loaders = loadersByRoot.get(root);
  if (!loaders) {
    loaders = createDataLoaders({ root, refresh: refreshFromEnv() });
    loadersByRoot.set(root, loaders);
  }
  return loaders;
}

/** Opens a report once per process; later calls share the result. */
export function openReport(slug: string, root = projectRoot()): Promise<OpenedReport> {
  const key = `${root}\0${slug}`;
  let report = opened.get(key);
  if (!report) {
    report = readReport(slug, root, loadersFor(root));
    opened.set(key, report);
  }
  return report;
}

/** Reads a report's config and data with the given loaders (no memoisation). */
export async function readReport(
  slug: string,
  root: string,
  loaders: DataLoaders,
  refresh = refreshFromEnv(),
): Promise<OpenedReport> {
  const config = await readReportConfig(root, slug);
  const logoProblem = config.logo === null ? null : await checkLogo(root, config.logo);
  if (logoProblem) throw new Error(`report ${slug}: ${REPORT_DATA_DIR}/${slug}/${REPORT_CONFIG_FILE}: ${logoProblem}`);
  if (config.engine !== undefined) {
    const engineAnalyses = await engineReportAnalyses({ slug, config, root, refresh });
    return engineReport({
      slug,
      config,
      table: arqueroTable({}),
      sourcePaths: [],
      cleaning: [],
      survey: null,
      surveyComments: 0,
      engineAnalyses,
    });
  }
  const tables: ColumnTable[] = [];
  const surveys: ColumnTable[] = [];
  let surveyComments = 0;
  const sourcePaths: OpenedReport['sourcePaths'] = [];
  const cleaning: SourceCleaning[] = [];
  const configFile = `${REPORT_DATA_DIR}/${slug}/${REPORT_CONFIG_FILE}`;
  // Mapped columns a file lacks are settings of report.json: gathered over every source, reported at once.
  const mappingProblems: string[] = [];
  let eventsUnread = false;
  const surveyQuestions = new Map<number, Set<string>>();
  for (const [index, source] of config.sources.entries()) {
    const target = `${REPORT_DATA_DIR}/${slug}/${source.path}`;
    const path = await loaders.resolve(target, { timeoutSeconds: loaderTimeoutSeconds(config.loader_timeout) });
    sourcePaths.push({
      path,
      map: source.map,
      tz: source.tz,
      skipInvalid: source.skip_invalid,
      dedupe: source.dedupe,
      excelDates: source.excel_dates,
      numberFormat: source.number_format,
      sheet: source.sheet,
    });
    try {
      const { table, skipped, duplicatesDropped } = await loadEvents(path, sourceLoadOptions(source, config.k));
      if (source.kind === 'survey') {
        surveyComments += countComments(table);
        surveys.push(table);
        surveyQuestions.set(index, distinctEvents(table));
      } else tables.push(table);
      cleaning.push({ source: source.path, rows: table.numRows(), skipped, duplicatesDropped });
    } catch (error) {
      if (error instanceof DataError && error.issues.length > 0 && error.issues.every((issue) => issue.unmapped)) {
        for (const { unmapped } of error.issues)
          if (unmapped) mappingProblems.push(unmappedColumnProblem(configFile, index, source, unmapped));
        if (source.kind !== 'survey') eventsUnread = true;
        continue;
      }
      if (error instanceof DataError) {
        const shown = relative(root, path);
        throw new Error(
          `report ${slug}: the data in ${target} has errors:\n${maskQuotedValues(error.format().replaceAll(path, shown))}\n${MASKED_NOTE}`,
          { cause: error },
        );
      }
      throw error;
    }
  }
  if (tables.length === 0 && !eventsUnread)
    throw new Error(`report ${slug}: report.json has no events source (a survey alone has no journey to analyse)`);
  const table = concatEvents(tables);
  const survey = surveys.length > 0 ? concatEvents(surveys, [...EVENT_COLUMNS, ...SURVEY_SCORE_COLUMNS]) : null;
  // Without every events source the funnel's settings cannot be checked: each step would look missing.
  const problems = [
    ...mappingProblems,
    ...(eventsUnread ? [] : settingProblems(config, { ...dataNames(table), surveyQuestions }, configFile)),
  ];
  if (problems.length > 0)
    throw new Error(`report ${slug}: report.json names what the data does not have:\n${problems.join('\n')}`);
  for (const entry of cleaning) console.log(cleaningLine(slug, entry));
  return { slug, config, table, survey, surveyComments, sourcePaths, cleaning };
}

/**
 * A report on an engine has no event rows here: reading `table` (raw events,
 * customer ids) is refused with the reason, never answered with an empty table.
 */
function engineReport(report: OpenedReport): OpenedReport {
  return Object.defineProperty(report, 'table', {
    get(): never {
      throw new Error(engineRefusal(report.slug, 'its event rows'));
    },
  });
}

function engineRefusal(slug: string, what: string): string {
  return `report ${slug}: the data stays in the engine named in report.json, so ${what} cannot be read here; use the report's analyses (reportAnalyses), which are aggregates`;
}

/** The distinct event names and the columns with any value, for checking settings. */
function dataNames(table: ColumnTable): { events: Set<string>; columns: Set<string> } {
  const events = distinctEvents(table);
  const columns = new Set(
    table.columnNames().filter((name) => {
      const values = table.array(name) as ArrayLike<unknown>;
      for (let row = 0; row < values.length; row++) if (values[row] !== null && values[row] !== undefined) return true;
      return false;
    }),
  );
  return { events, columns };
}

function distinctEvents(table: ColumnTable): Set<string> {
  const events = new Set<string>();
  const column = table.array('event') as ArrayLike<string>;
  for (let row = 0; row < column.length; row++) events.add(String(column[row]));
  return events;
}

/** Stacks event tables, keeping the canonical columns any of them has (null elsewhere). */
export function concatEvents(tables: ColumnTable[], columnNames: readonly string[] = EVENT_COLUMNS): ColumnTable {
  const names = columnNames.filter((name) => tables.some((t) => t.columnNames().includes(name)));
  const columns: Record<string, unknown[]> = {};
  for (const name of names) {
    const values: unknown[] = [];
    for (const t of tables) {
      const has = t.columnNames().includes(name);
      const array = has ? (t.array(name) as ArrayLike<unknown>) : null;
      for (let row = 0; row < t.numRows(); row++) values.push(array ? array[row] : null);
    }
    columns[name] = values;
  }
  return arqueroTable(columns);
}

/** Every distinct customer_id of a report's data, for the privacy scan. */
export function customerIdsOf(report: OpenedReport): Set<string> {
  if (report.engineAnalyses) throw new Error(engineRefusal(report.slug, 'customer ids'));
  const ids = new Set<string>();
  const column = report.table.array('customer_id') as ArrayLike<unknown>;
  for (let row = 0; row < column.length; row++) ids.add(String(column[row]));
  return ids;
}

const otherData = new Map<string, Promise<ColumnTable>>();

/**
 * Another event log of a report, e.g. a comparison period listed in report.json's
 * `other_sources`, loaded once per process (data loaders apply).
 *
 * @example
 *   const after = await openOtherSource('demo-bank', 0);
 */
export function openOtherSource(slug: string, index: number, root = projectRoot()): Promise<ColumnTable> {
  const key = `${root}\0${slug}\0${index}`;
  let load = otherData.get(key);
  if (!load) {
    load = (async () => {
      const { config } = await openReport(slug, root);
      const source = config.other_sources[index];
      if (!source) throw new Error(`report ${slug}: report.json has no other_sources[${index}]`);
      const target = `${REPORT_DATA_DIR}/${slug}/${source.path}`;
      const path = await loadersFor(root).resolve(target, {
        timeoutSeconds: loaderTimeoutSeconds(config.loader_timeout),
      });
      try {
        return (await loadEvents(path, sourceLoadOptions(source, config.k))).table;
      } catch (error) {
        if (error instanceof DataError)
          throw new Error(
            `report ${slug}: the data in ${target} has errors:\n${maskQuotedValues(error.format())}\n${MASKED_NOTE}`,
            { cause: error },
          );
        throw error;
      }
    })();
    otherData.set(key, load);
  }
  return load;
}
