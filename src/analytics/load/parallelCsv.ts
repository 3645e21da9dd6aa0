/**
 * Loads a large CSV on every core: the header is read here, the rest is cut
 * into byte ranges at line breaks, each range is parsed in a worker thread
 * (the first one here), and the parts are merged in file order into one
 * builder, so the table, the errors and their FILE:LINE:COLUMN are exactly
 * those of the single-threaded reader.
 *
 * A line break chosen as a boundary may lie inside a quoted field. Each range
 * therefore parses on past its end to the first row that really starts there
 * (`stop`), and the merge checks that the next range began at that very byte;
 * where it did not, that range is parsed again here from the right place.
 * Anything unusual (not UTF-8, a NUL byte, a bad header, a small file) goes
 * the single-threaded way: the caller gets `undefined`.
 *
 * @example
 *   const result = (await loadCsvInParallel('big.csv', resolveLoadOptions())) ?? (await loadEvents('big.csv'));
 */
import { availableParallelism } from 'node:os';
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { CsvParser } from './csvParser.ts';
import { parseCsvRange, type CsvRange, type CsvRangeOutcome } from './csvRange.ts';
import type { CsvWorkerJob } from './csvWorker.ts';
import { EventTableBuilder, type BuilderPart } from './eventTableBuilder.ts';
import type { LoadResult } from './loadResult.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';
import { encodingFromBom, findNulByte } from './textDecoding.ts';

export interface ParallelPlan {
  /** How many ranges (threads) at most. */
  ranges: number;
  /** Files with fewer bytes after the header are read on one thread: starting workers costs more. */
  minBytes: number;
  /** Parse every range on this thread, through the same hand-over as a worker's (tests). */
  inThread?: boolean;
}

/** Every core, or `JOURNEY_CSV_THREADS` threads (1 turns the parallel reader off, e.g. to compare). */
export function defaultParallelPlan(): ParallelPlan {
  const threads = Number(process.env.JOURNEY_CSV_THREADS);
  return {
    ranges: Number.isInteger(threads) && threads > 0 ? threads : availableParallelism(),
    minBytes: 16 * 1024 * 1024,
  };
}

// In src/ the worker is a .ts module beside this one; in the compiled CLI
// (dist-cli/, see scripts/build-cli.mjs) this code sits in a chunk in dist-cli/cli/.
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./csvWorker.ts', import.meta.url)
  : new URL('../analytics/load/csvWorker.mjs', import.meta.url);

const PROBE_BYTES = 1 << 20;
const LF = 10;

interface Header {
  names: string[];
  line: number;
  delimiter: string;
  /** Where the first row after the header starts, and its line. */
  dataStart: number;
  dataLine: number;
  /** Bytes per line break in the rows of the first MiB (undefined: no full row there). */
  bytesPerRow: number | undefined;
}

/**
 * The rows to expect in `bytes` of a file, a little over (3%): columns are
 * allocated once at this size. More rows only grow them; fewer leave spare
 * room, copied away at the end (and never touched before, so never resident).
 */
export function expectedRows(bytes: number, bytesPerRow: number | undefined): number | undefined {
  if (bytesPerRow === undefined) return undefined;
  return Math.ceil((bytes / bytesPerRow) * 1.03) + 1024;
}

/** The average bytes per line in `bytes[from, ...)`, over its complete lines. */
function averageLineBytes(bytes: Uint8Array, from: number): number | undefined {
  const last = bytes.lastIndexOf(LF);
  if (last < from) return undefined;
  let lines = 0;
  for (let i = from; i <= last; i++) if (bytes[i] === LF) lines++;
  return (last + 1 - from) / lines;
}

async function readAt(path: string, position: number, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The header row, read as the single-threaded reader reads it; undefined when the file needs that reader. */
async function readHeader(path: string): Promise<Header | undefined> {
  const head = await readAt(path, 0, PROBE_BYTES);
  const bom = encodingFromBom(head);
  if (bom === 'utf-16le' || bom === 'utf-16be' || findNulByte(head) >= 0) return undefined;
  const skip = bom === 'utf-8' ? 3 : 0;
  let found: { names: string[]; line: number } | undefined;
  const parser = new CsvParser({
    header(names, line) {
      found = { names, line };
      parser.stopAt(0);
    },
    row() {},
    unterminatedQuote() {},
    fieldTooLong() {},
  });
  // A header longer than the probe is left to the single-threaded reader.
  parser.push(head.subarray(skip));
  const dataStart = parser.stoppedAt + skip;
  if (!found || parser.stoppedAt < 0 || !isUtf8(head.subarray(0, dataStart))) return undefined;
  return {
    ...found,
    delimiter: parser.currentDelimiter!,
    dataStart,
    dataLine: parser.currentLine,
    bytesPerRow: averageLineBytes(head, dataStart),
  };
}

/** Byte offsets just after a line break near each of `count` even cuts of `[from, size)`. */
async function rangeStarts(path: string, from: number, size: number, count: number): Promise<number[]> {
  const starts = [from];
  for (let k = 1; k < count; k++) {
    const target = from + Math.floor(((size - from) * k) / count);
    const window = await readAt(path, target, 1 << 16);
    const at = window.indexOf(LF);
    const start = at < 0 ? -1 : target + at + 1;
    if (start > (starts.at(-1) ?? from) && start < size) starts.push(start);
  }
  return starts;
}

interface WorkerReply {
  outcome: CsvRangeOutcome;
  part: BuilderPart | undefined;
}

/** What a worker does, done here; the part is cloned as a worker's message would be. */
async function parseInThread(job: CsvWorkerJob): Promise<WorkerReply> {
  const builder = new EventTableBuilder(
    job.file,
    job.header.map((name) => ({ name })),
    job.options,
    'text',
    job.headerLine,
    job.expectedRows,
  );
  const outcome = await parseCsvRange(job.range, builder);
  return { outcome, part: outcome.plainUtf8 ? structuredClone(builder.toPart()) : undefined };
}

function runWorker(job: CsvWorkerJob): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: job });
    worker.once('message', (reply: WorkerReply) => resolve(reply));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`CSV worker exited with code ${code}`));
    });
  });
}

/** Loads `path` on several threads, or returns undefined when the single-threaded reader should. */
export async function loadCsvInParallel(
  path: string,
  file: string,
  size: number,
  options: ResolvedLoadOptions,
  plan: ParallelPlan = defaultParallelPlan(),
): Promise<LoadResult | undefined> {
  if (plan.ranges < 2 || size < plan.minBytes) return undefined;
  const header = await readHeader(path);
  if (!header || size - header.dataStart < plan.minBytes) return undefined;
  // This builder ends up with every row: sized for the whole file.
  const builder = new EventTableBuilder(
    file,
    header.names.map((name) => ({ name })),
    options,
    'text',
    header.line,
    expectedRows(size - header.dataStart, header.bytesPerRow),
  );
  if (builder.hasFatalError) return undefined;
  const starts = await rangeStarts(path, header.dataStart, size, plan.ranges);
  if (starts.length < 2) return undefined;
  const ranges: CsvRange[] = starts.map((start, k) => ({
    path,
    start,
    stop: starts[k + 1] ?? Infinity,
    line: k === 0 ? header.dataLine : 1,
    delimiter: header.delimiter,
  }));
  const [firstRange, ...rest] = ranges;
  if (!firstRange) return undefined;
  const run = plan.inThread ? parseInThread : runWorker;
  const replies = rest.map((range) =>
    run({
      file,
      header: header.names,
      headerLine: header.line,
      options,
      range,
      expectedRows: expectedRows((range.stop === Infinity ? size : range.stop) - range.start, header.bytesPerRow),
    }),
  );
  const first = await parseCsvRange(firstRange, builder);
  const parts: (WorkerReply | undefined)[] = await Promise.all(replies);
  if (!first.plainUtf8 || parts.some((reply) => !reply?.outcome.plainUtf8)) return undefined;
  let end = first.end;
  let line = first.endLine;
  for (const [index, range] of rest.entries()) {
    // After an error that makes the file unreadable the single-threaded reader reports nothing more.
    if (builder.hasFatalError) break;
    const { outcome, part } = parts[index] ?? { outcome: undefined, part: undefined };
    // Let go of the part's columns once merged, so they need not all live until the end.
    parts[index] = undefined;
    if (outcome && part && range.start === end) {
      // The part counts lines from 1 at its start, which is `line` here.
      builder.absorb(part, line - 1);
      end = outcome.end;
      line = outcome.endLine + line - 1;
    } else {
      // The guessed boundary was inside a quoted field: parse from where the previous range really ended.
      const redone = await parseCsvRange({ ...range, start: end, line }, builder);
      if (!redone.plainUtf8) return undefined;
      end = redone.end;
      line = redone.endLine;
    }
  }
  return builder.finish();
}
