import { describe, expect, it } from 'vitest';
import { createIdMatcher, findLeaks, isScannable } from '../../src/report/findLeaks.ts';

describe('findLeaks', () => {
  it('finds ids on part boundaries only', () => {
    const matcher = createIdMatcher(['BB0313', 'C1001']);
    expect(findLeaks('<td>BB0313</td>', matcher)).toEqual(['BB0313']);
    expect(findLeaks('"id":"C1001",', matcher)).toEqual(['C1001']);
    expect(findLeaks('BB03130 XBB0313 C10012 AC1001', matcher)).toEqual([]);
    expect(findLeaks('BB0313_x', matcher)).toEqual(['BB0313']);
  });

  it('finds ids inside longer tokens: snake_case, camelCase, after letters', () => {
    const matcher = createIdMatcher(['u1000011', 'cust-0042']);
    expect(findLeaks('event: assigned_agent_u1000011', matcher)).toEqual(['u1000011']);
    expect(findLeaks('agentCust-0042', createIdMatcher(['Cust-0042']))).toEqual(['Cust-0042']);
    expect(findLeaks('seen by 42u1000011.', matcher)).toEqual(['u1000011']);
    expect(findLeaks('xu1000011 u10000112', matcher)).toEqual([]);
  });

  it('finds ids after HTML unescaping and in \\u escapes', () => {
    const matcher = createIdMatcher(["o'brien.0000@example.com", 'AT&T-0000000', '张伟']);
    expect(findLeaks('<td>o&#39;brien.0000@example.com</td>', matcher)).toEqual(["o'brien.0000@example.com"]);
    expect(findLeaks('<td>AT&amp;T-0000000</td>', matcher)).toEqual(['AT&T-0000000']);
    expect(findLeaks('{"name":"\\u5f20\\u4f1f"}', matcher)).toEqual(['张伟']);
  });

  it('tells 6-digit ids from CSS colours and decimals', () => {
    const matcher = createIdMatcher(['111418']);
    expect(findLeaks('color:#111418;background:url("data:image/svg+xml,fill=%23111418")', matcher)).toEqual([]);
    expect(findLeaks('<td>111418</td>', matcher)).toEqual(['111418']);
    expect(findLeaks('customer_111418', matcher)).toEqual(['111418']);
    expect(findLeaks('x111418 1111418 0.111418', matcher)).toEqual([]);
  });

  it('scans Chinese names of 2 and 3 characters', () => {
    expect(isScannable('张伟')).toBe(true);
    expect(isScannable('王')).toBe(false);
    const matcher = createIdMatcher(['张伟', '欧阳娜']);
    expect(matcher.unscanned).toEqual([]);
    expect(findLeaks('客户张伟的旅程；欧阳娜。', matcher)).toEqual(['张伟', '欧阳娜']);
  });

  it('leaves ids that are words of the product text unscanned, and counts them', () => {
    const productWords = new Set(['purchase', 'Paths']);
    const matcher = createIdMatcher(['purchase', 'Paths', 'u1000011'], { isProductWord: (id) => productWords.has(id) });
    expect(matcher.unscanned).toEqual(['purchase', 'Paths']);
    expect(findLeaks('<h2>Paths</h2> purchase u1000011', matcher)).toEqual(['u1000011']);
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
