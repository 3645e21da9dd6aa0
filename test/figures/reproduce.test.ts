import { describe, expect, it } from 'vitest';
import { componentCall, journeyCommand, reproduceChart, shellWord, shellWords } from '../../src/figures/reproduce.ts';

describe('reproduceChart', () => {
  it('writes the call, one command per compared period with every option, and the files', () => {
    const props = {
      lang: 'en',
      title: 'Before and after',
      map: { customer_id: '客户编号', timestamp: '时间' },
      tz: 'Asia/Shanghai',
      spec: { steps: '提交申请,开户成功', window: '30d' },
      compare: { before: { data: 'data/demo/a.csv', label: 'Aug' }, after: { data: 'data/demo/b.csv', label: 'Oct' } },
    };
    expect(reproduceChart('FunnelChart', props)).toEqual({
      call:
        `<FunnelChart lang="en" title="Before and after" map={{ customer_id: '客户编号', timestamp: '时间' }} tz="Asia/Shanghai" ` +
        `spec={{ steps: '提交申请,开户成功', window: '30d' }} compare={{ before: { data: 'data/demo/a.csv', label: 'Aug' }, after: { data: 'data/demo/b.csv', label: 'Oct' } }} />`,
      commands: ['a', 'b'].map(
        (f) =>
          `npm run journey -- funnel data/demo/${f}.csv --steps 提交申请,开户成功 --window 30d --map customer_id=客户编号,timestamp=时间 --tz Asia/Shanghai --json`,
      ),
      files: ['data/demo/a.csv', 'data/demo/b.csv'],
    });
  });

  it('maps spec keys to each command’s options', () => {
    expect(journeyCommand('paths', 'd.csv', { start: 'checkout', depth: 3, collapse_repeats: false })).toBe(
      'npm run journey -- paths d.csv --start checkout --depth 3 --keep-repeats --json',
    );
    expect(journeyCommand('retention', 'd.csv', { period: 'month', tz: 'Asia/Shanghai' }, { tz: 'UTC' })).toBe(
      'npm run journey -- retention d.csv --period month --tz Asia/Shanghai --json',
    );
    expect(
      reproduceChart('TouchpointScores', { title: 't', data: 'data/demo/h.csv', by: 'event', metric: 'nps' })?.commands,
    ).toEqual(['npm run journey -- satisfaction data/demo/h.csv --json']);
  });

  it('offers nothing for charts reading client data or a given result', () => {
    expect(reproduceChart('FunnelChart', { title: 't', data: 'data/reports/acme/x.csv', spec: {} })).toBeUndefined();
    expect(reproduceChart('FunnelChart', { title: 't', result: { steps: [] } })).toBeUndefined();
  });

  it('quotes shell words and reads them back', () => {
    expect(shellWord('a,b|c')).toBe(`'a,b|c'`);
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
    expect(shellWords(`journey funnel 'a b' --steps 'x|y' 'it'\\''s' --json`)).toEqual([
      'journey',
      'funnel',
      'a b',
      '--steps',
      'x|y',
      "it's",
      '--json',
    ]);
    expect(componentCall('X', { title: 'say "hi"', n: 3 })).toBe(`<X title={'say "hi"'} n={3} />`);
  });
});
