/**
 * Whether a file will fit in memory, judged from its size before it is read,
 * so a file too big for this machine is a clear message naming the DuckDB
 * engine (which reads from disk) instead of Node dying out of heap midway.
 *
 * @example
 *   checkMemoryFits('big.csv', 'csv', 40e9, memoryAvailable()); // throws DataError
 */
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { DataError } from './dataError.ts';
import type { FileFormat } from './fileFormat.ts';

/**
 * Peak memory per byte of file while loading, measured on the benchmark logs
 * (CSV: about 2.4x at 10M events) and rounded up: text is interned into
 * typed columns; JSON and columnar files are held whole and parsed into objects.
 */
export const PEAK_BYTES_PER_FILE_BYTE: Record<FileFormat, number> = {
  csv: 3,
  tsv: 3,
  ndjson: 8,
  json: 12,
  parquet: 12,
  arrow: 8,
  // A workbook is a zip: SheetJS inflates it and holds every cell as an object.
  xlsx: 40,
};

/** What a load may use: the V8 heap limit (the CLI sizes it to the machine), at most the machine's memory. */
export function memoryAvailable(): number {
  return Math.min(getHeapStatistics().heap_size_limit, totalmem());
}

/** `20.0 GB`, or `12 MB` below a gigabyte (a small file under a small heap would read `0.0 GB`). */
function memoryText(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.ceil(bytes / 1024 ** 2)} MB`;
}

export function checkMemoryFits(file: string, format: FileFormat, size: number, available: number): void {
  const need = size * PEAK_BYTES_PER_FILE_BYTE[format];
  if (need <= available) return;
  throw new DataError([
    {
      file,
      line: 1,
      column: '(file)',
      message: `a ${memoryText(size)} file needs about ${memoryText(need)} of memory to load, more than the ${memoryText(available)} available here — run the analysis with --engine duckdb, which reads the file from disk, or on a machine with more memory`,
    },
  ]);
}
