/**
 * A ClickHouse server or cluster through @clickhouse/client, configured by
 * CLICKHOUSE_URL, CLICKHOUSE_USER, CLICKHOUSE_PASSWORD and CLICKHOUSE_DATABASE
 * (never credentials in the repository's files). Same dialect as chdb.
 *
 * @example
 *   const engine = await openClickhouseEngine(process.env);
 */
import { createClient } from '@clickhouse/client';
import { EngineError, type Engine } from '../engine.ts';
import { cellText, type EngineRow } from '../analyses/rows.ts';
import { clickhouseDialect } from '../sql/dialects/clickhouse.ts';
import { checkClickhouseVersion } from './clickhouseRows.ts';

export async function openClickhouseEngine(environment: NodeJS.ProcessEnv): Promise<Engine> {
  const url = environment.CLICKHOUSE_URL ?? 'http://localhost:8123';
  const client = createClient({
    url,
    username: environment.CLICKHOUSE_USER ?? 'default',
    password: environment.CLICKHOUSE_PASSWORD ?? '',
    database: environment.CLICKHOUSE_DATABASE ?? 'default',
    clickhouse_settings: { join_use_nulls: 1 },
  });
  const fail = (error: unknown): never => {
    throw new EngineError(
      `clickhouse: cannot run the query on ${url}: ${(error as Error).message.split('\n')[0] ?? ''}` +
        ' (set CLICKHOUSE_URL, CLICKHOUSE_USER, CLICKHOUSE_PASSWORD, CLICKHOUSE_DATABASE)',
    );
  };
  const query = async (sql: string): Promise<EngineRow[]> => {
    try {
      const result = await client.query({ query: sql, format: 'JSONEachRow' });
      return await result.json<EngineRow>();
    } catch (error) {
      return fail(error);
    }
  };
  const ping = await client.ping();
  if (!ping.success) {
    await client.close();
    throw new EngineError(
      `clickhouse: cannot connect to ${url} (${(ping.error as Error | undefined)?.message ?? 'no answer'}); set CLICKHOUSE_URL (and CLICKHOUSE_USER, CLICKHOUSE_PASSWORD) to the server's HTTP address`,
    );
  }
  return {
    name: 'clickhouse',
    dialect: clickhouseDialect,
    query,
    execute: async (sql) => {
      try {
        await client.command({ query: sql });
      } catch (error) {
        fail(error);
      }
    },
    version: async () =>
      checkClickhouseVersion(cellText((await query('SELECT version() AS v'))[0]?.v) ?? '', `clickhouse at ${url}`),
    columns: async (relation) =>
      (await query(`DESCRIBE TABLE ${relation}`)).map((row) => ({ name: String(row.name), type: String(row.type) })),
    close: () => client.close(),
  };
}
