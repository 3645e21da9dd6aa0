/**
 * Loads a large CSV on every core: the header is read here, the rest is cut
 * into chunks at line breaks (csvChunks.ts: this thread parses chunks from
 * the front straight into the table's builder, worker threads from the back
 * into parts), and the parts are merged in file order into that builder, so
 * the table, the errors and their FILE:LINE:COLUMN are exactly those of the
 * single-threaded reader.
 *
 * A line break chosen as a boundary may lie inside a quoted field. Each chunk
 * therefore parses on past its end to the first row that really starts there
 * (`stop`), and the merge checks that the next chunk began at that very byte;
 * where it did not, that chunk is parsed again here from the right place.
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
import {
  CHUNKS_PER_THREAD,
  claimBack,
  claimFront,
  expectedRows,
  parseChunk,
  type ChunkReply,
  type CsvWorkerJob,
} from './csvChunks.ts';
import { parseCsvRange, type CsvRange } from './csvRange.ts';
import { EventTableBuilder } from './eventTableBuilder.ts';
import type { LoadResult } from './loadResult.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';
import { encodingFromBom, findNulByte } from './textDecoding.ts';

export interface ParallelPlan {
  /** How many threads at most (in tests with `inThread`: how many chunks). */
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

interface ChunkSource {
  /** The next chunk's reply; undefined once every chunk taken is posted (or on a failure). */
  next(): Promise<ChunkReply | undefined>;
  stop(): void;
}

/** Workers claiming chunks from the back, their replies in the order they arrive. */
function startWorkers(job: CsvWorkerJob, count: number): ChunkSource {
  const replies: ChunkReply[] = [];
  let running = count;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(WORKER_URL, { workerData: job });
    worker.on('message', (reply: ChunkReply) => {
      replies.push(reply);
      wake?.();
    });
    worker.once('error', (error) => {
      failure ??= error instanceof Error ? error : new Error(String(error));
    });
    worker.once('exit', (code) => {
      if (code !== 0) failure ??= new Error(`CSV worker exited with code ${code}`);
      running--;
      wake?.();
    });
    return worker;
  });
  return {
    async next() {
      for (;;) {
        if (failure !== undefined) throw failure;
        const reply = replies.shift();
        if (reply || running === 0) return reply;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    stop() {
      for (const worker of workers) void worker.terminate();
    },
  };
}

/** The workers' share parsed here, through the same hand-over as a worker's (tests): parts are cloned. */
function parseInThread(job: CsvWorkerJob): ChunkSource {
  const claims = new Int32Array(job.claims);
  return {
    async next() {
      const chunk = claimBack(claims, job.chunks.length);
      if (chunk < 0) return undefined;
      const reply = await parseChunk(job, chunk);
      return { ...reply, part: structuredClone(reply.part) };
    },
    stop() {},
  };
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
  const count = plan.inThread ? plan.ranges : plan.ranges * CHUNKS_PER_THREAD;
  const starts = await rangeStarts(path, header.dataStart, size, count);
  if (starts.length < 2) return undefined;
  const chunks: CsvRange[] = starts.map((start, k) => ({
    path,
    start,
    stop: starts[k + 1] ?? Infinity,
    line: 1,
    delimiter: header.delimiter,
  }));
  const claims = new Int32Array(new SharedArrayBuffer(4));
  // The first chunk is this thread's before any worker starts.
  claimFront(claims, chunks.length);
  const job: CsvWorkerJob = {
    file,
    header: header.names,
    headerLine: header.line,
    options,
    chunks,
    bytesPerRow: header.bytesPerRow,
    size,
    claims: claims.buffer,
  };
  const source = plan.inThread ? parseInThread(job) : startWorkers(job, plan.ranges - 1);
  try {
    return await mergeChunks(builder, chunks, header.dataLine, claims, source, !plan.inThread);
  } finally {
    source.stop();
  }
}

/**
 * Parses chunks from the front into `builder`, one after another, while any
 * is left (each from where the previous one really ended: no guess), then
 * merges the parts of the others in file order.
 */
async function mergeChunks(
  builder: EventTableBuilder,
  chunks: CsvRange[],
  firstLine: number,
  claims: Int32Array,
  source: ChunkSource,
  claimMore: boolean,
): Promise<LoadResult | undefined> {
  let end = chunks[0]!.start;
  let line = firstLine;
  let next = 0;
  for (let chunk = 0; chunk >= 0; chunk = claimMore ? claimFront(claims, chunks.length) : -1) {
    const outcome = await parseCsvRange({ ...chunks[chunk]!, start: end, line }, builder);
    if (!outcome.plainUtf8) return undefined;
    end = outcome.end;
    line = outcome.endLine;
    next = chunk + 1;
    // After an error that makes the file unreadable the single-threaded reader reports nothing more.
    if (builder.hasFatalError) return builder.finish();
  }
  const parts: (ChunkReply | undefined)[] = [];
  for (let reply = await source.next(); reply; reply = await source.next()) {
    if (!reply.outcome.plainUtf8) return undefined;
    parts[reply.chunk] = reply;
  }
  for (let chunk = next; chunk < chunks.length && !builder.hasFatalError; chunk++) {
    const reply = parts[chunk];
    // Let go of the part's columns once merged, so they need not all live until the end.
    parts[chunk] = undefined;
    const range = chunks[chunk]!;
    if (reply?.part && range.start === end) {
      // The part counts lines from 1 at its start, which is `line` here.
      builder.absorb(reply.part, line - 1);
      end = reply.outcome.end;
      line = reply.outcome.endLine + line - 1;
    } else {
      // The guessed boundary was inside a quoted field: parse from where the previous chunk really ended.
      const redone = await parseCsvRange({ ...range, start: end, line }, builder);
      if (!redone.plainUtf8) return undefined;
      end = redone.end;
      line = redone.endLine;
    }
  }
  return builder.finish();
}
