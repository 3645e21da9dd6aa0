/**
 * Vitest global setup for the engine tests: a throwaway PostgreSQL server on
 * loopback (Debian's binaries, initdb in a temp directory, trust auth), started
 * once and stopped after. Tests receive its PG* settings through `inject`, or
 * a reason to skip when PostgreSQL is not installed.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export interface PostgresSettings {
  PGHOST: string;
  PGPORT: string;
  PGUSER: string;
  PGDATABASE: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresSettings | { skip: string };
  }
}

function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions)
    if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
  return null;
}

export default function setup(project: TestProject): () => void {
  const bin = postgresBin();
  if (bin === null) {
    project.provide('postgres', { skip: 'PostgreSQL is not installed (apt-get install postgresql)' });
    return () => undefined;
  }
  const directory = mkdtempSync(join(tmpdir(), 'journey-pg-'));
  chmodSync(directory, 0o777);
  const data = join(directory, 'data');
  // initdb refuses root: run the server as the postgres user when we are root.
  const asServer = (command: string, args: string[]) =>
    process.getuid?.() === 0
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, command), args, { stdio: 'pipe' });
  const user = process.getuid?.() === 0 ? 'postgres' : (process.env.USER ?? 'postgres');
  const port = String(54_000 + (process.pid % 1000));
  asServer('initdb', ['-D', data, '-A', 'trust', '-U', user, '--no-sync']);
  asServer('pg_ctl', [
    '-D',
    data,
    '-l',
    join(directory, 'log'),
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${directory} -c fsync=off`,
    '-w',
    'start',
  ]);
  project.provide('postgres', { PGHOST: '127.0.0.1', PGPORT: port, PGUSER: user, PGDATABASE: 'postgres' });
  return () => {
    try {
      asServer('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  };
}
