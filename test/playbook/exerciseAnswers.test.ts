/**
 * The exercise answers, checked against figures documented independently in
 * data/demo/README.md (retail checkout 326 of 598 and 375 of 552, e-commerce
 * payment 252 of 422 and 318 of 429) and against arithmetic done by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  ecommercePaymentAnswer,
  funnelsAnswer,
  measuringChangeAnswer,
  pathsAnswer,
  retailCheckoutAnswer,
} from '../../src/playbook/exerciseAnswers.ts';

describe('exercise answers', () => {
  it('funnels: the channels add up to the 598 checkouts and 326 buyers; 32 more mobile buyers at the desktop rate', async () => {
    const answer = await funnelsAnswer('en');
    expect(Number(answer.mobile.checkout) + Number(answer.desktop.checkout)).toBe(598);
    expect(Number(answer.mobile.bought) + Number(answer.desktop.bought)).toBe(326);
    expect(answer.mobile).toEqual({ checkout: '369', bought: '189', abandonment: '48.8%' });
    // 369 × 137/229 − 189 = 220.76 − 189 = 31.76
    expect(answer.extra).toBe('32');
    expect([answer.mobileLabel, (await funnelsAnswer('zh')).mobileLabel]).toEqual(['Mobile', '手机端']);
  });

  it('measuring change: the payment step by hand', async () => {
    const answer = await measuringChangeAnswer('en');
    expect(answer.before).toEqual({ successes: '252', n: '422' });
    expect(answer.after).toEqual({ successes: '318', n: '429' });
    // √(0.59716 × 0.40284 / 422 + 0.74126 × 0.25874 / 429) = √0.0010171 = 0.03189; 0.14410 / 0.03189 = 4.52
    expect([answer.p1, answer.p2, answer.difference, answer.se, answer.z]).toEqual([
      '0.597',
      '0.741',
      '0.144',
      '0.0319',
      '4.52',
    ]);
    // 0.14410 ± 1.96 × 0.03189 = 0.0816 … 0.2066
    expect([answer.ciLow, answer.ciHigh]).toEqual(['+8.2 pp', '+20.7 pp']);
  });

  it('e-commerce: 429 × (318/429 − 252/422) = 318 − 256.18 ≈ 62 extra payers', async () => {
    expect(await ecommercePaymentAnswer('en')).toMatchObject({ afterN: '429', extra: '62' });
  });

  it('retail case: conversion into purchase rises from 326/598 to 375/552', async () => {
    const { rows } = await retailCheckoutAnswer('en');
    expect(rows.map((row) => row.step)).toEqual(['View product', 'Add to cart', 'Checkout', 'Purchase']);
    expect(rows[3]).toMatchObject({ before: '54.5%', after: '67.9%', change: '+13.4 pp' });
  });

  it('paths: the share is the band over the sessions reaching checkout', async () => {
    const answer = await pathsAnswer('zh');
    expect(answer.share).toBe(`${Math.round((Number(answer.taking) / Number(answer.sessions)) * 100)}%`);
    expect(Number(answer.taking)).toBeGreaterThan(0);
    expect([answer.checkout, answer.shippingInfo]).toEqual(['结账', '查看运费']);
  });
});
