/**
 * `journey paths <file>`: the top session paths and the flow edges of spec §5,
 * as aligned tables or (`--json`) the spec §11 paths shape.
 */
import { pathsResolved, type PathsResult } from '../analytics/analyses/paths.ts';
import { parsePathsSpec, type PathsSpecInput } from '../analytics/analyses/spec.ts';
import { analysisCommand, numeric, text } from './analysisCommand.ts';
import { formatCount, formatTable } from './format.ts';
import { DATA_OPTIONS_HELP } from './options.ts';

const help = `Usage: journey paths <file> [options]

The most common paths through sessions (events cut at gaps of 30 minutes or
more, repeats collapsed) and the flow edges between positions, for Sankey charts.

Options:
  --start EVENT          paths begin at the first occurrence of EVENT in a session
  --end EVENT            paths stop after the first occurrence of EVENT
  --depth N              nodes kept per path (default 5, at most 20)
  --session-gap DURATION a gap this long starts a new session (default 30m; 0 = never;
                         at most 3650d)
  --keep-repeats         do not collapse consecutive repeats of an event
  --top N                paths listed (default 20)
  --min-sessions N       edges crossed by fewer sessions are dropped (default 1)
  --limit N              heaviest edges kept (default 50)
${DATA_OPTIONS_HELP}

Example:
  journey paths data/events.csv --start visit --end purchase --depth 6`;

function render(result: PathsResult, file: string): string {
  const pathRows = result.paths.map((row, index) => [
    String(index + 1),
    formatCount(row.sessions),
    formatCount(row.customers),
    row.path.join(' → '),
  ]);
  const edgeRows = result.edges.map((edge) => [
    String(edge.position),
    edge.source,
    edge.target,
    formatCount(edge.sessions),
    formatCount(edge.customers),
  ]);
  if (pathRows.length === 0) return `${file}: no session matches (check --start and --end)`;
  return [
    `${file}: top ${pathRows.length} path${pathRows.length === 1 ? '' : 's'}`,
    '',
    formatTable(['#', 'sessions', 'customers', 'path'], pathRows, ['right', 'right', 'right', 'left']),
    '',
    `Flow edges (${edgeRows.length}):`,
    formatTable(['position', 'source', 'target', 'sessions', 'customers'], edgeRows, [
      'right',
      'left',
      'left',
      'right',
      'right',
    ]),
  ].join('\n');
}

export default analysisCommand({
  name: 'paths',
  engine: 'paths',
  help,
  options: {
    start: { type: 'string' },
    end: { type: 'string' },
    depth: { type: 'string' },
    'session-gap': { type: 'string' },
    'keep-repeats': { type: 'boolean' },
    top: { type: 'string' },
    'min-sessions': { type: 'string' },
    limit: { type: 'string' },
  },
  spec: (values): PathsSpecInput => ({
    start: text(values, 'start'),
    end: text(values, 'end'),
    depth: numeric(values, 'depth'),
    session_gap: text(values, 'session-gap'),
    collapse_repeats: values['keep-repeats'] === true ? false : undefined,
    top: numeric(values, 'top'),
    min_sessions: numeric(values, 'min-sessions'),
    limit: numeric(values, 'limit'),
  }),
  resolve: parsePathsSpec,
  analyse: pathsResolved,
  render,
});
