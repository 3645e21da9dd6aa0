import { describe, expect, it } from 'vitest';
import { createIdMatcher, findLeaks, isScannable } from '../../src/report/findLeaks.ts';

describe('findLeaks', () => {
  it('finds ids as whole tokens only', () => {
    const matcher = createIdMatcher(['BB0313', 'C1001']);
    expect(findLeaks('<td>BB0313</td>', matcher)).toEqual(['BB0313']);
    expect(findLeaks('"id":"C1001",', matcher)).toEqual(['C1001']);
    expect(findLeaks('BB03130 XBB0313 BB0313_x C10012', matcher)).toEqual([]);
  });

  it('treats Chinese characters as boundaries, so an id inside Chinese prose is found', () => {
    const matcher = createIdMatcher(['BB0313']);
    expect(findLeaks('客户BB0313在网点开户', matcher)).toEqual(['BB0313']);
  });

  it('finds ids with separators and Chinese ids, bounded by non-word characters', () => {
    const matcher = createIdMatcher(['cust-0001', 'a.b@x.cn', '欧阳明华']);
    expect(findLeaks('path cust-0001/ and mail a.b@x.cn.', matcher)).toEqual(['cust-0001', 'a.b@x.cn']);
    expect(findLeaks('cust-00012 xcust-0001', matcher)).toEqual([]);
    expect(findLeaks('客户欧阳明华的旅程', matcher)).toEqual(['欧阳明华']);
  });

  it('does not take part of a decimal number for a numeric id', () => {
    const matcher = createIdMatcher(['456789']);
    expect(findLeaks('<path d="M123.456789,10"/>', matcher)).toEqual([]);
    expect(findLeaks('客户 456789 流失', matcher)).toEqual(['456789']);
  });

  it('leaves ids too short to scan out, and counts them', () => {
    expect(isScannable('abc')).toBe(false);
    expect(isScannable('abcd')).toBe(true);
    expect(isScannable('12345')).toBe(false);
    expect(isScannable('123456')).toBe(true);
    const matcher = createIdMatcher(['7', '42', 'abc', '12345', 'abcd']);
    expect(matcher.unscanned).toEqual(['7', '42', 'abc', '12345']);
    expect(findLeaks('7 42 abc 12345 abcd', matcher)).toEqual(['abcd']);
  });
});
