/** Interface strings in both languages. Content lives in content/, not here. */
import type { Lang } from './locales.ts';

const strings = {
  siteTitle: { zh: 'Journey Kit 客户旅程工具箱', en: 'Journey Kit' },
  madeWith: { zh: '使用 Journey Kit 制作', en: 'Made with Journey Kit' },
  siteTagline: {
    zh: '用真实数据做客户旅程优化：报告、课程与图表',
    en: 'Customer-journey optimisation on real data: reports, a course and charts',
  },
  skipToContent: { zh: '跳到正文', en: 'Skip to content' },
  playbook: { zh: '课程', en: 'Playbook' },
  reports: { zh: '报告', en: 'Reports' },
  home: { zh: '首页', en: 'Home' },
  onThisPage: { zh: '本页目录', en: 'On this page' },
  chapters: { zh: '章节', en: 'Chapters' },
  previous: { zh: '上一章', en: 'Previous' },
  next: { zh: '下一章', en: 'Next' },
  workedAnswer: { zh: '参考答案', en: 'Worked answer' },
  language: { zh: '语言', en: 'Language' },
  themeToggle: { zh: '切换深色模式', en: 'Toggle dark mode' },
  missingTitle: { zh: '本章暂无中文版', en: 'This chapter is not yet in English' },
  missingBody: {
    zh: '这一章目前只有英文版。你可以先阅读英文版：',
    en: 'This chapter exists only in Chinese so far. You can read it in Chinese:',
  },
  reportDate: { zh: '报告日期', en: 'Report date' },
  reportFor: { zh: '客户', en: 'Client' },
  reportsIntro: {
    zh: '由事件日志和问卷数据在构建时生成的客户报告。',
    en: 'Client reports computed at build time from event logs and survey data.',
  },
  noReports: { zh: '暂无报告。', en: 'No reports yet.' },
  notFoundTitle: { zh: '页面不存在', en: 'Page not found' },
  notFoundBody: {
    zh: '你要找的页面不存在或已移动。',
    en: 'The page you are looking for does not exist or has moved.',
  },
  backHome: { zh: '回到首页', en: 'Back to the home page' },
  lastUpdated: { zh: '最后更新', en: 'Last updated' },
} satisfies Record<string, Record<Lang, string>>;

export type UIKey = keyof typeof strings;

/** The interface string `key` in `lang`. */
export function t(lang: Lang, key: UIKey): string {
  return strings[key][lang];
}

/** Names of chapter kinds, used as sidebar group headings, in course order. */
export const KIND_LABEL: Record<string, Record<Lang, string>> = {
  intro: { zh: '导论', en: 'Introduction' },
  stage: { zh: '旅程阶段', en: 'Journey stages' },
  step: { zh: '优化六步', en: 'The six-step process' },
  topic: { zh: '专题', en: 'Topics' },
  guide: { zh: '报告写作', en: 'Writing the report' },
  case: { zh: '案例', en: 'Cases' },
};
