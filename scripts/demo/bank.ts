/**
 * Bank account opening across the app, WeChat and the branch, as a Chinese
 * Excel export: Chinese column names, Asia/Shanghai wall-clock times without
 * an offset; the caller encodes it as GB18030. Before: applicants who start
 * online must visit a branch to verify their identity. After: video
 * verification in the app; WeChat applicants are handed over to the app.
 *
 * Columns: 客户编号,时间,事件,阶段,渠道,客群,满意度 (满意度 on a 1-5 scale).
 */
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  customerId,
  localShanghai,
  score,
  shanghaiDay,
  sortedCsv,
  type Row,
} from './format.ts';
import type { Random } from './random.ts';

export const BANK_HEADER = ['客户编号', '时间', '事件', '阶段', '渠道', '客群', '满意度'] as const;

type BankChannel = 'App' | '微信' | '网点';

export interface BankPeriod {
  idPrefix: string;
  firstDay: string;
  days: number;
  customers: number;
  /** Whether identity can be verified by video in the app. */
  videoVerification: boolean;
  /** Probability of a first transaction within three weeks of opening. */
  firstUse: number;
}

export const BANK_BEFORE: BankPeriod = {
  idPrefix: 'BB',
  firstDay: '2026-08-01',
  days: 31,
  customers: 800,
  videoVerification: false,
  firstUse: 0.58,
};
export const BANK_AFTER: BankPeriod = {
  idPrefix: 'BA',
  firstDay: '2026-10-01',
  days: 31,
  customers: 800,
  videoVerification: true,
  firstUse: 0.7,
};

export function bankLog(random: Random, period: BankPeriod): string {
  const rows: Row[] = [];
  let order = 0;
  for (let index = 1; index <= period.customers; index++) {
    const id = customerId(period.idPrefix, index);
    const segment = random.weighted([
      ['代发工资', 40],
      ['年轻客群', 35],
      ['其他', 25],
    ] as const);
    let ms =
      shanghaiDay(period.firstDay) +
      random.int(0, period.days - 1) * DAY_MS +
      random.int(8, 21) * HOUR_MS +
      random.int(0, 59) * MINUTE_MS;
    const push = (event: string, stage: string, channel: BankChannel, satisfaction?: number) =>
      rows.push({ ms, order: order++, fields: [id, localShanghai(ms), event, stage, channel, segment, satisfaction] });
    const step = (minSeconds: number, maxSeconds: number) => (ms += random.int(minSeconds, maxSeconds) * 1000);
    const survey = (mean: number) => (random.chance(0.6) ? score(mean + 0.9 * random.normal(), 1, 5) : undefined);

    const first = random.weighted<BankChannel>([
      ['微信', 50],
      ['App', 35],
      ['网点', 15],
    ]);
    push('了解开户', '了解', first);
    if (!random.chance(0.7)) continue;
    // A third of WeChat readers move to the app to apply.
    const applyChannel: BankChannel = first === '微信' && random.chance(0.35) ? 'App' : first;
    step(60, 2 * 86400);
    push('提交申请', '申请', applyChannel);
    if (!random.chance(applyChannel === '网点' ? 0.98 : 0.9)) continue;
    step(60, 600);
    push('上传证件', '申请', applyChannel);

    let verifyChannel: BankChannel = '网点';
    let verified: boolean;
    let verifyMood: number;
    if (applyChannel === '网点') {
      verified = random.chance(0.96);
      step(300, 1800);
      verifyMood = 3.9;
    } else if (period.videoVerification) {
      verifyChannel = 'App';
      verified = random.chance(0.86);
      step(120, 6 * 3600);
      verifyMood = 4.3;
    } else {
      verified = random.chance(0.52);
      step(86400, 8 * 86400);
      verifyMood = 2.7;
    }
    if (!verified) continue;
    push('身份核验', '核验', verifyChannel, survey(verifyMood));
    if (!random.chance(0.95)) continue;
    step(60, 3600);
    push('开户成功', '开户', verifyChannel, survey(verifyMood + 0.3));
    if (!random.chance(period.firstUse)) continue;
    step(3600, 20 * 86400);
    push('首次交易', '使用', random.chance(0.7) ? 'App' : '微信');
  }
  return sortedCsv(BANK_HEADER, rows);
}
