import { describe, expect, it } from 'vitest';
import { eventTable } from '../../src/analytics/events.ts';
import type { OpenedReport } from '../../src/report/openReport.ts';
import { reportAnalyses } from '../../src/report/reportAnalyses.ts';
import { parseReportConfig, type ReportConfigInput } from '../../src/report/reportConfig.ts';

// 10 customers visit; 8 apply (from previous 80%); 4 verify (50%, the weakest); 3 open (75%).
function report(extra: Partial<ReportConfigInput> = {}): OpenedReport {
  const customer_id: string[] = [];
  const timestamp: number[] = [];
  const event: string[] = [];
  const segment: string[] = [];
  const reached = [4, 4, 4, 3, 2, 2, 2, 2, 1, 1]; // furthest step per customer
  reached.forEach((furthest, c) => {
    ['visit', 'apply', 'verify', 'open'].slice(0, furthest).forEach((name, s) => {
      customer_id.push(`c${c}`);
      timestamp.push(Date.UTC(2026, 0, 1 + c, 9, s));
      event.push(name);
      segment.push(c < 7 ? 'a' : 'b');
    });
  });
  const config = parseReportConfig(
    {
      client: 'X',
      lang: 'en',
      sources: [{ path: 'e.csv' }],
      funnel: { steps: ['visit', 'apply', 'verify', 'open'] },
      ...extra,
    },
    'report.json',
  );
  return {
    slug: 'x',
    config,
    table: eventTable({ customer_id, timestamp, event, segment }),
    survey: null,
    surveyComments: 0,
    sourcePaths: [],
    cleaning: [],
  };
}

describe('reportAnalyses', () => {
  it('computes the funnel and finds the weakest step', () => {
    const analyses = reportAnalyses(report());
    expect(analyses.funnel.steps.map((s) => s.customers)).toEqual([10, 8, 4, 3]);
    expect(analyses.weakestStep).toBe(3);
    expect(analyses.whatIfStep).toBe(3);
    expect(analyses.customers).toBe(10);
    // +20% on 50% -> 60% of 8 = 4.8 verify, then 75% -> 3.6 open: 0.6 more.
    expect(analyses.whatIf.additional_customers).toBeCloseTo(0.6, 10);
    expect(analyses.satisfaction).toBeNull();
    expect(analyses.value).toBeNull();
  });

  it('breaks down by segment (first touch) and takes what-if settings from report.json', () => {
    const analyses = reportAnalyses(report({ what_if: { step: 2, uplift: 0.1 } }));
    expect(analyses.breakdownBy).toBe('segment');
    expect(analyses.breakdown!.breakdown.map((b) => [b.value, b.steps.map((s) => s.customers)])).toEqual([
      ['a', [7, 7, 4, 3]],
      ['b', [3, 1, 0, 0]],
    ]);
    expect(analyses.whatIfStep).toBe(2);
    expect(analyses.whatIf.uplift).toBe(0.1);
  });

  it('names report.json when the what-if step is beyond the funnel', () => {
    expect(() => reportAnalyses(report({ what_if: { step: 9 } }))).toThrow(
      'report x: what_if.step is 9 but the funnel has 4 steps (data/reports/x/report.json)',
    );
  });
});

describe('reportAnalyses: paths not cut into sessions', () => {
  it('keeps a journey of 200 days in one path when session_gap is null', () => {
    const config = parseReportConfig(
      {
        client: 'X',
        lang: 'en',
        sources: [{ path: 'e.csv' }],
        funnel: { steps: ['visit', 'apply'] },
        paths: { session_gap: null, depth: 5 },
      },
      'report.json',
    );
    const day = 86_400_000;
    const t0 = Date.UTC(2026, 0, 1);
    const table = eventTable({
      customer_id: ['c1', 'c1', 'c1', 'c2', 'c2'],
      timestamp: [t0, t0 + 100 * day, t0 + 200 * day, t0, t0 + 3 * day],
      event: ['visit', 'apply', 'open', 'visit', 'apply'],
    });
    const opened: OpenedReport = {
      slug: 'x',
      config,
      table,
      survey: null,
      surveyComments: 0,
      sourcePaths: [],
      cleaning: [],
    };
    const analyses = reportAnalyses(opened);
    expect(analyses.pathsSpec).toEqual({ sessionGap: null, depth: 5 });
    // One session each: a gap of 100 days does not cut c1's path (ties: the shorter path first).
    expect(analyses.paths.paths.map((p) => [p.path, p.sessions])).toEqual([
      [['visit', 'apply'], 1],
      [['visit', 'apply', 'open'], 1],
    ]);
  });
});
