/**
 * `journey check <file>`: reads an event log exactly as every report will,
 * and says what it found (rows, customers, events, time span, columns) or
 * precisely what is wrong (spec §1-2). `--json` prints the spec §11 `check` shape.
 */
import type { CheckSummary } from '../analytics/load/checkSummary.ts';
import { unreadOptionalColumns } from '../analytics/load/columnMapping.ts';
import { formatIssues } from '../analytics/load/issues.ts';
import { formatInstantInZone } from '../analytics/timeZone.ts';
import { EXIT_DATA_ERROR, EXIT_OK, UsageError, type Command } from './command.ts';
import { DATA_OPTIONS_HELP, loadInDirectory, parseDataArgs } from './options.ts';

const help = `Usage: journey check <file> [options]

Reads an event log (CSV, TSV, JSON, NDJSON, Parquet, Arrow, .xlsx) and reports its rows,
customers, distinct events, time span and columns, with every error and warning
as FILE:LINE:COLUMN: what is wrong (the value) — what to do. LINE is the physical
line (header = line 1; for JSON the line where the record starts); for Parquet and
Arrow, which have no lines, it is the record number (first row = 1).

Options:
${DATA_OPTIONS_HELP}

Exit codes: 0 fine (warnings allowed), 1 data errors, 2 usage errors.

Example:
  journey check exports/订单.csv --map customer_id=客户编号,timestamp=时间 --tz Asia/Shanghai`;

function emptySummary(errors: CheckSummary['errors']): CheckSummary {
  return {
    rows: 0,
    customers: 0,
    events: 0,
    first: null,
    last: null,
    columns: { found: [], mapped: {} },
    errors,
    warnings: [],
  };
}

function spanDays(first: string, last: string): string {
  const days = (Date.parse(last) - Date.parse(first)) / 86_400_000;
  return `${days.toFixed(1)} days`;
}

/** The span's ends in the data's zone, with its offset, so a Shanghai log reads as Shanghai days. */
function span(summary: CheckSummary, zone: string): string {
  if (!summary.first || !summary.last) return '-';
  const first = formatInstantInZone(Date.parse(summary.first), zone);
  const last = formatInstantInZone(Date.parse(summary.last), zone);
  return `${first} .. ${last} (${spanDays(summary.first, summary.last)}, ${zone})`;
}

function describe(file: string, summary: CheckSummary, skipped: number, totalErrors: number, zone: string): string {
  const mapped = Object.entries(summary.columns.mapped)
    .map(([name, column]) => (name === column ? name : `${name} <- ${column}`))
    .join(', ');
  const used = new Set(Object.values(summary.columns.mapped));
  const others = summary.columns.found.filter((column) => !used.has(column));
  const number = (n: number): string => n.toLocaleString('en-US');
  const lines = [
    `${file}: ${totalErrors > 0 ? `${totalErrors} error${totalErrors === 1 ? '' : 's'}` : 'ok'}`,
    `  rows        ${number(summary.rows)}${totalErrors > 0 ? ' (valid ones)' : ''}`,
    `  customers   ${number(summary.customers)}`,
    `  events      ${number(summary.events)} distinct`,
    `  time span   ${span(summary, zone)}`,
    `  columns     ${summary.columns.found.join(', ') || '-'}`,
    `  mapped      ${mapped || '-'}`,
  ];
  if (others.length) lines.push(`  kept as is  ${others.join(', ')}`);
  const proposals = Object.entries(unreadOptionalColumns(summary.columns.found, summary.columns.mapped));
  for (const [name, column] of proposals)
    lines.push(`  not read    ${column} looks like ${name}: add --map ${name}=${column} to use it`);
  if (skipped > 0) lines.push(`  skipped     ${number(skipped)} invalid row${skipped === 1 ? '' : 's'}`);
  if (summary.warnings.length > 0) {
    lines.push(
      '',
      `Warnings (${summary.warnings.length}):`,
      formatIssues(summary.warnings, summary.warnings.length, undefined, 'warnings'),
    );
  }
  return lines.join('\n');
}

const check: Command = {
  name: 'check',
  help,
  async run(argv, io) {
    const args = parseDataArgs(argv);
    if (args.help) {
      io.stdout(help);
      return EXIT_OK;
    }
    if (args.rest.length > 0) throw new UsageError(`check reads one file; also given: ${args.rest.join(' ')}`);
    const zone = args.load.tz ?? 'UTC';
    const { result, error } = await loadInDirectory(args.file, args.load, io.cwd);
    if (error) {
      const summary = error.summary ?? emptySummary(error.issues);
      if (args.json) io.stdout(JSON.stringify(summary, null, 2));
      else {
        if (error.summary) io.stdout(describe(args.file, summary, 0, error.total, zone));
        io.stderr(error.format());
      }
      return EXIT_DATA_ERROR;
    }
    const { summary, skipped } = result!;
    io.stdout(args.json ? JSON.stringify(summary, null, 2) : describe(args.file, summary, skipped, 0, zone));
    return EXIT_OK;
  },
};

export default check;
