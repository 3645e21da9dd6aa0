/**
 * A worker thread of the parallel CSV loader: parses one range into its own
 * event-table builder and posts the columns back (typed arrays transferred,
 * text as UTF-8 bytes: no string crosses threads).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseCsvRange, type CsvRange } from './csvRange.ts';
import { EventTableBuilder } from './eventTableBuilder.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';

export interface CsvWorkerJob {
  file: string;
  header: string[];
  headerLine: number;
  options: ResolvedLoadOptions;
  range: CsvRange;
  /** The rows expected in the range, so the worker's columns are allocated once. */
  expectedRows: number | undefined;
}

const job = workerData as CsvWorkerJob;
const builder = new EventTableBuilder(
  job.file,
  job.header.map((name) => ({ name })),
  job.options,
  'text',
  job.headerLine,
  job.expectedRows,
);
const outcome = await parseCsvRange(job.range, builder);
const part = outcome.plainUtf8 ? builder.toPart() : undefined;
const transfer: ArrayBuffer[] = [];
if (part) {
  const text = [part.customerIds, part.events, ...part.optionalText, ...part.extras];
  const arrays = [
    ...text.flatMap((column) => [column.pool, column.offsets, column.codes]),
    part.timestamps,
    part.lines,
    ...part.optionalNumbers,
  ];
  for (const array of arrays) transfer.push(array.buffer as ArrayBuffer);
}
parentPort!.postMessage({ outcome, part }, transfer);
