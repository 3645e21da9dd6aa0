import { describe, expect, it } from 'vitest';
import { compareNumericKeys } from '../../src/client/sortKey.ts';

describe('compareNumericKeys', () => {
  it('puts suppressed cells below every number and empty cells last, both ways', () => {
    const keys = ['3', '', '< 5', '10', '-2.5', '1e3'];
    expect([...keys].sort(compareNumericKeys(true))).toEqual(['< 5', '-2.5', '3', '10', '1e3', '']);
    expect([...keys].sort(compareNumericKeys(false))).toEqual(['1e3', '10', '3', '-2.5', '< 5', '']);
  });

  it('treats any non-number label as suppressed, not only one starting with "<"', () => {
    expect(['7', '少于 5'].sort(compareNumericKeys(true))).toEqual(['少于 5', '7']);
  });
});
