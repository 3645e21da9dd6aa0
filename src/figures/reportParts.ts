/**
 * What a client report's figures show, part by part, from the report's
 * analyses: default titles, the headline and value tiles, the caption's source
 * and the paths caption. Pure: <ReportFigures> binds each part to its chart
 * component and reads the files a part needs.
 *
 * @example
 *   const parts = reportParts({ sources: report.config.sources, currency: 'CNY' }, analyses, 'en');
 *   parts.titles.funnel; // 'Funnel from “visit” to “purchase”'
 */
import type { KpiTileInput } from '../charts/kpiTiles.ts';
import type { Lang } from '../i18n/locales.ts';
import type { ReportAnalyses } from '../report/reportAnalyses.ts';

export const REPORT_PARTS = [
  'kpis',
  'journeyMap',
  'funnel',
  'breakdown',
  'paths',
  'retention',
  'satisfaction',
  'drivers',
  'value',
  'opportunities',
  'whatIf',
] as const;
export type ReportPart = (typeof REPORT_PARTS)[number];

const BY_NAMES = {
  segment: { zh: '客群', en: 'segment' },
  channel: { zh: '渠道', en: 'channel' },
  stage: { zh: '阶段', en: 'stage' },
};

export interface ReportParts {
  titles: Record<ReportPart, string>;
  /** The report's event sources, by name (a survey source captions only its own figures). */
  source: string;
  kpiTiles: KpiTileInput[];
  /** Buyers, order value and CLV; empty when the data has no value column. */
  valueTiles: KpiTileInput[];
  pathsCaption: string;
}

export function reportParts(
  config: { sources: { path: string; kind?: string }[]; engine?: { table: string }; currency?: string },
  analyses: ReportAnalyses,
  lang: Lang,
): ReportParts {
  const zh = lang === 'zh';
  // A report on an engine names its table.
  const source =
    config.engine?.table ??
    config.sources
      .filter((s) => s.kind !== 'survey')
      .map((s) => s.path.split('/').pop())
      .join(', ');
  const steps = analyses.funnel.steps;
  const stepAt = (index: number) => {
    const step = steps[index];
    if (!step) throw new Error(`the report's funnel has no step ${index + 1}`);
    return step;
  };
  const first = stepAt(0);
  const last = stepAt(steps.length - 1);
  const weakest = stepAt(analyses.weakestStep - 1);
  const raised = stepAt(analyses.whatIfStep - 1);
  const byName = BY_NAMES[analyses.breakdownBy ?? 'segment'][lang];
  const titles: Record<ReportPart, string> = {
    kpis: zh ? '关键指标' : 'Key figures',
    journeyMap: zh ? '客户旅程地图' : 'Customer journey map',
    funnel: zh ? `从「${first.name}」到「${last.name}」的转化漏斗` : `Funnel from “${first.name}” to “${last.name}”`,
    breakdown: zh ? `按${byName}的转化` : `Conversion by ${byName}`,
    paths: zh ? '客户路径' : 'Customer paths',
    retention: zh ? '每周留存' : 'Weekly retention',
    satisfaction: zh ? '各触点满意度' : 'Satisfaction by touchpoint',
    drivers: zh ? '先改进哪个触点' : 'Which touchpoint to fix first',
    value: zh ? '客户价值' : 'Customer value',
    opportunities: zh ? '优化机会优先级' : 'Opportunities by priority',
    whatIf: zh ? `若「${raised.name}」的转化率提升` : `If “${raised.name}” converted better`,
  };
  const kpiTiles: KpiTileInput[] = [
    { label: zh ? '客户数' : 'Customers', value: analyses.customers, format: 'count', customers: analyses.customers },
    {
      label: zh ? `「${first.name}」到「${last.name}」转化率` : `“${first.name}” to “${last.name}”`,
      value: last.conversion_from_start ?? 0,
      format: 'percent',
      n: Math.max(1, first.customers),
      customers: last.customers,
    },
    {
      label: zh ? `最弱一步「${weakest.name}」的转化率` : `Weakest step “${weakest.name}”`,
      value: weakest.conversion_from_previous ?? 0,
      format: 'percent',
      n: Math.max(1, stepAt(analyses.weakestStep - 2).customers),
      customers: weakest.customers,
    },
  ];
  const value = analyses.value;
  const valueTiles: KpiTileInput[] = value
    ? [
        { label: zh ? '购买客户' : 'Buyers', value: value.buyers, format: 'count', customers: value.buyers },
        {
          label: zh ? '客单价' : 'Average order value',
          value: value.aov ?? 0,
          format: 'money',
          currency: config.currency,
          customers: value.buyers,
        },
        {
          label: zh ? '客户历史价值' : 'Historic CLV',
          value: value.clv ?? 0,
          format: 'money',
          currency: config.currency,
          customers: value.buyers,
        },
      ]
    : [];
  const { sessionGap, depth } = analyses.pathsSpec;
  const pathsCaption = zh
    ? `${source}；${sessionGap === null ? '每位客户的全部事件为一条路径（不按会话切分）' : `会话间隔 ${sessionGap}`}，最多 ${depth} 步`
    : `${source}; ${sessionGap === null ? 'each customer’s events form one path (not cut into sessions)' : `session gap ${sessionGap}`}, up to ${depth} steps`;
  return { titles, source, kpiTiles, valueTiles, pathsCaption };
}
