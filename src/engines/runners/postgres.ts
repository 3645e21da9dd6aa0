/**
 * PostgreSQL and its family (Greenplum, Citus, Redshift) through `pg`,
 * configured by the standard PGHOST, PGPORT, PGUSER, PGPASSWORD and
 * PGDATABASE variables. A connection failure names the host, the port and the
 * variables to set, without a stack trace.
 *
 * @example
 *   const engine = await openPostgresEngine(process.env);
 */
import pg from 'pg';
import { EngineError, type Engine } from '../engine.ts';
import { cellText, type EngineRow } from '../analyses/rows.ts';
import { postgresDialect } from '../sql/dialects/postgres.ts';

export async function openPostgresEngine(environment: NodeJS.ProcessEnv): Promise<Engine> {
  const host = environment.PGHOST ?? 'localhost';
  const port = Number(environment.PGPORT ?? 5432);
  const client = new pg.Client({
    host,
    port,
    user: environment.PGUSER,
    password: environment.PGPASSWORD,
    database: environment.PGDATABASE,
  });
  // An idle connection dropped by the server must not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new EngineError(
      `postgres: cannot connect to ${host}:${port} (${(error as Error).message}); set PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE`,
    );
  }
  await client.query(`SET TIME ZONE 'UTC'`);
  const query = async (sql: string): Promise<EngineRow[]> => {
    try {
      return (await client.query<EngineRow>(sql)).rows;
    } catch (error) {
      throw new EngineError(`postgres: ${(error as Error).message}`);
    }
  };
  return {
    name: 'postgres',
    dialect: postgresDialect,
    query,
    execute: async (sql) => {
      await query(sql);
    },
    version: async () => cellText((await query('SHOW server_version'))[0]?.server_version) ?? '',
    columns: async (relation) => {
      const parts = relation.replaceAll('"', '').split('.');
      const table = parts.at(-1) ?? relation;
      const schema = parts.length > 1 ? parts[0] : null;
      const rows = await query(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ${postgresDialect.string(table)}` +
          (schema ? ` AND table_schema = ${postgresDialect.string(schema)}` : '') +
          ' ORDER BY ordinal_position',
      );
      return rows.map((row) => ({ name: String(row.column_name), type: String(row.data_type) }));
    },
    close: () => client.end(),
  };
}
