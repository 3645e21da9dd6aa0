import { describe, expect, it } from 'vitest';
import { parseJourneyDefinition } from '../../src/charts/journeyDefinition.ts';
import { journeyMapModel } from '../../src/charts/journeyMap.ts';
import { renderMarkdown } from '../../src/charts/markdown.ts';

describe('journey definition', () => {
  it('infers the emotion scale: -2..2, else 1-5, else 0-10', () => {
    const stages = (scores: number[]) => scores.map((emotion, i) => ({ id: `s${i}`, name: `S${i}`, emotion }));
    expect(parseJourneyDefinition({ stages: stages([1, 0, -1]) }, 'j.yaml').emotion_scale).toBe(2);
    expect(parseJourneyDefinition({ stages: stages([4, 3, 5]) }, 'j.yaml').emotion_scale).toBe(5);
    expect(parseJourneyDefinition({ stages: stages([8, 3]) }, 'j.yaml').emotion_scale).toBe(10);
  });

  it('names the file and the field of a bad definition', () => {
    expect(() =>
      parseJourneyDefinition(
        {
          stages: [
            { id: 'a', name: 'A' },
            { id: 'a', name: 'B' },
          ],
        },
        'data/j.yaml',
      ),
    ).toThrow('data/j.yaml: invalid journey definition — stages.1.id: duplicate stage id "a"');
    expect(() =>
      parseJourneyDefinition({ emotion_scale: 5, stages: [{ id: 'a', name: 'A', emotion: 9 }] }, 'j.yaml'),
    ).toThrow('stages.0.emotion: emotion 9 is outside the scale 1-5');
  });
});

describe('journey map cells', () => {
  it('renders Markdown with raw HTML escaped, never run', () => {
    expect(renderMarkdown('**Slow** <script>alert(1)</script> <img src=x onerror=alert(1)>')).toBe(
      '<p><strong>Slow</strong> &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>\n',
    );
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('href="javascript:');
  });

  it('puts lanes in order, customers from the data, emotion from data before declared scores', () => {
    const journey = parseJourneyDefinition(
      {
        stages: [
          { id: 'a', name: 'A', emotion: 2, actions: ['x <b>y</b>'], pain_points: 'slow' },
          { id: 'b', name: 'B', emotion: -2 },
        ],
      },
      'j.yaml',
    );
    const model = journeyMapModel(
      journey,
      {
        scale: 5,
        stages: [
          { id: 'a', customers: 40, scored_customers: 3, scores: 3, mean_satisfaction: 4 },
          { id: 'b', customers: 3, scored_customers: 0, scores: 0, mean_satisfaction: null },
        ],
      },
      { lang: 'en', k: 5 },
    );
    expect(model.lanesAbove.map((lane) => lane.key)).toEqual(['actions', 'customers']);
    expect(model.lanesBelow.map((lane) => lane.key)).toEqual(['pain_points']);
    expect(model.lanesAbove[0]!.cells[0]).toBe('<ul><li>x &lt;b&gt;y&lt;/b&gt;</li></ul>');
    expect(model.lanesAbove[1]!.cells).toEqual(['40', '&lt; 5']);
    // Stage a: 3 scorers < k, so its data point is suppressed; b falls back to the declared -2.
    expect(model.emotion.map((point) => [point.source, point.score, point.level])).toEqual([
      ['data', null, null],
      ['declared', -2, -1],
    ]);
  });
});
