import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { markdownGlitches } from './markdownGlitches.ts';

const glitchesIn = (html: string) =>
  markdownGlitches(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document).map(
    ({ kind, match }) => `${kind}: ${match}`,
  );

describe('markdownGlitches', () => {
  it('finds the emphasis CommonMark left as text next to CJK punctuation', () => {
    // What the funnels chapter rendered: the opening ** is not left-flanking before "[".
    expect(glitchesIn('<p>以及步骤之间的**<a href="#t">转化用时</a>**（中位数和平均数）</p>')).toEqual([
      'strong: **',
      'strong: **',
    ]);
    expect(glitchesIn('<p>和__提升幅度__。</p>')).toEqual(['strong: __提升幅度__']);
    expect(glitchesIn('<li>步骤是*按顺序*排列的</li>')).toEqual(['emphasis: *按顺序*']);
  });

  it('finds unrendered links and stray backticks', () => {
    expect(glitchesIn('<p>见 [术语表](../glossary/#lift)。</p>')).toEqual(['link: [术语表](../glossary/#lift)']);
    expect(glitchesIn('<p>run `journey check</p>')).toEqual(['backtick: `']);
  });

  it('leaves code, preformatted text, SVG and rendered Markdown alone', () => {
    const html = [
      '<p>Use <code>**bold**</code> and <code>`x`</code>.</p>',
      '<pre><code>[a](b) __init__ *x*</code></pre>',
      '<svg><text>**</text></svg>',
      '<p><strong>转化用时</strong>（<em>k</em>）: 5 * 3 = 15, a_b, [1], (see) a*b, window.__xss = 1</p>',
    ].join('');
    expect(glitchesIn(html)).toEqual([]);
  });
});
