/** Builds the site the way CI and GitHub Pages do, into a directory of the test's choosing. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const astroBin = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

export interface BuildOptions {
  outDir: string;
  base?: string;
  site?: string;
  env?: Record<string, string>;
}

/** Runs `astro build`; resolves with its duration in ms, rejects with its output on failure. */
export function buildSite({
  outDir,
  base = '/',
  site = 'https://example.org',
  env = {},
}: BuildOptions): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', '--outDir', outDir], {
      cwd: projectRoot,
      env: { ...process.env, BASE: base, SITE: site, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`astro build failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}
