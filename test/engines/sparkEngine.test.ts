/**
 * Spark SQL in local mode through the PySpark bridge, started once for the
 * whole suite. Opt-in (JOURNEY_TEST_SPARK=1): on a two-core machine loading the
 * log and running the suite took longer than CI allows, so it is out of CI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSparkEngine } from '../../src/engines/runners/spark.ts';
import { describeEngineEquality } from './engineEquality.ts';

function pysparkMissing(): string | null {
  if (process.env.JOURNEY_TEST_SPARK !== '1')
    return 'Spark tests are opt-in: set JOURNEY_TEST_SPARK=1 (needs pip install pyspark and Java 17)';
  try {
    execFileSync(process.env.PYTHON ?? 'python3', ['-c', 'import pyspark'], { stdio: 'pipe' });
    execFileSync('java', ['-version'], { stdio: 'pipe' });
    return null;
  } catch {
    return 'PySpark or Java 17 is not installed (pip install pyspark; apt-get install openjdk-17-jre-headless)';
  }
}

describeEngineEquality('Spark SQL equals the in-memory analyses', () => {
  const missing = pysparkMissing();
  if (missing !== null) return Promise.resolve({ skip: missing });
  const warehouse = mkdtempSync(join(tmpdir(), 'journey-spark-'));
  return openSparkEngine({ ...process.env, SPARK_WAREHOUSE: warehouse, SPARK_MASTER: 'local[2]' });
});
