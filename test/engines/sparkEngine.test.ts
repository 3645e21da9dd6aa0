/**
 * Spark SQL in local mode through the PySpark bridge: one session for the whole
 * file, the log read in one statement (a JSON Lines table, cached), then every
 * analysis. CI runs it (`.ci/run` installs pyspark and sets JOURNEY_TEST_SPARK=1);
 * locally it is opt-in, as it needs pyspark and Java 17 and takes minutes.
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

/**
 * Settings for a few thousand rows on two cores, measured: without them a paths
 * query took 68-90 s under load, with them 14-15 s. Adaptive execution,
 * whole-stage code generation and broadcast joins cost more than they save on
 * tiny data; the JVM's quick compiler (C1 only) starts faster.
 */
const QUICK_SETTINGS = [
  'spark.sql.adaptive.enabled=false',
  'spark.sql.codegen.wholeStage=false',
  'spark.sql.autoBroadcastJoinThreshold=-1',
  'spark.driver.extraJavaOptions=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC',
].join('\n');

describeEngineEquality('Spark SQL equals the in-memory analyses', () => {
  const missing = pysparkMissing();
  if (missing !== null) return Promise.resolve({ skip: missing });
  const warehouse = mkdtempSync(join(tmpdir(), 'journey-spark-'));
  return openSparkEngine({
    ...process.env,
    SPARK_WAREHOUSE: warehouse,
    SPARK_MASTER: 'local[1]',
    SPARK_SHUFFLE_PARTITIONS: '1',
    SPARK_DRIVER_MEMORY: '1g',
    SPARK_CONF: QUICK_SETTINGS,
  });
});
