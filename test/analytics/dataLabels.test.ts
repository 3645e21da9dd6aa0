import { describe, expect, it } from 'vitest';
import { dataLabelsSchema, hasOwnLabel, labelOf, NO_LABELS, stepLabelOf } from '../../src/analytics/dataLabels.ts';

const labels = dataLabelsSchema.parse({
  event: { view_product: { zh: '浏览商品', en: 'View product' }, 身份核验: { zh: '身份核验', en: 'Verify identity' } },
  channel: { 网点: { zh: '网点', en: 'Branch' } },
});

describe('labelOf', () => {
  it('gives the label in the asked language', () => {
    expect(labelOf(labels, 'channel', '网点', 'en')).toBe('Branch');
    expect(labelOf(labels, 'channel', '网点', 'zh')).toBe('网点');
    expect(labelOf(labels, 'event', 'view_product', 'zh')).toBe('浏览商品');
  });

  it('falls back to the raw name for unlabelled names, columns and inherited keys', () => {
    expect(labelOf(labels, 'channel', 'kiosk', 'en')).toBe('kiosk');
    expect(labelOf(labels, 'segment', 'new', 'en')).toBe('new');
    expect(labelOf(labels, 'event', 'constructor', 'en')).toBe('constructor');
    expect(labelOf(NO_LABELS, 'event', 'view_product', 'zh')).toBe('view_product');
  });

  it('labels each alternative of a funnel step', () => {
    expect(stepLabelOf(labels, 'view_product|身份核验', 'en')).toBe('View product | Verify identity');
    expect(stepLabelOf(labels, 'view_product', 'zh')).toBe('浏览商品');
  });

  it('says whether a label differs from the raw name', () => {
    expect(hasOwnLabel(labels, 'channel', '网点', 'en')).toBe(true);
    expect(hasOwnLabel(labels, 'channel', '网点', 'zh')).toBe(false);
  });

  it('rejects a label without both languages', () => {
    expect(dataLabelsSchema.safeParse({ event: { visit: { zh: '访问' } } }).success).toBe(false);
    expect(dataLabelsSchema.safeParse({ events: {} }).success).toBe(false);
  });
});
