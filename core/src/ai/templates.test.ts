import { describe, expect, it } from 'vitest';
import { buildVideoPrompt, CATEGORY_TEMPLATES, countWords, type PromptDetail } from './templates.ts';
import { DREAM_CATEGORIES } from './types.ts';

const MANY_DETAILS: PromptDetail[] = [
  { phrase: 'huge glowing ancient cathedral', noun: 'cathedral', kind: 'place' },
  { phrase: 'black twisted crows', noun: 'crows', kind: 'being' },
  { phrase: 'burning red candles', noun: 'candles', kind: 'light' },
  { phrase: 'old broken clocks', noun: 'clocks', kind: 'object' },
  { phrase: 'deep frozen water', noun: 'water', kind: 'element' },
  { phrase: 'tiny glass mirror', noun: 'mirror', kind: 'object' },
  { phrase: 'long narrow staircase', noun: 'staircase', kind: 'object' },
  { phrase: 'hands', noun: 'hands', kind: 'body' },
];

describe('buildVideoPrompt', () => {
  for (const category of DREAM_CATEGORIES) {
    it(`keeps a ${category} prompt within 100–150 words, template first, emotional beat last`, () => {
      // The template's opening camera move ("POV continuous glide through", "POV rapid movement through", ...).
      const opening = CATEGORY_TEMPLATES[category].split(' [')[0]!.split(' ').slice(0, 3).join(' ');
      for (let seed = 0; seed < 6; seed++) {
        for (const details of [[], MANY_DETAILS.slice(0, 2), MANY_DETAILS]) {
          const prompt = buildVideoPrompt({ category, details, emotions: ['fear'], seed });
          expect(countWords(prompt)).toBeGreaterThanOrEqual(100);
          expect(countWords(prompt)).toBeLessThanOrEqual(150);
          expect(prompt.startsWith(opening)).toBe(true);
          expect(prompt).toMatch(/The shot ends on a held breath of rising fear\.$/);
          expect(prompt).toMatch(/light/i);
        }
      }
    });
  }

  it('uses 2–3 of the dream details beyond the template', () => {
    const prompt = buildVideoPrompt({
      category: 'gothic',
      details: MANY_DETAILS,
      emotions: ['dread'],
      seed: 1,
    });
    const used = MANY_DETAILS.filter((d) => prompt.includes(d.phrase));
    expect(used.length).toBeGreaterThanOrEqual(4);
  });
});
