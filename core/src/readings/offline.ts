import {
  EMOTION_LABELS,
  KIND_LENS_NOTES,
  type Labels,
  type LensId,
  SYMBOL_LENS_NOTES,
  SYMBOLS_BY_LABEL,
} from '../ai/offline/lexicon.ts';
import type { ReadingInput } from '../ai/types.ts';

/** How many of the dream's symbols a reading discusses, so it stays within 3-5 sentences. */
const MAX_SYMBOLS = 3;

const LENS_NAMES: Record<LensId, Labels> = {
  jung: { ru: 'юнгианский', en: 'Jungian' },
  cognitive: { ru: 'когнитивный', en: 'cognitive' },
  folk: { ru: 'народный', en: 'folk' },
};

const OPENINGS: Record<LensId, Labels> = {
  jung: {
    ru: 'Юнгианский взгляд видит в образах сна архетипы и голос бессознательного',
    en: 'The Jungian lens sees archetypes and the voice of the unconscious in the dream’s images',
  },
  cognitive: {
    ru: 'Когнитивный взгляд видит в сне переработку дня: впечатления и чувства, которые мозг раскладывает по местам',
    en: 'The cognitive lens sees the dream as the mind sorting the day: impressions and feelings put in their place',
  },
  folk: {
    ru: 'Это народные поверья и сонники, а не наука — читайте их как фольклор',
    en: 'This is folk belief from dream books, not science — read it as folklore',
  },
};

const EMOTION_SENTENCES: Record<LensId, Labels> = {
  jung: {
    ru: 'Чувства сна ({emotions}) показывают, где задет внутренний комплекс: к ним стоит прислушаться.',
    en: 'The dream’s feelings ({emotions}) show where an inner complex is touched: they are worth listening to.',
  },
  cognitive: {
    ru: 'Чувства сна ({emotions}) — главное, что он перерабатывает: спросите себя, где днём было похожее.',
    en: 'The feelings ({emotions}) are what the dream is processing: ask yourself where the day felt like this.',
  },
  folk: {
    ru: 'По поверью, с каким чувством ({emotions}) проснулся, так и сон сбудется.',
    en: 'Folk belief says a dream comes true the way it felt on waking ({emotions}).',
  },
};

const RU_ORDINALS = [
  '',
  'первый',
  'второй',
  'третий',
  'четвёртый',
  'пятый',
  'шестой',
  'седьмой',
  'восьмой',
  'девятый',
  'десятый',
];
const EN_ORDINALS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

function ordinal(n: number, language: 'ru' | 'en'): string {
  if (language === 'ru') return RU_ORDINALS[n] ?? `${n}-й`;
  return EN_ORDINALS[n] ?? `${n}th`;
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** An emotion label in the reading's language, whichever language the analysis named it in. */
function emotionLabel(emotion: string, language: 'ru' | 'en'): string {
  const key = emotion.toLocaleLowerCase();
  for (const labels of Object.values(EMOTION_LABELS)) {
    if (labels.ru === key || labels.en === key) return labels[language];
  }
  return key;
}

/** What the lens sees in one symbol, from the lexicon's notes; generic by kind when it has none. */
function symbolNote(symbol: string, lens: LensId, language: 'ru' | 'en'): { label: string; note: string } {
  const entry = SYMBOLS_BY_LABEL.get(symbol.toLocaleLowerCase());
  if (!entry) return { label: symbol, note: KIND_LENS_NOTES.object[lens][language] };
  const notes = SYMBOL_LENS_NOTES[entry.en] ?? KIND_LENS_NOTES[entry.kind];
  return { label: entry[language], note: notes[lens][language] };
}

/**
 * A 3-5 sentence reading through one lens, from the lexicon's symbol notes: names the dream's symbols
 * and emotions, notes a symbol that recurs this month, and leans on the lenses the dreamer marked.
 */
export function readDreamOffline(input: ReadingInput): string {
  const { lens, language } = input;
  const symbols = input.symbols.slice(0, MAX_SYMBOLS).map((s) => symbolNote(s, lens, language));
  const emotions = [...new Set(input.emotions.map((e) => emotionLabel(e, language)))].slice(0, 3);
  const sentences: string[] = [];

  const named = symbols.map((s) => s.label).join(', ');
  if (lens === 'folk') sentences.push(`${OPENINGS.folk[language]}.`);
  else if (named) {
    sentences.push(
      language === 'ru'
        ? `${OPENINGS[lens].ru}; в этом сне это ${named}.`
        : `${OPENINGS[lens].en}; in this dream they are the ${named}.`,
    );
  } else sentences.push(`${OPENINGS[lens][language]}.`);

  if (symbols.length) {
    // One sentence for all the symbols keeps the reading within five.
    const article = language === 'en' ? 'the ' : '';
    sentences.push(`${capitalise(symbols.map((s) => `${article}${s.label} — ${s.note}`).join('; '))}.`);
  } else {
    sentences.push(
      language === 'ru'
        ? 'Явных символов я не нашла, поэтому смотрю на сюжет и чувства.'
        : 'I found no clear symbols, so I look at the plot and the feelings.',
    );
  }

  if (emotions.length)
    sentences.push(EMOTION_SENTENCES[lens][language].replace('{emotions}', emotions.join(', ')));

  const recurring = input.recurring.filter((r) => r.count >= 2).sort((a, b) => b.count - a.count)[0];
  if (recurring) {
    const label = symbolNote(recurring.symbol, lens, language).label;
    sentences.push(
      language === 'ru'
        ? `${capitalise(label)} снова — уже ${ordinal(recurring.count, 'ru')} раз за месяц: повторяющийся образ стоит записать и понаблюдать.`
        : `The ${label} again — the ${ordinal(recurring.count, 'en')} time this month: a recurring image is worth watching.`,
    );
  }

  if (input.favouredLenses.includes(lens)) {
    sentences.push(
      language === 'ru'
        ? 'Вы отмечали, что этот взгляд вам подходит, поэтому я опираюсь на него смелее.'
        : 'You marked this lens as fitting before, so I lean on it with more confidence.',
    );
  } else if (input.favouredLenses.length) {
    const other = input.favouredLenses[0] as LensId;
    sentences.push(
      language === 'ru'
        ? `Раньше вам подходил ${LENS_NAMES[other].ru} взгляд — сравните с ним.`
        : `The ${LENS_NAMES[other].en} lens fitted you before — compare the two.`,
    );
  } else if (input.rejectedLenses.includes(lens)) {
    sentences.push(
      language === 'ru'
        ? 'Прошлые прочтения этого взгляда вам не подошли — примите это лишь как один из вариантов.'
        : 'Earlier readings through this lens did not fit you — take this one as just one option.',
    );
  }
  return sentences.join(' ');
}
