import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelOf } from '../../../src/analytics/dataLabels.ts';
import { labelsBeside, parseLabels } from '../../../src/analytics/load/labels.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journey-labels-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('labels files', () => {
  it("reads the demo folder's labels.json beside a log", async () => {
    const labels = await labelsBeside('data/demo/bank-account-opening-before.csv');
    expect(labelOf(labels, 'channel', '网点', 'en')).toBe('Branch');
    expect(labelOf(labels, 'event', 'purchase', 'zh')).toBe('购买');
    expect(labelOf(labels, 'stage', 'after_stay', 'en')).toBe('After the stay');
  });

  it('gives no labels where a folder has no labels.json', async () => {
    await writeFile(join(dir, 'events.csv'), 'customer_id,timestamp,event\n');
    expect(await labelsBeside(join(dir, 'events.csv'))).toEqual({});
  });

  it('names the file and the field of a malformed labels file', () => {
    expect(() => parseLabels('{"event": {"visit": {"zh": "访问"}}}', 'data/x/labels.json')).toThrow(
      /^data\/x\/labels\.json: not a labels file:\n {2}event\.visit\.en: .*\nExpected \{ "event"/,
    );
    expect(() => parseLabels('{', 'data/x/labels.json')).toThrow(/^data\/x\/labels\.json: not valid JSON/);
  });
});
