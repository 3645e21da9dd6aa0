/** The path flow when nothing may be drawn: a 1-row log, or every edge under k (found by the hostile-input corpus). */
import { describe, expect, it } from 'vitest';
import type { PathsResult } from '../../src/analytics/analyses/paths.ts';
import { flowLayout, pathFlowChart, pathFlowFinding } from '../../src/charts/pathFlow.ts';
import { renderSvg } from '../../src/charts/render.ts';

const oneCustomer: PathsResult = {
  edges: [{ position: 1, source: 'visit', target: 'signup', sessions: 1, customers: 1 }],
  paths: [{ path: ['visit', 'signup'], sessions: 1, customers: 1 }],
};
const noEdges = { edges: [], paths: [{ path: ['visit'], sessions: 1, customers: 1 }] } as unknown as PathsResult;

describe('path flow with nothing to draw', () => {
  it('lays out no node and no link when every edge is under k, and counts the hidden edges', () => {
    expect(flowLayout(oneCustomer, { lang: 'en', k: 5 }, 400, 300)).toEqual({ nodes: [], links: [], hidden: 1 });
    expect(flowLayout(noEdges, { lang: 'en', k: 5 }, 400, 300)).toEqual({ nodes: [], links: [], hidden: 0 });
  });

  it('renders an SVG without bands and says no path can be published', () => {
    for (const result of [oneCustomer, noEdges]) {
      const svg = renderSvg(pathFlowChart(result, { lang: 'en', k: 5 }));
      expect(svg).toMatch(/^<svg/);
      expect(svg).not.toContain('<path');
      expect(svg).not.toContain('<rect');
      expect(pathFlowFinding(result, { lang: 'en', k: 5 })).toBe('No path can be published');
    }
  });

  it('still draws the one edge when k allows it', () => {
    const svg = renderSvg(pathFlowChart(oneCustomer, { lang: 'en', k: 1 }));
    expect(svg).toContain('<rect');
    expect(svg).toContain('signup');
  });
});
