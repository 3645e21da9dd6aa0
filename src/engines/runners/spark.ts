/**
 * Spark SQL through a small PySpark bridge process (sparkBridge.py), started
 * once per engine: a local session (SPARK_MASTER, default `local[2]`) or a
 * cluster through Spark Connect (SPARK_REMOTE=sc://host:15002). Needs
 * `pip install pyspark` and Java 17; PYTHON names the interpreter.
 *
 * @example
 *   const engine = await openSparkEngine(process.env);
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { EngineError, type Engine } from '../engine.ts';
import type { EngineRow } from '../analyses/rows.ts';
import { sparkDialect } from '../sql/dialects/spark.ts';

interface Answer {
  ready?: string;
  rows?: EngineRow[];
  error?: string;
}

export const SPARK_MISSING =
  'spark: cannot start PySpark (install it with `pip install pyspark`, with Java 17; PYTHON names the interpreter, SPARK_REMOTE a Spark Connect server)';

export function openSparkEngine(environment: NodeJS.ProcessEnv): Promise<Engine> {
  const bridge = fileURLToPath(new URL('./sparkBridge.py', import.meta.url));
  const child = spawn(environment.PYTHON ?? 'python3', [bridge], {
    env: { ...environment },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const spawnFailed = new Promise<never>((_, reject) => {
    child.on('error', () => reject(new EngineError(SPARK_MISSING)));
  });
  const next = async (): Promise<Answer> => {
    const line = await Promise.race([lines.next(), spawnFailed]);
    if (line.done) {
      const reason = stderr.split('\n').find((text) => /Error|error:/.test(text)) ?? '';
      throw new EngineError(`${SPARK_MISSING}${reason ? `: ${reason.trim()}` : ''}`);
    }
    return JSON.parse(line.value) as Answer;
  };
  // One request at a time: answers come back in order on one pipe.
  let queue: Promise<unknown> = Promise.resolve();
  const ask = (sql: string, rows: boolean): Promise<EngineRow[]> => {
    const answer = queue.then(async () => {
      child.stdin.write(JSON.stringify({ sql, rows }) + '\n');
      const reply = await next();
      if (reply.error !== undefined) throw new EngineError(`spark: ${reply.error}`);
      return reply.rows ?? [];
    });
    queue = answer.catch(() => undefined);
    return answer;
  };
  return next().then((ready) => ({
    name: 'spark',
    dialect: sparkDialect,
    query: (sql) => ask(sql, true),
    execute: async (sql) => {
      await ask(sql, false);
    },
    version: () => Promise.resolve(ready.ready ?? ''),
    columns: async (relation) =>
      (await ask(`DESCRIBE TABLE ${relation}`, true))
        .filter((row) => typeof row.col_name === 'string' && row.col_name !== '' && !row.col_name.startsWith('#'))
        .map((row) => ({ name: String(row.col_name), type: String(row.data_type) })),
    close: () => {
      child.stdin.end();
      return new Promise<void>((done) => {
        if (child.exitCode !== null) done();
        else child.on('exit', () => done());
      });
    },
  }));
}
