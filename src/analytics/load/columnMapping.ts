/**
 * Which of the file's columns feeds each canonical column (spec §1). Names are
 * mapped, never guessed: a canonical name present in the file maps to itself,
 * anything else needs `--map`; near misses become suggestions in the error.
 *
 * @example
 *   resolveColumns(['客户编号', 'timestamp', 'event'], { customer_id: '客户编号' });
 *   // { indexOf: { customer_id: 0, timestamp: 1, event: 2 }, problems: [] }
 */
import {
  EVENT_COLUMNS,
  OPTIONAL_COLUMNS,
  REQUIRED_COLUMNS,
  SURVEY_COLUMNS,
  type EventColumn,
  type MappableColumn,
  type OptionalColumn,
} from '../events.ts';

/** Names clients use for the canonical columns, English and Chinese. */
export const COLUMN_ALIASES: Record<EventColumn, string[]> = {
  customer_id: [
    'user_id',
    'userid',
    'uid',
    'user',
    'customer',
    'customerid',
    'customer_no',
    'client_id',
    'member_id',
    'account_id',
    'visitor_id',
    'cust_id',
    'person_id',
    'distinct_id',
    'id',
    '用户id',
    '用户编号',
    '用户',
    '客户编号',
    '客户id',
    '客户',
    '会员id',
    '会员编号',
    '顾客编号',
    '顾客id',
    '账号',
  ],
  timestamp: [
    'time',
    'ts',
    'datetime',
    'date_time',
    'date',
    'event_time',
    'event_timestamp',
    'created_at',
    'occurred_at',
    'time_stamp',
    'event_date',
    '时间',
    '日期',
    '事件时间',
    '发生时间',
    '时间戳',
    '日期时间',
    '访问时间',
  ],
  event: [
    'event_name',
    'action',
    'event_type',
    'touchpoint',
    'activity',
    'name',
    'type',
    '事件',
    '事件名称',
    '行为',
    '触点',
    '动作',
    '事件名',
    '行为类型',
  ],
  stage: ['journey_stage', 'phase', 'step', '阶段', '旅程阶段'],
  channel: ['source', 'medium', 'platform', 'touchpoint_channel', '渠道', '来源', '平台'],
  segment: ['customer_segment', 'group', 'tier', 'cohort', '分群', '客群', '细分', '客户分群'],
  value: ['amount', 'revenue', 'price', 'order_value', 'total', 'sales', '金额', '收入', '销售额', '订单金额'],
  satisfaction: ['csat', 'nps', 'score', 'rating', 'survey_score', '满意度', '评分', '打分'],
};

export interface ColumnProblem {
  kind: 'missing' | 'mapped-not-found';
  column: MappableColumn;
  /** The file column named in the mapping (`mapped-not-found`). */
  fileColumn?: string;
  /** A file column that probably is the missing one. */
  suggestion?: string;
}

export interface ColumnResolution {
  /** Canonical column -> index of the file column. */
  indexOf: Partial<Record<MappableColumn, number>>;
  /** Canonical column -> file column name, for the summary. */
  mapped: Record<string, string>;
  problems: ColumnProblem[];
}

function normalise(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.()（）]+/g, '');
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(previous[j]! + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The file column that most probably holds `column`, or undefined. */
export function suggestColumn(
  column: MappableColumn,
  header: readonly string[],
  taken: ReadonlySet<number> = new Set(),
): string | undefined {
  const candidates = [column, ...(COLUMN_ALIASES[column as EventColumn] ?? [])].map(normalise);
  let best: { name: string; score: number } | undefined;
  header.forEach((name, index) => {
    if (taken.has(index)) return;
    const normal = normalise(name);
    if (!normal) return;
    let score = Infinity;
    candidates.forEach((candidate, rank) => {
      if (normal === candidate) score = Math.min(score, rank * 0.001);
      else if (candidate.length >= 4 && editDistance(normal, candidate) <= (candidate.length >= 8 ? 2 : 1)) {
        score = Math.min(score, 1 + rank * 0.001);
      }
    });
    if (score < (best?.score ?? Infinity)) best = { name, score };
  });
  return best?.name;
}

/**
 * Optional columns left unread whose file column carries one of their usual
 * names exactly (`渠道` for channel): proposals for a mapping, never applied by
 * the loader itself (names are mapped, not guessed). `found` is the file's
 * header, `mapped` what was read (canonical name -> file column).
 *
 * @example
 *   unreadOptionalColumns(['客户编号', '时间', '行为', '渠道'], { customer_id: '客户编号', timestamp: '时间', event: '行为' });
 *   // { channel: '渠道' }
 */
export function unreadOptionalColumns(
  found: readonly string[],
  mapped: Readonly<Record<string, string>>,
): Partial<Record<OptionalColumn, string>> {
  const used = new Set(Object.values(mapped));
  const proposals: Partial<Record<OptionalColumn, string>> = {};
  for (const column of OPTIONAL_COLUMNS) {
    if (mapped[column] !== undefined) continue;
    const names = new Set([column, ...COLUMN_ALIASES[column]].map(normalise));
    const match = found.find((name) => !used.has(name) && names.has(normalise(name)));
    if (match === undefined) continue;
    proposals[column] = match;
    used.add(match);
  }
  return proposals;
}

/** Resolves the canonical columns against the file's header. */
export function resolveColumns(
  header: readonly string[],
  map: Readonly<Record<string, string>>,
  timestampOptional = false,
): ColumnResolution {
  const indexOf: Partial<Record<MappableColumn, number>> = {};
  const mapped: Record<string, string> = {};
  const problems: ColumnProblem[] = [];
  const taken = new Set<number>();
  const mappedFileColumns = new Set(Object.values(map));
  // Survey columns are read only when mapped, never by a header of the same name.
  const mappedSurvey = SURVEY_COLUMNS.filter((column) => map[column] !== undefined);
  for (const column of [...EVENT_COLUMNS, ...mappedSurvey]) {
    const fileColumn = map[column];
    if (fileColumn !== undefined) {
      const index = header.indexOf(fileColumn);
      if (index < 0) {
        problems.push({ kind: 'mapped-not-found', column, fileColumn, suggestion: suggestColumn(column, header) });
        continue;
      }
      indexOf[column] = index;
      mapped[column] = fileColumn;
      taken.add(index);
      continue;
    }
    const index = header.indexOf(column);
    // A file column mapped onto another canonical name is not also this one.
    if (index >= 0 && !mappedFileColumns.has(column)) {
      indexOf[column] = index;
      mapped[column] = column;
      taken.add(index);
    }
  }
  for (const column of REQUIRED_COLUMNS) {
    if (column === 'timestamp' && timestampOptional) continue;
    if (indexOf[column] === undefined && map[column] === undefined) {
      problems.push({ kind: 'missing', column, suggestion: suggestColumn(column, header, taken) });
    }
  }
  return { indexOf, mapped, problems };
}

/** Where a column problem is reported (the file's column, or the event column) and what it says to do. */
export function columnProblemMessage(
  problem: ColumnProblem,
  header: readonly string[],
): { column: string; message: string; unmapped?: { column: string; found: readonly string[] } } {
  const found = header.join(', ') || '(none)';
  const suggestion = problem.suggestion;
  if (problem.kind === 'missing') {
    const todo = suggestion
      ? `map it with --map ${problem.column}=${suggestion}`
      : `rename a column to ${problem.column} or map one with --map ${problem.column}=<column>`;
    return { column: problem.column, message: `required column missing (columns found: ${found}) — ${todo}` };
  }
  const todo = suggestion ? `did you mean --map ${problem.column}=${suggestion}?` : 'map a column that exists';
  return {
    column: problem.fileColumn ?? problem.column,
    message: `column given in --map ${problem.column}=${problem.fileColumn} is not in the file (columns found: ${found}) — ${todo}`,
    unmapped: { column: problem.column, found: header },
  };
}
