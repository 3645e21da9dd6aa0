/**
 * Data for chart components at build time: event logs loaded through
 * src/analytics (once per file and options within a build, however many
 * charts use them), journey and opportunity definitions (YAML or JSON), and
 * the caption's source and date range.
 *
 * @example
 *   const { table, summary } = await loadEventsCached('data/demo/retail-checkout-after.csv', {});
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ColumnTable } from '../analytics/events.ts';
import { DataError, loadEvents, type LoadOptions, type LoadResult } from '../analytics/load/load.ts';
import type { NumberFormat } from '../analytics/load/formattedNumber.ts';
import { MASKED_NOTE, maskQuotedValues } from '../report/maskIds.ts';
import { NO_LABELS, type DataLabels } from '../analytics/dataLabels.ts';
import { labelsBeside } from '../analytics/load/labels.ts';
import { formatDateRange } from '../charts/format.ts';
import type { Lang } from '../i18n/locales.ts';

/** The project root: Astro builds from it, so paths in MDX are relative to it. */
export const projectRoot = () => process.cwd();

export function resolveDataPath(file: string, from = projectRoot()): string {
  return isAbsolute(file) ? file : resolve(from, file);
}

const loads = new Map<string, Promise<LoadResult>>();

/** Loads an event log once per (file, options) for the whole build; concurrent callers share the load. */
export function loadEventsCached(file: string, options: LoadOptions): Promise<LoadResult> {
  const path = resolveDataPath(file);
  const key = JSON.stringify([path, options.map ?? {}, options.tz ?? 'UTC', !!options.skipInvalid, !!options.dedupe]);
  let load = loads.get(key);
  if (!load) {
    load = loadEvents(path, options).catch((error: unknown) => {
      loads.delete(key);
      if (error instanceof DataError)
        throw new Error(
          `cannot load ${relative(projectRoot(), path)}:\n${maskQuotedValues(error.format())}\n${MASKED_NOTE}`,
        );
      throw error;
    });
    loads.set(key, load);
  }
  return load;
}

/** How many loads the cache holds (tests check that charts share them). */
export const cachedLoadCount = () => loads.size;

const definitions = new Map<string, Promise<unknown>>();

/** A YAML or JSON file, parsed once per build. */
export function readDefinition(file: string): Promise<unknown> {
  const path = resolveDataPath(file);
  let read = definitions.get(path);
  if (!read) {
    read = readFile(path, 'utf8').then(
      (text) => {
        try {
          return (/\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text)) as unknown;
        } catch (error) {
          throw new Error(
            `${relative(projectRoot(), path)}: not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'} (${(error as Error).message})`,
            { cause: error },
          );
        }
      },
      (error: NodeJS.ErrnoException) => {
        throw new Error(
          `${relative(projectRoot(), path)}: ${error.code === 'ENOENT' ? 'file not found — check the path (relative to the project root)' : error.message}`,
        );
      },
    );
    read.catch(() => definitions.delete(path));
    definitions.set(path, read);
  }
  return read;
}

/** A path relative to a definition file's folder (for the `data` a journey definition names). */
export function besideFile(definitionFile: string, file: string): string {
  return isAbsolute(file) ? file : join(dirname(resolveDataPath(definitionFile)), file);
}

/** Rows with `from <= timestamp < to` (ISO 8601; a bare date is midnight UTC). */
export function filterPeriod(table: ColumnTable, from?: string, to?: string): ColumnTable {
  const parse = (value: string | undefined, what: string) => {
    if (value === undefined) return what === 'from' ? -Infinity : Infinity;
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    if (!Number.isFinite(ms))
      throw new Error(`invalid ${what}: "${value}" (expected an ISO 8601 date such as 2026-09-30)`);
    return ms;
  };
  // params() with an argument sets the parameters and returns the table (without one it reads them).
  const withBounds = table.params({ fromMs: parse(from, 'from'), toMs: parse(to, 'to') }) as ColumnTable;
  return withBounds.filter(
    (d: { timestamp: number }, $: { fromMs: number; toMs: number }) => d.timestamp >= $.fromMs && d.timestamp < $.toMs,
  );
}

export interface Caption {
  source: string;
  period: string;
}

/** The caption's data source (file name) and date range (first to last event), unless the page gave them. */
export function dataCaption(
  file: string | undefined,
  summary: { first: string | null; last: string | null } | undefined,
  lang: Lang,
  given: { source?: string; period?: string; tz?: string },
): Caption {
  return {
    source: given.source ?? (file ? basename(file) : ''),
    period: given.period ?? (summary ? formatDateRange(summary.first, summary.last, lang, given.tz) : ''),
  };
}

/** The first and last instants of a table's timestamps (ISO), for captions of filtered tables. */
export function tableRange(table: ColumnTable): { first: string | null; last: string | null } {
  const times = table.array('timestamp') as ArrayLike<number>;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < times.length; i++) {
    if (times[i]! < first) first = times[i]!;
    if (times[i]! > last) last = times[i]!;
  }
  return times.length === 0
    ? { first: null, last: null }
    : { first: new Date(first).toISOString(), last: new Date(last).toISOString() };
}

/** The loader options a chart's props ask for (only those given). */
export function loadOptionsOf(props: {
  map?: Record<string, string>;
  tz?: string;
  skipInvalid?: boolean;
  dedupe?: boolean;
  excelDates?: boolean;
  numberFormat?: NumberFormat;
  sheet?: string;
}): LoadOptions {
  const options: LoadOptions = {};
  if (props.map) options.map = props.map;
  if (props.tz) options.tz = props.tz;
  if (props.skipInvalid !== undefined) options.skipInvalid = props.skipInvalid;
  if (props.dedupe !== undefined) options.dedupe = props.dedupe;
  if (props.excelDates !== undefined) options.excelDates = props.excelDates;
  if (props.numberFormat !== undefined) options.numberFormat = props.numberFormat;
  if (props.sheet !== undefined) options.sheet = props.sheet;
  return options;
}

/** The page language: the prop, else the route's locale. */
export function chartLang(given: Lang | undefined, currentLocale: string | undefined): Lang {
  return given ?? (currentLocale === 'en' ? 'en' : 'zh');
}

const labelReads = new Map<string, Promise<DataLabels>>();

/** The labels of a chart's data (labels.json in its folder, read once per folder), or none without a file. */
export function labelsOfData(file: string | undefined): Promise<DataLabels> {
  if (file === undefined) return Promise.resolve(NO_LABELS);
  const path = resolveDataPath(file);
  const folder = dirname(path);
  let read = labelReads.get(folder);
  if (!read) {
    read = labelsBeside(path);
    labelReads.set(folder, read);
  }
  return read;
}
