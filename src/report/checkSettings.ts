/**
 * Checks a report.json's settings against the data it names, at build time:
 * every funnel step (and each alternative of `a|b`), the purchase event, the
 * breakdown column, each source's mapped columns and a survey's
 * journey_question must exist in the loaded data. Every problem is
 * reported at once, each naming report.json, the key and the value, with the
 * closest names in the data as suggestions, so a typo (健康告之 for 健康告知)
 * fails the build instead of drawing a funnel of zeros.
 *
 * @example
 *   settingProblems(config, { events: new Set(['打开App', '健康告知']), columns: new Set(['segment']) }, 'data/reports/acme/report.json');
 */
import { basename } from 'node:path';
import type { ReportConfig } from './reportConfig.ts';

export interface DataNames {
  events: ReadonlySet<string>;
  columns: ReadonlySet<string>;
  /** Each survey source's questions (its `event` values), by the source's index in `sources`. */
  surveyQuestions?: ReadonlyMap<number, ReadonlySet<string>>;
}

/** Edit distance between two strings (code points), for suggestions. */
function distance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, j) => j);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/**
 * The names closest to `name` (at most three, within half its length), nearest first.
 *
 * @example
 *   closestNames('健康告之', ['健康告知', '投保', '支付']); // ['健康告知']
 */
export function closestNames(name: string, candidates: Iterable<string>): string[] {
  const limit = Math.max(1, Math.ceil([...name].length / 2));
  return [...candidates]
    .map((candidate) => ({ candidate, cost: distance(name.toLowerCase(), candidate.toLowerCase()) }))
    .filter(({ cost }) => cost <= limit)
    .sort((a, b) => a.cost - b.cost || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, 3)
    .map(({ candidate }) => candidate);
}

const BREAKDOWN_COLUMNS = ['segment', 'channel', 'stage'] as const;

function missingEvent(file: string, key: string, value: string, events: Iterable<string>): string {
  const near = closestNames(value, events);
  const advice = near.length
    ? `did you mean ${near.map((name) => `"${name}"`).join(' or ')}?`
    : 'use an event name of the data (journey check counts them; journey paths shows them)';
  return `${file}: ${key}: "${value}" is not an event in the data — ${advice}`;
}

/** Every setting of `config` that names something absent from the data; empty when all exist. */
export function settingProblems(config: ReportConfig, names: DataNames, file: string): string[] {
  const problems: string[] = [];
  config.funnel.steps.forEach((step, index) => {
    for (const alternative of step.split('|')) {
      const event = alternative.trim();
      if (!names.events.has(event)) problems.push(missingEvent(file, `funnel.steps[${index}]`, event, names.events));
    }
  });
  if (!names.events.has(config.purchase_event))
    problems.push(missingEvent(file, 'purchase_event', config.purchase_event, names.events));
  const breakdown = config.breakdown_by;
  if (breakdown !== undefined && !names.columns.has(breakdown)) {
    const present = BREAKDOWN_COLUMNS.filter((column) => names.columns.has(column));
    const advice = present.length
      ? `the data has ${present.join(', ')}`
      : 'the data has no segment, channel or stage column; remove breakdown_by';
    problems.push(`${file}: breakdown_by: "${breakdown}" is not a column in the data — ${advice}`);
  }
  config.sources.forEach((source, index) => {
    const questions = names.surveyQuestions?.get(index);
    const question = source.journey_question;
    if (source.kind !== 'survey' || question === undefined || !questions) return;
    const problem = missingQuestion(question, source.path, questions);
    if (problem) problems.push(`${file}: sources[${index}].journey_question: ${problem}`);
  });
  return problems;
}

/**
 * A source's mapped column that its file does not have, as a setting of
 * report.json: `sources[1].map.event: "问 题" is not a column of survey.csv`.
 */
export function unmappedColumnProblem(
  file: string,
  index: number,
  source: { path: string; map: Record<string, string> },
  unmapped: { column: string; found: readonly string[] },
): string {
  const value = source.map[unmapped.column] ?? unmapped.column;
  // A header often lengthens the name (推荐 -> 推荐意愿): columns containing it are suggested too.
  const containing = unmapped.found.filter((name) => value.length > 1 && name.includes(value));
  const near = [...new Set([...closestNames(value, unmapped.found), ...containing])].slice(0, 3);
  const advice = near.length
    ? `did you mean ${near.map((name) => `"${name}"`).join(' or ')}?`
    : `the file's columns are ${unmapped.found.join(', ') || '(none)'}`;
  return `${file}: sources[${index}].map.${unmapped.column}: "${value}" is not a column of ${source.path} — ${advice}`;
}

/**
 * Why `question` is not a journey question of the survey `file` (its questions
 * `questions`), with the closest ones; null when it is one.
 */
export function missingQuestion(question: string, file: string, questions: ReadonlySet<string>): string | null {
  if (questions.has(question)) return null;
  const near = closestNames(question, questions);
  const advice = near.length
    ? `did you mean ${near.map((name) => `"${name}"`).join(' or ')}?`
    : `use a question of the survey (journey satisfaction ${basename(file)} lists them)`;
  return `"${question}" is not a question in ${basename(file)} — ${advice}`;
}
