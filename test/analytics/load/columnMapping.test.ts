import { describe, expect, it } from 'vitest';
import { resolveColumns, suggestColumn, unreadOptionalColumns } from '../../../src/analytics/load/columnMapping.ts';

describe('resolveColumns', () => {
  it('maps canonical names to themselves and mapped names to their file column', () => {
    const resolution = resolveColumns(['客户编号', 'timestamp', 'event', 'channel', 'amount'], {
      customer_id: '客户编号',
      value: 'amount',
    });
    expect(resolution.indexOf).toEqual({ customer_id: 0, timestamp: 1, event: 2, channel: 3, value: 4 });
    expect(resolution.mapped).toEqual({
      customer_id: '客户编号',
      timestamp: 'timestamp',
      event: 'event',
      channel: 'channel',
      value: 'amount',
    });
    expect(resolution.problems).toEqual([]);
  });

  it('never guesses: near misses are problems with a suggestion', () => {
    const resolution = resolveColumns(['Customer_ID', 'time', 'Event Name'], {});
    expect(resolution.indexOf).toEqual({});
    expect(resolution.problems).toEqual([
      { kind: 'missing', column: 'customer_id', suggestion: 'Customer_ID' },
      { kind: 'missing', column: 'timestamp', suggestion: 'time' },
      { kind: 'missing', column: 'event', suggestion: 'Event Name' },
    ]);
  });

  it('reports a mapped column that is not in the file', () => {
    expect(resolveColumns(['uid', 'timestamp', 'event'], { customer_id: 'user' }).problems).toEqual([
      { kind: 'mapped-not-found', column: 'customer_id', fileColumn: 'user', suggestion: 'uid' },
    ]);
  });

  it('does not read a file column twice when it is mapped elsewhere', () => {
    const resolution = resolveColumns(['event', 'action', 'customer_id', 'timestamp'], {
      stage: 'event',
      event: 'action',
    });
    expect(resolution.indexOf).toEqual({ customer_id: 2, timestamp: 3, event: 1, stage: 0 });
  });
});

describe('suggestColumn', () => {
  it.each([
    ['customer_id', ['user_id', 'x'], 'user_id'],
    ['customer_id', ['uid'], 'uid'],
    ['customer_id', ['用户ID'], '用户ID'],
    ['customer_id', ['客户编号', '时间'], '客户编号'],
    ['customer_id', ['custmer_id'], 'custmer_id'],
    ['timestamp', ['时间'], '时间'],
    ['timestamp', ['Event Time'], 'Event Time'],
    ['timestamp', ['timestmap'], 'timestmap'],
    ['event', ['事件名称'], '事件名称'],
    ['event', ['a', 'b'], undefined],
  ] as const)('%s among %j -> %s', (column, header, expected) => {
    expect(suggestColumn(column, header)).toBe(expected);
  });
});

describe('unreadOptionalColumns', () => {
  const required = { customer_id: '客户编号', timestamp: '时间', event: '行为' };

  it('proposes an unread column whose name is a usual name of an optional column', () => {
    expect(unreadOptionalColumns(['客户编号', '时间', '行为', '渠道', '客群', '备注'], required)).toEqual({
      channel: '渠道',
      segment: '客群',
    });
  });

  it('matches names exactly (after case and spacing), never near misses', () => {
    expect(unreadOptionalColumns(['客户编号', '时间', '行为', 'Order Value', '金额(元)', 'sourc'], required)).toEqual({
      value: 'Order Value',
    });
  });

  it('leaves mapped columns alone and never proposes a column already read', () => {
    expect(unreadOptionalColumns(['客户编号', '时间', '行为', '渠道'], { ...required, channel: '渠道' })).toEqual({});
    expect(unreadOptionalColumns(['客户编号', '时间', '行为', '来源'], { ...required, stage: '来源' })).toEqual({});
  });

  it('proposes each file column once, to the first optional column that names it', () => {
    expect(unreadOptionalColumns(['客户编号', '时间', '行为', '平台', '渠道'], required)).toEqual({ channel: '平台' });
  });
});
