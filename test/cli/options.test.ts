import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, type CommandIO } from '../../src/cli/command.ts';
import { checkCommand, loadForCommand, parseColumnMap, parseDataArgs } from '../../src/cli/options.ts';

describe('parseDataArgs', () => {
  it('parses the shared options and a command’s own', () => {
    const args = parseDataArgs(
      [
        'data.csv',
        '--map',
        'customer_id=客户编号,timestamp=时间',
        '--map',
        'event=事件',
        '--tz',
        'Asia/Shanghai',
        '--skip-invalid',
        '--dedupe',
        '--json',
        '--steps',
        'a,b',
      ],
      { steps: { type: 'string' } },
    );
    expect(args.file).toBe('data.csv');
    expect(args.load).toEqual({
      map: { customer_id: '客户编号', timestamp: '时间', event: '事件' },
      tz: 'Asia/Shanghai',
      skipInvalid: true,
      dedupe: true,
    });
    expect(args.json).toBe(true);
    expect(args.values.steps).toBe('a,b');
    expect(args.rest).toEqual([]);
  });

  it('throws UsageError on bad usage', () => {
    expect(() => parseDataArgs([])).toThrow(
      new UsageError('missing the event-log file, e.g. journey check data/events.csv'),
    );
    expect(() => parseDataArgs(['a.csv', '--tz', 'Nowhere/Else'])).toThrow(UsageError);
    expect(() => parseDataArgs(['a.csv', '--what'])).toThrow(UsageError);
    expect(() => parseDataArgs(['a.csv', '--map', 'customer_id'])).toThrow(
      /bad --map entry "customer_id": expected NAME=COLUMN/,
    );
    expect(parseDataArgs(['--help']).help).toBe(true);
  });
});

describe('parseColumnMap', () => {
  it('reads NAME=COLUMN pairs and refuses unknown names and conflicts', () => {
    expect(parseColumnMap(['customer_id = 客户 编号 ,', 'value=金额'])).toEqual({
      customer_id: '客户 编号',
      value: '金额',
    });
    expect(() => parseColumnMap(['buyer=x'])).toThrow(/"buyer" is not a column of the event log/);
    expect(() => parseColumnMap(['event=a', 'event=b'])).toThrow('--map gives event twice ("a" and "b")');
  });
});

describe('loadForCommand', () => {
  const directory = mkdtempSync(join(tmpdir(), 'journey-options-'));
  writeFileSync(join(directory, 'good.csv'), 'customer_id,timestamp,event\nc1,2024-03-10,visit\nc1,2024-03-10,visit\n');
  writeFileSync(join(directory, 'bad.csv'), 'customer_id,timestamp,event\nc1,later,visit\n');
  const capture = () => {
    const err: string[] = [];
    const io: CommandIO = { stdout: () => {}, stderr: (text) => void err.push(text), cwd: directory };
    return { io, err };
  };

  it('loads relative to io.cwd and mentions warnings', async () => {
    const { io, err } = capture();
    const loaded = await loadForCommand('good.csv', {}, io);
    expect(loaded?.table.numRows()).toBe(2);
    expect(err).toEqual(['journey: 2 warnings about good.csv; run `journey check good.csv` to see them']);
  });

  it('repeats the options the user gave in its hint', async () => {
    const { io, err } = capture();
    writeFileSync(
      join(directory, 'mapped file.csv'),
      '客户,时间,事件\nc1,2024-03-10 09:00,visit\nc1,2024-03-10 09:00,visit\n',
    );
    const options = { map: { customer_id: '客户', timestamp: '时间', event: '事件' }, tz: 'Asia/Shanghai' };
    expect((await loadForCommand('mapped file.csv', options, io))?.table.numRows()).toBe(2);
    expect(err).toEqual([
      "journey: 1 warning about mapped file.csv; run `journey check 'mapped file.csv' --map customer_id=客户,timestamp=时间,event=事件 --tz Asia/Shanghai` to see them",
    ]);
    expect(checkCommand("it's.csv", { skipInvalid: true, dedupe: true })).toBe(
      "journey check 'it'\\''s.csv' --skip-invalid --dedupe",
    );
    expect(
      checkCommand('明细.xlsx', { excelDates: true, numberFormat: '1.234,56', sheet: '3月 明细', skipInvalid: true }),
    ).toBe("journey check 明细.xlsx --skip-invalid --excel-dates --number-format 1.234,56 --sheet '3月 明细'");
  });

  it('prints data errors and returns null', async () => {
    const { io, err } = capture();
    expect(await loadForCommand('bad.csv', {}, io)).toBeNull();
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^bad\.csv:2:timestamp: not a timestamp \("later"\) — /);
  });
});

describe('parseDataArgs: repeated options', () => {
  it('refuses a single-value option given twice', () => {
    expect(() => parseDataArgs(['e.csv', '--steps', 'a', '--steps', 'b'], { steps: { type: 'string' } })).toThrow(
      '--steps is given more than once; give it once (for several steps: --steps a,b,c)',
    );
    expect(parseDataArgs(['e.csv', '--map', 'customer_id=a', '--map', 'event=b']).load.map).toEqual({
      customer_id: 'a',
      event: 'b',
    });
  });
});
