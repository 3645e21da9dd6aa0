/**
 * "Reproduce this chart": from a chart component's props, the component call
 * (as a chapter writes it), the `journey` command that prints the same numbers
 * (every data option: --map, --tz, --window ...), and the data files to
 * download. Pure: the component passes its props and name; ChartFigure draws
 * the disclosure.
 *
 * @example
 *   reproduceChart('FunnelChart', { title: 'T', data: 'data/demo/a.csv', spec: { steps: 'a,b', window: '30d' } });
 *   // { call: `<FunnelChart title="T" data="data/demo/a.csv" spec={{ steps: 'a,b', window: '30d' }} />`,
 *   //   commands: ['npm run journey -- funnel data/demo/a.csv --steps a,b --window 30d --json'],
 *   //   files: ['data/demo/a.csv'] }
 */

/** What the disclosure shows. */
export interface Reproduction {
  call: string;
  /** One command per data file the chart reads (a comparison reads two); none for charts without one. */
  commands: string[];
  /** Project-relative data files the chart reads, all under data/demo/. */
  files: string[];
}

/** How every displayed command starts (README: run the CLI from a clone of the project). */
export const COMMAND_PREFIX = 'npm run journey --';

type Props = Record<string, unknown>;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A value as a JS literal, the way chapters write props: single quotes, unquoted keys. */
function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${IDENTIFIER.test(k) ? k : literal(k)}: ${literal(v)}`).join(', ')} }`;
  }
  return String(value);
}

/** The component call: strings as attributes, anything else as an expression. */
export function componentCall(name: string, props: Props): string {
  const attributes = Object.entries(props)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) =>
      typeof value === 'string' && !value.includes('"') ? `${key}="${value}"` : `${key}={${literal(value)}}`,
    );
  return `<${name} ${attributes.join(' ')} />`;
}

/** A shell word: bare when safe, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\p{L}\p{N}_@%+=:,./-]+$/u.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Splits a displayed command back into words (single quotes and backslash escapes, as shellWord writes them). */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let current: string | undefined;
  let last = -1;
  for (const match of command.matchAll(/'([^']*)'|\\(.)|([^\s'\\]+)/g)) {
    const part = match[1] ?? match[2] ?? match[3] ?? '';
    // Parts with no space between them are one word: 'it'\''s' -> it's.
    if (match.index === last && current !== undefined) current += part;
    else {
      if (current !== undefined) words.push(current);
      current = part;
    }
    last = match.index + match[0].length;
  }
  if (current !== undefined) words.push(current);
  return words;
}

const list = (value: unknown) => (Array.isArray(value) ? value.join(',') : String(value));

/** Chart spec key -> command option, per command; `true` flags print bare. */
const OPTIONS: Record<string, Record<string, (value: unknown) => string[]>> = {
  funnel: {
    steps: (v) => ['--steps', list(v)],
    window: (v) => ['--window', String(v)],
    mode: (v) => ['--mode', String(v)],
    by: (v) => ['--by', String(v)],
  },
  whatif: {
    steps: (v) => ['--steps', list(v)],
    step: (v) => ['--step', String(v)],
    uplift: (v) => ['--uplift', String(v)],
    purchase_event: (v) => ['--purchase-event', String(v)],
    window: (v) => ['--window', String(v)],
    mode: (v) => ['--mode', String(v)],
  },
  paths: {
    start: (v) => ['--start', String(v)],
    end: (v) => ['--end', String(v)],
    depth: (v) => ['--depth', String(v)],
    session_gap: (v) => ['--session-gap', String(v)],
    collapse_repeats: (v) => (v === false ? ['--keep-repeats'] : []),
    top: (v) => ['--top', String(v)],
    min_sessions: (v) => ['--min-sessions', String(v)],
    limit: (v) => ['--limit', String(v)],
  },
  retention: {
    period: (v) => ['--period', String(v)],
    start_event: (v) => ['--start-event', String(v)],
    return_event: (v) => ['--return-event', String(v)],
    mode: (v) => (v === 'on_or_after' ? ['--on-or-after'] : []),
    tz: (v) => ['--tz', String(v)],
  },
  satisfaction: { scale: (v) => ['--scale', String(v)] },
  value: { purchase_event: (v) => ['--purchase-event', String(v)] },
  drivers: {
    outcome: (v) => ['--outcome', String(v)],
    drivers: (v) => ['--drivers', list(v)],
    score: (v) => ['--score', String(v)],
    by: (v) => ['--by', String(v)],
    k: (v) => ['--k', String(v)],
  },
};

/** Which command a chart component reproduces with. */
const COMMAND_OF: Record<string, string> = {
  FunnelChart: 'funnel',
  WhatIf: 'whatif',
  PathFlow: 'paths',
  RetentionGrid: 'retention',
  TouchpointScores: 'satisfaction',
  DriverMatrix: 'drivers',
};

function dataOptions(props: Props): string[] {
  const words: string[] = [];
  const map = props.map as Record<string, string> | undefined;
  if (map && Object.keys(map).length > 0)
    words.push(
      '--map',
      Object.entries(map)
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
    );
  if (typeof props.tz === 'string') words.push('--tz', props.tz);
  if (props.skipInvalid === true) words.push('--skip-invalid');
  if (props.dedupe === true) words.push('--dedupe');
  return words;
}

/** The `journey <name>` command reading `file` with a chart's `spec` and data props. */
export function journeyCommand(name: string, file: string, spec: Props = {}, props: Props = {}): string {
  const options = OPTIONS[name] ?? {};
  const words = [name, file];
  for (const [key, value] of Object.entries(spec)) {
    const option = options[key];
    if (value !== undefined && option) words.push(...option(value));
  }
  // A retention spec's tz and the data's tz are one option; the spec's wins, as in the chart.
  const data = dataOptions(props).filter(
    (word, index, all) => !(name === 'retention' && 'tz' in spec && (word === '--tz' || all[index - 1] === '--tz')),
  );
  return [COMMAND_PREFIX, ...[...words, ...data, '--json'].map(shellWord)].join(' ');
}

/** The files a chart's props read (data, each compared period's data, a definition file). */
function dataFiles(props: Props): string[] {
  const files = new Set<string>();
  const compare = props.compare as Record<string, { data?: string }> | undefined;
  for (const period of ['before', 'after']) {
    const file = compare?.[period]?.data;
    if (file) files.add(file);
  }
  for (const key of ['data', 'file', 'journey']) if (typeof props[key] === 'string') files.add(props[key]);
  return [...files];
}

/** Files the site serves for download (src/integrations/demoDownloads.ts); client data never is. */
const isDemoFile = (file: string) => file.startsWith('data/demo/');

/**
 * The disclosure's content for component `name` with the props it was called
 * with; undefined unless the chart reads demo files only (a report's chart
 * reads client data, which is neither served nor to be pointed at).
 */
export function reproduceChart(name: string, props: Props): Reproduction | undefined {
  // Figures computed by a chapter helper (<KpiTiles tiles={…}>) say themselves how to reproduce them.
  const given = props.reproduce as { commands: string[]; files: string[] } | undefined;
  if (given) {
    const { reproduce: _omitted, ...call } = props;
    if (!given.files.every(isDemoFile)) return undefined;
    return { call: componentCall(name, call), commands: given.commands, files: given.files };
  }
  const files = dataFiles(props);
  if (files.length === 0 || !files.every(isDemoFile)) return undefined;
  const commandName = COMMAND_OF[name];
  const spec = { ...((props.spec as Props | undefined) ?? {}) };
  if (name === 'TouchpointScores' && props.scale !== undefined) spec.scale = props.scale;
  // The driver matrix hands its k to the analysis (small segments are withheld there).
  if (name === 'DriverMatrix' && props.k !== undefined) spec.k = props.k;
  const compare = props.compare as Record<string, { data?: string }> | undefined;
  const commandFiles = compare
    ? (['before', 'after'] as const).map((period) => compare[period]?.data ?? (props.data as string | undefined))
    : [props.data as string | undefined];
  const commands =
    commandName && props.result === undefined
      ? commandFiles
          .filter((file): file is string => !!file)
          .map((file) => journeyCommand(commandName, file, spec, props))
      : [];
  return { call: componentCall(name, props), commands, files };
}
