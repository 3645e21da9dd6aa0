/**
 * The words charts print, in both page languages. Kept apart from the site's
 * UI strings because charts are drawn outside Astro (and unit-tested there).
 */
import type { Lang } from '../i18n/locales.ts';

const LABELS = {
  customers: { zh: '客户数', en: 'Customers' },
  sessions: { zh: '会话数', en: 'Sessions' },
  step: { zh: '步骤', en: 'Step' },
  fromStart: { zh: '起点转化率', en: 'Conversion from start' },
  fromPrevious: { zh: '上步转化率', en: 'Conversion from previous' },
  dropped: { zh: '流失', en: 'Dropped' },
  medianTime: { zh: '中位耗时', en: 'Median time' },
  largestLoss: { zh: '流失最多', en: 'largest loss' },
  weakestStep: { zh: '转化率最低', en: 'weakest step' },
  ofPrevious: { zh: '上一步的', en: 'of previous' },
  before: { zh: '之前', en: 'Before' },
  after: { zh: '之后', en: 'After' },
  lift: { zh: '提升', en: 'Lift' },
  significance: { zh: '显著性', en: 'Significance' },
  significant: { zh: '显著', en: 'significant' },
  notSignificant: { zh: '不显著', en: 'not significant' },
  segment: { zh: '分组', en: 'Group' },
  noValue: { zh: '（未填写）', en: '(none)' },
  path: { zh: '路径', en: 'Path' },
  source: { zh: '来源', en: 'From' },
  target: { zh: '去向', en: 'To' },
  position: { zh: '位置', en: 'Position' },
  cohort: { zh: '同期群', en: 'Cohort' },
  size: { zh: '人数', en: 'Size' },
  period: { zh: '周期', en: 'Period' },
  partial: { zh: '（未完整）', en: ' (partial)' },
  partialNote: { zh: '虚线框（*）为未完整的周期', en: 'Dashed cells (*) are partial periods' },
  touchpoint: { zh: '触点', en: 'Touchpoint' },
  stage: { zh: '阶段', en: 'Stage' },
  channel: { zh: '渠道', en: 'Channel' },
  scores: { zh: '评分数', en: 'Scores' },
  mean: { zh: '平均分', en: 'Mean' },
  opportunity: { zh: '机会', en: 'Opportunity' },
  impact: { zh: '影响', en: 'Impact' },
  effort: { zh: '投入', en: 'Effort' },
  reach: { zh: '覆盖', en: 'Reach' },
  confidence: { zh: '信心', en: 'Confidence' },
  priority: { zh: '优先级得分', en: 'Priority score' },
  rank: { zh: '排名', en: 'Rank' },
  quickWins: { zh: '速赢', en: 'Quick wins' },
  bigBets: { zh: '重大投入', en: 'Big bets' },
  fillIns: { zh: '顺手做', en: 'Fill-ins' },
  moneyPits: { zh: '得不偿失', en: 'Money pits' },
  projected: { zh: '预测', en: 'Projected' },
  current: { zh: '当前', en: 'Current' },
  additional: { zh: '增量', en: 'Additional' },
  value: { zh: '价值', en: 'Value' },
  /** A figure's value column (KPI table): a number, not money. */
  figureValue: { zh: '数值', en: 'Value' },
  emotion: { zh: '情绪', en: 'Emotion' },
  figure: { zh: '指标', en: 'Figure' },
  change: { zh: '变化', en: 'Change' },
  previous: { zh: '上期', en: 'Previous' },
  dataSource: { zh: '数据来源', en: 'Source' },
  scrollCue: { zh: '← 左右滑动查看完整图表 →', en: '← Swipe to see the whole chart →' },
  showData: { zh: '查看数据', en: 'Show the data' },
  reproduce: { zh: '如何复现', en: 'Reproduce' },
  reproduceCall: { zh: '章节中的组件调用', en: 'The component call in the chapter' },
  reproduceCommand: {
    zh: '打印相同数字的命令（在项目根目录运行）',
    en: 'The command that prints the same numbers (run it in the project folder)',
  },
  reproduceData: { zh: '下载演示数据', en: 'Download the demo data' },
  downloadCsv: { zh: '下载数据 (CSV)', en: 'Download data (CSV)' },
  downloadSvg: { zh: '下载图片 (SVG)', en: 'Download image (SVG)' },
  series: { zh: '图例（点击显示或隐藏）', en: 'Legend (click to show or hide)' },
  sortBy: { zh: '排序', en: 'Sort by' },
  suppressedNote: {
    zh: '少于 {k} 位客户的格子显示为“< {k}”。',
    en: 'Cells describing fewer than {k} customers show "< {k}".',
  },
  noTest: { zh: '未检验', en: 'not tested' },
  upliftLabel: { zh: '转化率相对提升', en: 'Relative uplift in conversion' },
  topPaths: { zh: '最常见路径', en: 'Top paths' },
  flowEdges: { zh: '流向', en: 'Flow edges' },
} as const satisfies Record<string, Record<Lang, string>>;

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, lang: Lang): string {
  return LABELS[key][lang];
}
