/**
 * `journey build-report` and `journey pdf` up to the point where they would
 * build or print: usage, a missing report, a report not yet built. The builds
 * and the PDF themselves are test/build/reports.test.ts.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'report-commands-'));
  await mkdir(join(root, 'content/reports/acme'), { recursive: true });
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { cwd: root, stdout: (text) => void out.push(text), stderr: (text) => void err.push(text) };
  const code = await main(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('journey build-report', () => {
  it('wants exactly one report name', async () => {
    for (const argv of [['build-report'], ['build-report', 'acme', 'other']]) {
      const { code, stderr } = await run(...argv);
      expect(code).toBe(2);
      expect(stderr).toMatch(
        /^journey build-report: give exactly one report name\n\nUsage: journey build-report <client>/,
      );
    }
  });

  it('names a missing report and how to scaffold it, exit code 2', async () => {
    const { code, stdout, stderr } = await run('build-report', 'other');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'journey build-report: no report "other": content/reports/other/ does not exist — scaffold it with `npm run journey -- new report other`',
    );
  });

  it('rejects an unknown option with the usage', async () => {
    const { code, stderr } = await run('build-report', 'acme', '--playbook-off');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^journey build-report: Unknown option '--playbook-off'/);
  });

  it('prints its help', async () => {
    const { code, stdout } = await run('build-report', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: journey build-report <client> \[options\]/);
    expect(stdout).toContain('--no-playbook');
  });
});

describe('journey pdf', () => {
  it('accepts only zh or en for --lang', async () => {
    const { code, stderr } = await run('pdf', 'acme', '--lang', 'fr');
    expect(code).toBe(2);
    expect(stderr).toBe('journey pdf: --lang must be zh or en, not "fr"');
  });

  it('names a missing report, exit code 2', async () => {
    const { code, stderr } = await run('pdf', 'other');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^journey pdf: no report "other": content\/reports\/other\/ does not exist/);
  });

  it('asks for a build first when the report exists but is not built, exit code 1', async () => {
    const { code, stdout, stderr } = await run('pdf', 'acme');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `journey pdf: no built report at ${join(root, 'dist-report/acme/reports/acme/index.html')}: build it first with \`npm run build:report -- acme\` (or give --site DIR)`,
    );
  });
});

describe('journey', () => {
  it('lists build-report and pdf among its commands', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}build-report {2}build a site holding one report alone/m);
    expect(stdout).toMatch(/^ {2}pdf {11}print a built report to an A4 PDF/m);
  });

  it('prints the version of package.json with --version and -v', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    for (const flag of ['--version', '-v']) expect(await run(flag)).toEqual({ code: 0, stdout: version, stderr: '' });
  });
});
