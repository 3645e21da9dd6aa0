/**
 * One side of the load benchmark, as its own process: loads a CSV with our
 * loader (`ours`) or DuckDB's read_csv (`duckdb`) and prints, as JSON, the load
 * time in ms (measured around the load only), the row count, the peak RSS and
 * (ours, run with --expose-gc) the memory the loaded table holds, so the peak
 * can be compared with the size of the resulting columns.
 *
 * Usage: node --experimental-strip-types bench/loadChild.ts <ours|duckdb> <file.csv>
 */
import { loadEvents } from '../src/analytics/load/load.ts';

const [engine, file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: loadChild <engine> <file>');
let rows: number;
let milliseconds: number;
let tableMegabytes: number | null = null;
const collect = (globalThis as { gc?: () => void }).gc;
// ArrayBuffers are freed by a sweeper after the collection that finds them dead:
// collect, give it time, and again, or garbage of the load counts as held.
const heldBytes = async (): Promise<number> => {
  for (let pass = 0; pass < 3; pass++) {
    collect?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};
if (engine === 'ours') {
  const before = await heldBytes();
  const started = performance.now();
  const { table } = await loadEvents(file);
  milliseconds = performance.now() - started;
  rows = table.numRows();
  if (collect) tableMegabytes = ((await heldBytes()) - before) / 1024 / 1024;
} else if (engine === 'duckdb') {
  // Imported here only: DuckDB's native library would count in our side's peak (about 40 MB).
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const started = performance.now();
  await connection.run(`CREATE TABLE events AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}')`);
  milliseconds = performance.now() - started;
  const count = await connection.runAndReadAll('SELECT count(*) FROM events');
  rows = Number(count.getRows()[0]![0]);
  connection.closeSync();
} else throw new Error(`unknown engine ${engine}; use ours or duckdb`);
const peakMegabytes = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ milliseconds, rows, peakMegabytes, tableMegabytes }));
