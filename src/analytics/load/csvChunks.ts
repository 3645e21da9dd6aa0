/**
 * How the parallel CSV loader shares a file among threads: the rows are cut
 * into more chunks than threads, and each thread claims the next chunk when
 * it is free, the main thread from the front (straight into the table's
 * builder, one chunk after another) and the workers from the back (each
 * chunk a part, merged in file order at the end). A thread that starts late
 * (a worker compiles its code first) or runs slowly (a busy machine) then
 * takes fewer chunks instead of keeping the others waiting.
 *
 * @example
 *   const claims = new Int32Array(new SharedArrayBuffer(4));
 *   claimFront(claims, 8); // 0
 *   claimBack(claims, 8); // 7
 */
import { parseCsvRange, type CsvRange, type CsvRangeOutcome } from './csvRange.ts';
import { EventTableBuilder, type BuilderPart } from './eventTableBuilder.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';

/** Chunks per thread: small enough to even out the threads' finish, few enough to merge cheaply. */
export const CHUNKS_PER_THREAD = 8;

/**
 * The rows to expect in `bytes` of a file, a little over (3%): columns are
 * allocated once at this size. More rows only grow them; fewer leave spare
 * room (never touched, so never resident).
 */
export function expectedRows(bytes: number, bytesPerRow: number | undefined): number | undefined {
  if (bytesPerRow === undefined) return undefined;
  return Math.ceil((bytes / bytesPerRow) * 1.03) + 1024;
}

// One Int32 word counts the chunks claimed: from the front in its low 16 bits,
// from the back in the high 15, so one compare-and-swap claims from either end.
const FRONT = 1;
const BACK = 1 << 16;

function claim(claims: Int32Array, chunks: number, fromBack: boolean): number {
  for (;;) {
    const seen = Atomics.load(claims, 0);
    const front = seen & 0xffff;
    const back = seen >>> 16;
    if (front + back >= chunks) return -1;
    if (Atomics.compareExchange(claims, 0, seen, seen + (fromBack ? BACK : FRONT)) === seen)
      return fromBack ? chunks - 1 - back : front;
  }
}

/** The first chunk nobody has claimed, now the caller's; -1 when none is left. */
export function claimFront(claims: Int32Array, chunks: number): number {
  return claim(claims, chunks, false);
}

/** The last chunk nobody has claimed, now the caller's; -1 when none is left. */
export function claimBack(claims: Int32Array, chunks: number): number {
  return claim(claims, chunks, true);
}

export interface CsvWorkerJob {
  file: string;
  header: string[];
  headerLine: number;
  options: ResolvedLoadOptions;
  /** Every chunk of the file, in order (a chunk's row at `start` is on line 1 of its part). */
  chunks: CsvRange[];
  /** Bytes per row of the file's first MiB, to size each chunk's columns. */
  bytesPerRow: number | undefined;
  /** The file's size in bytes (the last chunk ends there). */
  size: number;
  /** The claims word (csvChunks.ts), shared by every thread. */
  claims: SharedArrayBuffer;
}

/** One parsed chunk, as a worker posts it. */
export interface ChunkReply {
  chunk: number;
  outcome: CsvRangeOutcome;
  part: BuilderPart | undefined;
}

/** Parses chunk `chunk` of the job into a builder of its own, and returns its part. */
export async function parseChunk(job: CsvWorkerJob, chunk: number): Promise<ChunkReply> {
  const range = job.chunks[chunk]!;
  const builder = new EventTableBuilder(
    job.file,
    job.header.map((name) => ({ name })),
    job.options,
    'text',
    job.headerLine,
    expectedRows((range.stop === Infinity ? job.size : range.stop) - range.start, job.bytesPerRow),
  );
  const outcome = await parseCsvRange(range, builder);
  return { chunk, outcome, part: outcome.plainUtf8 ? builder.toPart() : undefined };
}

/** The typed arrays of a part, to transfer rather than copy. */
export function partBuffers(part: BuilderPart | undefined): ArrayBuffer[] {
  if (!part) return [];
  const text = [part.customerIds, part.events, ...part.optionalText, ...part.extras];
  const arrays = [
    ...text.flatMap((column) => [column.pool, column.offsets, column.codes]),
    part.timestamps,
    part.lines,
    ...part.optionalNumbers,
  ];
  return arrays.map((array) => array.buffer as ArrayBuffer);
}
