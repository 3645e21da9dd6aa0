/**
 * The DuckDB side of the benchmark, as its own process: loads a CSV into an
 * in-memory DuckDB and prints the JSON result of one analysis run by the SQL
 * engine in test/engines/duckdb.ts.
 *
 * Usage: node --experimental-strip-types bench/duckdbRun.ts <funnel|paths|retention> <file.csv> '<spec json>'
 */
import { duckdbFunnel, duckdbPaths, duckdbRetention, loadCsvIntoDuckdb, openDuckdb } from '../test/engines/duckdb.ts';

const [analysis, file, specJson] = process.argv.slice(2);
if (analysis === undefined || file === undefined) throw new Error('usage: duckdbRun <analysis> <file> [spec]');
const spec = JSON.parse(specJson ?? '{}') as Record<string, unknown>;
const connection = await openDuckdb();
await loadCsvIntoDuckdb(connection, 'events', file);
const run = { funnel: duckdbFunnel, paths: duckdbPaths, retention: duckdbRetention }[analysis];
if (!run) throw new Error(`unknown analysis ${analysis}`);
const result = await run(connection, 'events', spec as never);
process.stdout.write(JSON.stringify(result));
connection.closeSync();
