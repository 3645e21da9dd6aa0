/**
 * Reads a labels file (src/analytics/dataLabels.ts): `labels.json` beside an
 * event log names its events, channels, segments and stages in zh and en.
 * A folder without one has no labels; a malformed one is an error naming the
 * file, the field and what to write.
 *
 * @example
 *   const labels = await labelsBeside('data/demo/bank-account-opening-before.csv');
 *   labelOf(labels, 'channel', '网点', 'en'); // 'Branch'
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { dataLabelsSchema, NO_LABELS, type DataLabels } from '../dataLabels.ts';

/** The name of the labels file in a log's folder. */
export const LABELS_FILE = 'labels.json';

/** Parses the text of a labels file; `file` names it in errors. */
export function parseLabels(text: string, file: string): DataLabels {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = dataLabelsSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  throw new Error(
    `${file}: not a labels file:\n${problems.join('\n')}\n` +
      'Expected { "event" | "channel" | "segment" | "stage": { "<raw name>": { "zh": "…", "en": "…" } } }.',
  );
}

/** Reads and checks a labels file. */
export async function readLabels(path: string): Promise<DataLabels> {
  return parseLabels(await readFile(path, 'utf8'), path);
}

/** The labels of the log at `logPath`: its folder's labels.json, or none when there is no such file. */
export async function labelsBeside(logPath: string): Promise<DataLabels> {
  const path = join(dirname(logPath), LABELS_FILE);
  try {
    return parseLabels(await readFile(path, 'utf8'), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return NO_LABELS;
    throw error;
  }
}
