/** renderSvg's escaping, with text that looks like markup (found by the hostile-input corpus). */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/charts/render.ts';

const LABELS = ['3. " onmouseover="window.__xss=1" x="', '<script>alert(1)</script>', 'a="b" > c', 'plain'];

describe('renderSvg', () => {
  it('keeps text that looks like attributes or tags as text, and every element closed', () => {
    const svg = renderSvg({
      x: { axis: null },
      y: { axis: null },
      marks: [Plot.text(LABELS, { x: (_, i) => i, y: 0, text: (d: string) => d })],
    });
    expect(svg).not.toContain('&lt;/text&gt;');
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    expect([...document.querySelectorAll('svg text')].map((t) => t.textContent)).toEqual(LABELS);
    expect(document.querySelectorAll('script').length).toBe(0);
  });

  it('escapes < and > inside attribute values, so the SVG is well-formed XML', () => {
    const svg = renderSvg({ marks: [Plot.barX([1], { ariaLabel: () => '<b>"x"</b> > y' })] });
    expect(svg).toContain('aria-label="&lt;b&gt;&quot;x&quot;&lt;/b&gt; &gt; y"');
    expect(svg).not.toMatch(/="[^"]*[<>][^"]*"/);
  });
});
