import { describe, expect, it } from 'vitest';
import { maskId, maskQuotedValues } from '../../src/report/maskIds.ts';

describe('masking ids in what a build prints', () => {
  it('keeps the first two characters of an id', () => {
    expect(maskId('u1000011')).toBe('u1******');
    expect(maskId('张三丰')).toBe('张三*');
    expect(maskId('ab')).toBe('ab*');
  });

  it('masks each value an issue quotes, and leaves empty values and fixed hints alone', () => {
    expect(
      maskQuotedValues(
        'a.csv:3:customer_id: empty customer id ("") — fill it in\na.csv:4:event: bad ("o\\"brien-7") — see [{"customer_id": ...}]',
      ),
    ).toBe(
      'a.csv:3:customer_id: empty customer id ("") — fill it in\na.csv:4:event: bad ("o\\"*******") — see [{"customer_id": ...}]',
    );
  });
});
