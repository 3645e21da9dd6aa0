/**
 * `journey sql <analysis> --dialect D --table NAME [options]`: prints the SQL
 * an engine would run, for consultants who must run it in the client's own
 * console. The analysis takes the same options as its command; the query
 * returns aggregates only.
 */
import { parseArgs } from 'node:util';
import { EVENT_COLUMNS } from '../analytics/events.ts';
import type { TimestampKind } from '../engines/sql/source.ts';
import type { AnalysisCommand } from './analysisCommand.ts';
import { attempt } from './analysisCommand.ts';
import { EXIT_OK, UsageError, type Command } from './command.ts';
import { parseColumnMap, type OptionValue } from './options.ts';

// Its own loaders, not commands.ts: the registry loads this command.
const ANALYSES: Record<string, () => Promise<AnalysisCommand>> = {
  funnel: async () => (await import('./funnel.ts')).default,
  paths: async () => (await import('./paths.ts')).default,
  retention: async () => (await import('./retention.ts')).default,
  value: async () => (await import('./value.ts')).default,
  satisfaction: async () => (await import('./satisfaction.ts')).default,
  stalls: async () => (await import('./stalls.ts')).default,
  whatif: async () => (await import('./whatif.ts')).default,
};

const help = `Usage: journey sql <analysis> --dialect DIALECT --table NAME [options]

Prints the SQL that \`journey <analysis> --engine ...\` runs, to paste into the
client's own console. It reads one table and returns aggregates only. When a
result has several queries, each is printed after a \`-- name\` line.

Analyses: ${Object.keys(ANALYSES).join(', ')} (with the options of that command)

Options:
  --dialect NAME        duckdb, clickhouse (also chdb), postgres or spark
  --table NAME          the events table, e.g. analytics.events
  --map NAME=COLUMN,... the table's column names (as for every command)
  --order-by COLUMN     column that orders events with equal timestamps
  --timestamp KIND      how the table stores timestamp: timestamp (default),
                        epoch_ms or text (ISO 8601)
  -h, --help            show this help

Example:
  journey sql funnel --dialect postgres --table analytics.events --steps "visit,add_to_cart,purchase" --by channel`;

const DIALECTS = ['duckdb', 'clickhouse', 'chdb', 'postgres', 'spark'];

const command: Command = {
  name: 'sql',
  help,
  async run(argv, io) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h') {
      io.stdout(help);
      return name === undefined ? 2 : EXIT_OK;
    }
    const load = ANALYSES[name];
    if (!load) throw new UsageError(`no SQL for "${name}" (analyses: ${Object.keys(ANALYSES).join(', ')})`);
    const analysisCommand = await load();
    const { definition } = analysisCommand;
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: {
          ...definition.options,
          dialect: { type: 'string' },
          table: { type: 'string' },
          map: { type: 'string', multiple: true },
          'order-by': { type: 'string' },
          timestamp: { type: 'string' },
          tz: { type: 'string' },
        },
        strict: true,
        allowPositionals: false,
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const values = parsed.values as Record<string, OptionValue>;
    const dialectName = typeof values.dialect === 'string' ? values.dialect : '';
    if (!DIALECTS.includes(dialectName))
      throw new UsageError(`missing or unknown --dialect "${dialectName}" (expected ${DIALECTS.join(', ')})`);
    const table = typeof values.table === 'string' ? values.table : '';
    if (table === '') throw new UsageError('missing --table, e.g. --table analytics.events');
    const timestamp = typeof values.timestamp === 'string' ? values.timestamp : 'timestamp';
    if (!['timestamp', 'epoch_ms', 'text'].includes(timestamp))
      throw new UsageError(`--timestamp expects timestamp, epoch_ms or text (got "${timestamp}")`);
    const map = parseColumnMap((values.map as string[] | undefined) ?? []);
    const spec = definition.spec(values, typeof values.tz === 'string' ? { tz: values.tz } : {});
    const checked = attempt(() => definition.resolve(spec));
    if (checked instanceof Error) throw checked instanceof UsageError ? checked : new UsageError(checked.message);
    const { analysisQueries } = await import('../engines/engineAnalyses.ts');
    const { eventSource } = await import('../engines/sql/source.ts');
    const { dialectByName } = await import('../engines/sql/dialects.ts');
    // Without a connection, every event-log column is taken to exist under its mapped or own name.
    const columns = Object.fromEntries(EVENT_COLUMNS.map((column) => [column, map[column] ?? column]));
    const source = eventSource({
      table,
      columns,
      orderBy: typeof values['order-by'] === 'string' ? values['order-by'] : null,
      timestampKind: timestamp as TimestampKind,
    });
    const analysis = definition.engine;
    if (analysis === undefined) throw new UsageError(`no SQL for "${name}"`);
    const queries = attempt(() => analysisQueries(analysis, spec, source, dialectByName(dialectName)));
    if (queries instanceof Error) throw new UsageError(queries.message);
    const entries = Object.entries(queries);
    io.stdout(
      entries.map(([queryName, sql]) => (entries.length > 1 ? `-- ${queryName}\n${sql};` : `${sql};`)).join('\n\n'),
    );
    return EXIT_OK;
  },
};

export default command;
