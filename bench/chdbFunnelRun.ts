/**
 * The chdb side of the funnel benchmark, as its own process: ClickHouse's
 * `windowFunnel` straight from the CSV (chdb reads the file itself), printing
 * how many customers reached each step.
 *
 * Usage: node --experimental-strip-types bench/chdbFunnelRun.ts <file.csv> <step,step,...> <window seconds>
 */
import { loadChdb } from '../src/engines/runners/chdb.ts';

const [file, stepList, windowSeconds] = process.argv.slice(2);
if (file === undefined || stepList === undefined || windowSeconds === undefined)
  throw new Error('usage: chdbFunnelRun <file.csv> <steps> <window seconds>');
const chdb = loadChdb();
if (!chdb) throw new Error('chdb is not installed');
const conditions = stepList
  .split(',')
  .map((step) => `event = '${step.replaceAll("'", "''")}'`)
  .join(', ');
const session = new chdb.Session();
const sql = `
  SELECT level, count() AS customers FROM (
    SELECT customer_id,
      windowFunnel(${Number(windowSeconds)})(toDateTime(timestamp), ${conditions}) AS level
    FROM file('${file.replaceAll("'", "''")}', CSVWithNames)
    GROUP BY customer_id
  ) GROUP BY level ORDER BY level`;
process.stdout.write(session.query(sql, 'JSONCompact'));
session.cleanup();
