/**
 * Each of the 20 topics of the source documents (shared/seeds/README.md,
 * "Topics the playbook must cover") is covered by at least one chapter in
 * each language.
 */
import { describe, expect, it } from 'vitest';
import { chapterFiles } from './chapters.ts';

const TOPICS: Record<string, string[]> = {
  '1. What a customer journey is, and why journeys beat touchpoints': ['introduction'],
  '2. The five stages, and the seven-stage lifecycle variant': ['awareness', 'consideration', 'purchase', 'usage', 'loyalty', 'lifecycle-stages'],
  '3. The six-step optimisation process': ['collect-data', 'analyse', 'map-the-journey', 'find-opportunities', 'implement', 'monitor-and-iterate'],
  '4. Journey maps': ['journey-maps', 'map-the-journey'],
  '5. Behavioural data: funnels, conversion, drop-off, time to convert, paths': ['funnels', 'paths'],
  '6. Surveys and interviews: CSAT / NPS per touchpoint and per journey': ['surveys-csat-nps'],
  '7. Quantifying what each segment cares about': ['segments'],
  '8. Behavioural-psychology principles for interaction design': ['behavioural-design'],
  '9. Finding and prioritising opportunities': ['find-opportunities', 'prioritising-opportunities'],
  '10. Measuring the effect of a change': ['measuring-change'],
  '11. Retention, repurchase cycle, customer lifetime value': ['retention-clv'],
  '12. Cross-channel and O2O consistency': ['cross-channel'],
  '13. Digital foundations: data integration, CDP, event-driven triggers, simulation': ['digital-foundations'],
  '14. Data governance and privacy': ['data-governance'],
  '15. Proactive service': ['proactive-service'],
  '16. Implementation: kick-off, pilot, roadmap, risks, resources, continuous improvement': ['implementation', 'implement', 'monitor-and-iterate'],
  '17. Tool families and what each is for': ['tool-families'],
  '18. Writing a journey analysis report': ['writing-the-report'],
  '19. Cases': ['retail-checkout', 'bank-account-opening', 'hotel-checkout', 'ecommerce-payment', 'coffee-repurchase'],
  '20. Challenges and trends': ['challenges-trends'],
};

const chapters = chapterFiles();

describe('coverage of the source topics', () => {
  it('lists all 20 topics', () => {
    expect(Object.keys(TOPICS)).toHaveLength(20);
  });

  for (const lang of ['zh', 'en'] as const) {
    const ids = new Set(chapters.filter((c) => c.lang === lang).map((c) => c.id));
    it.each(Object.entries(TOPICS))(`${lang}: %s`, (_topic, chapterIds) => {
      const missing = chapterIds.filter((id) => !ids.has(id));
      expect(missing, `chapters missing in ${lang}`).toEqual([]);
    });
  }

  it('has every case of topic 19 as a case chapter, in both languages', () => {
    for (const id of TOPICS['19. Cases']!) {
      const kinds = chapters.filter((c) => c.id === id).map((c) => `${c.lang}:${c.kind}`).sort();
      expect(kinds).toEqual(['en:case', 'zh:case']);
    }
  });
});
