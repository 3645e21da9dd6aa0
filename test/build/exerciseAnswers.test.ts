/**
 * Every chapter exercise that asks for a number has a worked answer after it,
 * in a closed <details>, with figures in it, in both languages.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';

const siteDir = join(inject('siteRoot'), inject('siteBase'));

/** The chapters whose exercise asks for a number. */
const NUMERIC_EXERCISES = [
  'analyse',
  'funnels',
  'paths',
  'measuring-change',
  'retail-checkout',
  'ecommerce-payment',
  'hotel-checkout',
];

describe('exercise answers in the built course', () => {
  for (const lang of ['zh', 'en']) {
    for (const id of NUMERIC_EXERCISES) {
      it(`${lang} ${id}: a closed worked answer with figures follows the exercise`, async () => {
        const page = join(siteDir, lang === 'en' ? 'en' : '', 'playbook', id, 'index.html');
        const { document } = parseHTML(await readFile(page, 'utf8'));
        const headings = [...document.querySelectorAll('article h2')];
        const exercise = headings.find((h) => /^(Exercise|练习)$/.test(h.textContent.trim()));
        expect(exercise, 'exercise heading').toBeDefined();
        const answers = document.querySelectorAll('details.exercise-answer');
        expect(answers.length).toBe(1);
        const answer = answers.item(0);
        // After the heading in document order (DOCUMENT_POSITION_FOLLOWING = 4).
        expect(exercise!.compareDocumentPosition(answer) & 4).toBe(4);
        expect(answer.hasAttribute('open')).toBe(false);
        expect(answer.querySelector('summary')?.textContent).toBe(lang === 'zh' ? '参考答案' : 'Worked answer');
        expect(answer.textContent).toMatch(/\d/);
        expect(answer.textContent).not.toMatch(/undefined|NaN|–%/);
      });
    }
  }
});
