/**
 * A throw-away copy of the project for report tests: the site's sources and
 * the playbook copied, node_modules linked, and no report of the real
 * project, so tests scaffold and build their own reports without touching
 * content/ or racing other builds (Astro's content cache lives in the copy's
 * .astro/ and .cache/ folders). Plus a deterministic event-log generator.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './build.ts';

const node = process.execPath;
// Everything a build reads except the real reports (content/reports, data/reports).
const COPIED = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'content/playbook', 'data'];
const notRealReports = (source: string) => !source.startsWith(join(projectRoot, 'data/reports'));

/** Creates the copy; resolves with its root. */
export async function createReportProject(prefix = 'report-project-'): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  for (const entry of COPIED)
    await cp(join(projectRoot, entry), join(root, entry), { recursive: true, filter: notRealReports });
  await mkdir(join(root, 'content/reports'), { recursive: true });
  await symlink(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's TypeScript entry points (of the copy) with `args`, in `cwd`. */
export function runScript(
  root: string,
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, ['--experimental-strip-types', '--no-warnings', join(root, script), ...args], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** A tiny deterministic random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface EventLogSpec {
  /** Customer ids are `${idPrefix}${n}` (make them distinctive). */
  idPrefix: string;
  customers: number;
  /** The journey's steps; each customer goes on to the next step with `continueRate`. */
  steps: string[];
  continueRate?: number;
  /** Segments, and how many customers each holds (the rest get the first). */
  segments?: Record<string, number>;
  seed?: number;
  /** First day, UTC. */
  start?: string;
}

/** A CSV event log: customer_id,timestamp,event,segment; customers spread over eight weeks. */
export function generateEventLog(spec: EventLogSpec): { csv: string; ids: string[] } {
  const next = random(spec.seed ?? 7);
  const continueRate = spec.continueRate ?? 0.8;
  const startMs = Date.parse(spec.start ?? '2026-01-05T00:00:00Z');
  const segmentOf: string[] = [];
  const names = Object.keys(spec.segments ?? { all: spec.customers });
  for (const [name, count] of Object.entries(spec.segments ?? {})) for (let i = 0; i < count; i++) segmentOf.push(name);
  const lines = ['customer_id,timestamp,event,segment'];
  const ids: string[] = [];
  for (let c = 0; c < spec.customers; c++) {
    const id = `${spec.idPrefix}${String(c + 1).padStart(4, '0')}`;
    ids.push(id);
    const segment = segmentOf[c] ?? names[0];
    let t = startMs + Math.floor(next() * 56 * 86_400_000);
    for (let s = 0; s < spec.steps.length; s++) {
      if (s > 0 && next() > continueRate) break;
      lines.push(`${id},${new Date(t).toISOString()},${spec.steps[s]},${segment}`);
      t += Math.floor((5 + next() * 60) * 60_000);
    }
    // Some come back a week or two later: retention has something to count.
    if (next() < 0.4)
      lines.push(
        `${id},${new Date(t + (7 + Math.floor(next() * 14)) * 86_400_000).toISOString()},${spec.steps[0]},${segment}`,
      );
  }
  return { csv: lines.join('\n') + '\n', ids };
}

/** `astro build` of the whole copy (every report, the playbook) into <root>/dist, with the copy's own content cache. */
export function buildAll(root: string): Promise<RunResult> {
  const code = `import { build } from 'astro'; await build({ root: ${JSON.stringify(root)}, cacheDir: ${JSON.stringify(join(root, '.cache/astro-all'))} });`;
  return new Promise((resolve, reject) => {
    const child = spawn(node, ['--input-type=module', '-e', code], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', JOURNEY_REPORT: '', JOURNEY_PLAYBOOK: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (exit) => resolve({ code: exit ?? 1, stdout, stderr }));
  });
}
