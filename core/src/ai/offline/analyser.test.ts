import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countWords } from '../templates.ts';
import { type DreamCategory, dreamAnalysisSchema } from '../types.ts';
import { analyzeDreamOffline } from './analyser.ts';

interface LabeledDream {
  lang: 'ru' | 'en';
  category: DreamCategory;
  text: string;
}

// A copy of /work/shared/fixtures/dreams-labeled.jsonl, kept next to the test so the repo is self-contained.
const fixture: LabeledDream[] = fs
  .readFileSync(
    path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/dreams-labeled.jsonl'),
    'utf8',
  )
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));

/** Capitalised words that do not start a sentence, other than POV: where a name would show up. */
function midSentenceCapitals(prompt: string): string[] {
  return prompt
    .split(/(?<=[.!?])\s+/)
    .flatMap((sentence) => sentence.split(/\s+/).slice(1))
    .map((w) => w.replace(/[^\p{L}]/gu, ''))
    .filter((w) => /^\p{Lu}/u.test(w) && w !== 'POV');
}

describe('analyzeDreamOffline on the labelled dreams', () => {
  const results = fixture.map((d) => ({ dream: d, analysis: analyzeDreamOffline(d.text, d.lang) }));

  it('puts at least 80% of the dreams in their labelled category', () => {
    const wrong = results.filter((r) => r.analysis.category !== r.dream.category);
    const accuracy = 1 - wrong.length / results.length;
    expect(
      accuracy,
      `misclassified: ${wrong.map((r) => `${r.dream.category}→${r.analysis.category}: ${r.dream.text}`).join('\n')}`,
    ).toBeGreaterThanOrEqual(0.8);
  });

  it('gets every category right most of the time, in both languages', () => {
    for (const lang of ['ru', 'en'] as const) {
      const subset = results.filter((r) => r.dream.lang === lang);
      const right = subset.filter((r) => r.analysis.category === r.dream.category).length;
      expect(right / subset.length).toBeGreaterThanOrEqual(0.8);
    }
  });

  it.each(results.map((r) => [r.dream.text.slice(0, 50), r] as const))(
    'gives a complete, valid analysis: %s',
    (_, r) => {
      const { analysis, dream } = r;
      expect(dreamAnalysisSchema.safeParse(analysis).success).toBe(true);
      expect(analysis.title.length).toBeGreaterThan(0);
      expect(analysis.emotions.length).toBeGreaterThan(0);
      expect(analysis.themes.length).toBeGreaterThan(0);
      expect(analysis.symbols.length).toBeGreaterThan(0);
      expect(analysis.tags.length).toBeGreaterThan(0);
      expect(analysis.narrative.length).toBeGreaterThan(20);
      // Labels are in the dream's language; prompts are always English.
      if (dream.lang === 'ru') expect(analysis.narrative).toMatch(/[а-яё]/i);
      else expect(analysis.narrative).not.toMatch(/[а-яё]/i);
      for (const prompt of [analysis.video_prompt, analysis.visual_prompt]) {
        expect(prompt).not.toMatch(/[а-яё]/i);
      }
    },
  );

  it.each(results.map((r) => [r.dream.text.slice(0, 50), r] as const))(
    'writes a 100–150 word POV video prompt with no names: %s',
    (_, r) => {
      const prompt = r.analysis.video_prompt;
      expect(prompt.startsWith('POV ')).toBe(true);
      expect(countWords(prompt)).toBeGreaterThanOrEqual(100);
      expect(countWords(prompt)).toBeLessThanOrEqual(150);
      expect(midSentenceCapitals(prompt)).toEqual([]);
      expect(prompt).toMatch(/the dreamer/);
    },
  );

  it("fills the template with the dream's own details", () => {
    const graveyard = analyzeDreamOffline(
      'Мне снилось старое кладбище в тумане, из могил тянулись чёрные корни, над склепом висела огромная красная луна, было жутко.',
      'ru',
    );
    expect(graveyard.video_prompt).toMatch(/^POV continuous glide through/);
    expect(graveyard.video_prompt).toContain('graveyard');
    expect(graveyard.video_prompt).toContain('red moon');
    expect(graveyard.symbols).toEqual(expect.arrayContaining(['кладбище', 'луна', 'склеп']));

    const mall = analyzeDreamOffline(
      'An empty office at night with buzzing fluorescent lights and nobody there.',
      'en',
    );
    expect(mall.category).toBe('liminal');
    expect(mall.video_prompt).toMatch(/^POV slow track through the empty office/);
  });
});

describe('analyzeDreamOffline on Russian morphology', () => {
  it.each([
    'Я летал над домами.',
    'Она летела высоко-высоко.',
    'Я полетел прямо к луне.',
    'Я парила между деревьями.',
    'Мы взлетели над рекой.',
    'Я воспарил над толпой.',
  ])('hears flight in "%s"', (text) => {
    expect(analyzeDreamOffline(text, 'ru').category).toBe('flight');
  });

  it.each([
    ['За мной гнались собаки, и я убежала в подъезд.', 'chase'],
    ['Меня догоняли какие-то люди, я спряталась за машиной.', 'chase'],
    ['Моя рука превратилась в ветку, а потом я стала птицей.', 'transformation'],
    ['Я шёл по потолку, а вода текла вверх.', 'physics'],
    ['Пустой вокзал, никого нет, гудят лампы дневного света.', 'liminal'],
    ['Заброшенная церковь, в подвале что-то стонало, жуткий кошмар.', 'gothic'],
  ] as const)('reads "%s" as %s', (text, category) => {
    expect(analyzeDreamOffline(text, 'ru').category).toBe(category);
  });

  it('reads "not afraid" as calm, not fear', () => {
    const ru = analyzeDreamOffline('Я летал над городом и совсем не боялся.', 'ru');
    expect(ru.emotions).toContain('спокойствие');
    expect(ru.emotions).not.toContain('страх');
    const en = analyzeDreamOffline("I was flying over the sea and I wasn't afraid at all.", 'en');
    expect(en.emotions).toContain('calm');
    expect(en.emotions).not.toContain('fear');
  });
});

describe('analyzeDreamOffline in general', () => {
  it('keeps names out of the prompts', () => {
    const en = analyzeDreamOffline(
      'I was flying with Anna over Paris while Mr Smith waved at us from the Eiffel Tower.',
      'en',
    );
    const ru = analyzeDreamOffline('Я летала с Машей над Москвой, а Пётр Иванович махал нам с крыши.', 'ru');
    for (const a of [en, ru]) {
      for (const prompt of [a.video_prompt, a.visual_prompt]) {
        expect(prompt).not.toMatch(/anna|paris|smith|eiffel|маш|москв|пётр|петр/i);
        expect(midSentenceCapitals(prompt)).toEqual([]);
      }
    }
    expect(en.category).toBe('flight');
    expect(ru.category).toBe('flight');
  });

  it('calls a dream with no recognisable imagery "other" and still analyses it fully', () => {
    const a = analyzeDreamOffline('Ничего особенного, просто какие-то разговоры.', 'ru');
    expect(a.category).toBe('other');
    expect(dreamAnalysisSchema.safeParse(a).success).toBe(true);
    expect(countWords(a.video_prompt)).toBeGreaterThanOrEqual(100);
    expect(countWords(a.video_prompt)).toBeLessThanOrEqual(150);
  });

  it('copes with the longest dream allowed', () => {
    const long = `${fixture.map((d) => d.text).join(' ')} `.repeat(3).slice(0, 2000);
    const a = analyzeDreamOffline(long, 'ru');
    expect(dreamAnalysisSchema.safeParse(a).success).toBe(true);
    expect(countWords(a.video_prompt)).toBeLessThanOrEqual(150);
    expect(a.title.length).toBeLessThanOrEqual(120);
  });

  it('is deterministic', () => {
    const text = fixture[0]!.text;
    expect(analyzeDreamOffline(text, 'ru')).toEqual(analyzeDreamOffline(text, 'ru'));
  });

  it('answers in the requested language', () => {
    const text = 'Я летал над ночным городом.';
    expect(analyzeDreamOffline(text, 'en').title).toMatch(/^Flight/);
    expect(analyzeDreamOffline(text, 'ru').title).toMatch(/^Полёт/);
  });
});
