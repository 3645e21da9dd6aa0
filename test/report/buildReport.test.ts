import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClient, reportOutDir } from '../../src/report/buildReport.ts';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'build-report-'));
  await mkdir(join(root, 'content/reports/acme-bank'), { recursive: true });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('build:report', () => {
  it('accepts an existing report and builds it into dist-report/<client>', () => {
    expect(checkClient(root, 'acme-bank')).toBeNull();
    expect(reportOutDir(root, 'acme-bank')).toBe(join(root, 'dist-report/acme-bank'));
  });

  it('names a missing report and how to create it, and rejects names that are not folder names', () => {
    expect(checkClient(root, 'other')).toBe(
      'no report "other": content/reports/other/ does not exist — scaffold it with `npm run journey -- new report other`',
    );
    expect(checkClient(root, '../acme-bank')).toMatch(
      /^"\.\.\/acme-bank": a report name uses lower-case letters, digits and hyphens/,
    );
  });
});
