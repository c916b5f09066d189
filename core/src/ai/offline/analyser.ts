import { buildVideoPrompt, buildVisualPrompt, type PromptDetail } from '../templates.ts';
import { type AiLanguage, DREAM_CATEGORIES, type DreamAnalysis, type DreamCategory } from '../types.ts';
import {
  CATEGORY_DEFAULTS,
  EMOTION_LABELS,
  type EmotionId,
  LEXICON,
  type LexiconEntry,
  NEGATORS,
  RU_VERB_PREFIXES,
  type SymbolKind,
  THEME_LABELS,
  type ThemeId,
} from './lexicon.ts';

/** Name reported as `model` for analyses made by this module. */
export const OFFLINE_TEXT_MODEL = 'offline-lexicon-v1';

/** Below this score no category is convincing and the dream is `other`. */
const CATEGORY_THRESHOLD = 2;
/** Repeating a word adds to its category, but only up to this many mentions. */
const MAX_COUNTED_MENTIONS = 2;

interface Token {
  norm: string;
  /** Punctuation stands between this word and the previous one, so they do not form a phrase. */
  punctBefore: boolean;
  /** True when the original word was capitalised in the middle of a sentence: likely a name. */
  capitalised: boolean;
}

interface WordMatcher {
  alts: { text: string; prefix: boolean }[];
}

interface Compiled {
  entry: number;
  words: WordMatcher[];
  verb: boolean;
}

interface Hit {
  entry: number;
  start: number;
  end: number;
}

const WORD_RE = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

export function normalise(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/’/g, "'");
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  let last = 0;
  for (const m of text.matchAll(WORD_RE)) {
    const between = text.slice(last, m.index);
    if (/[.!?…:;"«»—]/.test(between)) sentenceStart = true;
    const raw = m[0];
    tokens.push({
      norm: normalise(raw),
      punctBefore: /[^\s]/.test(between),
      capitalised: !sentenceStart && /^\p{Lu}/u.test(raw),
    });
    sentenceStart = false;
    last = m.index + raw.length;
  }
  return tokens;
}

function compileWord(word: string): WordMatcher {
  return {
    alts: word.split('|').map((alt) => {
      const prefix = alt.endsWith('*');
      const text = normalise(prefix ? alt.slice(0, -1) : alt);
      if (prefix && text.length < 3) throw new Error(`Lexicon stem "${alt}" is too short to match safely`);
      return { text, prefix };
    }),
  };
}

/** The lexicon compiled once into lookup tables, so analysis is a handful of map lookups per word. */
const index = (() => {
  const exact = new Map<string, Compiled[]>();
  const prefixes = new Map<string, { stem: string; c: Compiled }[]>();
  // Phrases are found through their first word, so a word only checks the few phrases it can start.
  const phraseExact = new Map<string, Compiled[]>();
  const phrasePrefixes = new Map<string, { stem: string; c: Compiled }[]>();
  LEXICON.forEach((entry, entryIndex) => {
    for (const pattern of [...(entry.ru ?? []), ...(entry.en ?? [])]) {
      const words = pattern.split(' ').map(compileWord);
      const c: Compiled = { entry: entryIndex, words, verb: entry.verb === true };
      if (words.length > 1) {
        for (const alt of words[0]!.alts) {
          if (alt.prefix) push(phrasePrefixes, alt.text.slice(0, 3), { stem: alt.text, c });
          else push(phraseExact, alt.text, c);
        }
        continue;
      }
      for (const alt of words[0]!.alts) {
        if (alt.prefix) push(prefixes, alt.text.slice(0, 3), { stem: alt.text, c });
        else push(exact, alt.text, c);
      }
    }
  });
  return { exact, prefixes, phraseExact, phrasePrefixes };
})();

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const bucket = map.get(key);
  if (bucket) bucket.push(value);
  else map.set(key, [value]);
}

const wordMatches = (m: WordMatcher, word: string) =>
  m.alts.some((a) => (a.prefix ? word.startsWith(a.text) : word === a.text));

function lookupWord(word: string, verbOnly: boolean, found: (c: Compiled) => void) {
  for (const c of index.exact.get(word) ?? []) if (!verbOnly || c.verb) found(c);
  for (const { stem, c } of index.prefixes.get(word.slice(0, 3)) ?? []) {
    if ((!verbOnly || c.verb) && word.startsWith(stem)) found(c);
  }
}

function findHits(tokens: Token[]): Hit[] {
  const hits: Hit[] = [];
  tokens.forEach((token, i) => {
    const seen = new Set<number>();
    const add = (c: Compiled) => {
      if (seen.has(c.entry)) return;
      seen.add(c.entry);
      hits.push({ entry: c.entry, start: i, end: i + 1 });
    };
    lookupWord(token.norm, false, add);
    if (/^[а-я]/.test(token.norm)) {
      for (const p of RU_VERB_PREFIXES) {
        if (token.norm.length - p.length >= 3 && token.norm.startsWith(p)) {
          lookupWord(token.norm.slice(p.length), true, add);
        }
      }
    }
    const phrases = [
      ...(index.phraseExact.get(token.norm) ?? []),
      ...(index.phrasePrefixes.get(token.norm.slice(0, 3)) ?? [])
        .filter(({ stem }) => token.norm.startsWith(stem))
        .map(({ c }) => c),
    ];
    for (const c of phrases) {
      if (seen.has(c.entry) || i + c.words.length > tokens.length) continue;
      let matches = true;
      for (let k = 1; k < c.words.length && matches; k++) {
        const next = tokens[i + k]!;
        matches = !next.punctBefore && wordMatches(c.words[k]!, next.norm);
      }
      if (matches) {
        seen.add(c.entry);
        hits.push({ entry: c.entry, start: i, end: i + c.words.length });
      }
    }
  });
  return hits;
}

const entryOf = (hit: Hit): LexiconEntry => LEXICON[hit.entry]!;

function isNegated(tokens: Token[], start: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - 2); k--) {
    const w = tokens[k]!.norm;
    if (NEGATORS.has(w) || w.endsWith("n't")) return true;
  }
  return false;
}

/** Category scores for a text; exported so the benchmark and tests can see why a category won. */
export function scoreDreamCategories(text: string): Record<DreamCategory, number> {
  return scoreHits(findHits(tokenize(text)));
}

function scoreHits(hits: Hit[]): Record<DreamCategory, number> {
  const scores = Object.fromEntries(DREAM_CATEGORIES.map((c) => [c, 0])) as Record<DreamCategory, number>;
  const mentions = new Map<number, number>();
  for (const hit of hits) {
    const cat = entryOf(hit).cat;
    if (!cat) continue;
    const n = (mentions.get(hit.entry) ?? 0) + 1;
    mentions.set(hit.entry, n);
    if (n > MAX_COUNTED_MENTIONS) continue;
    for (const [c, w] of Object.entries(cat)) scores[c as DreamCategory] += w;
  }
  return scores;
}

function chooseCategory(scores: Record<DreamCategory, number>): {
  category: DreamCategory;
  top: number;
  second: number;
} {
  const ranked = DREAM_CATEGORIES.filter((c) => c !== 'other')
    .map((c) => ({ c, s: scores[c] }))
    .sort((a, b) => b.s - a.s);
  const top = ranked[0]!;
  const second = ranked[1]!;
  if (top.s < CATEGORY_THRESHOLD) return { category: 'other', top: top.s, second: second.s };
  return { category: top.c, top: top.s, second: second.s };
}

interface FoundSymbol {
  entry: number;
  labels: { ru: string; en: string };
  kind: SymbolKind;
  detail: PromptDetail;
}

function collectSymbols(tokens: Token[], hits: Hit[]): FoundSymbol[] {
  const adjectivesAt = new Map<number, string>();
  for (const hit of hits) {
    const adj = entryOf(hit).adj;
    if (adj && hit.end - hit.start === 1) adjectivesAt.set(hit.start, adj);
  }
  const found = new Map<number, FoundSymbol>();
  const ordered = [...hits].sort((a, b) => a.start - b.start);
  for (const hit of ordered) {
    const symbol = entryOf(hit).symbol;
    if (!symbol || found.has(hit.entry)) continue;
    const adjs: string[] = [];
    for (let k = hit.start - 1; k >= Math.max(0, hit.start - 2); k--) {
      const a = adjectivesAt.get(k);
      if (!a || tokens[k + 1]!.punctBefore) break;
      if (a !== symbol.en && !adjs.includes(a)) adjs.unshift(a);
    }
    const phrase = [...adjs, symbol.en].join(' ');
    found.set(hit.entry, {
      entry: hit.entry,
      labels: { ru: symbol.ru, en: symbol.en },
      kind: symbol.kind,
      detail: { phrase, noun: symbol.en, kind: symbol.kind },
    });
  }
  return [...found.values()];
}

const EN_DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'my',
  'his',
  'her',
  'their',
  'our',
  'your',
  'its',
  'every',
  'this',
  'that',
]);
const EN_STOP = new Set(
  (
    'i me my we us you he she it they them was were is are be been being am had has have do did does ' +
    'and or but so then than that this these those there here of in on at to from by with for into onto ' +
    'over under up down out off about as like just very really same other another one two some any all ' +
    'no not only also again still even while when where who what which how why because if kept started ' +
    'went came got made felt seemed could would should might can will way time thing things something ' +
    'someone nothing everything next last first back around through across behind'
  ).split(' '),
);

/**
 * Nouns the lexicon does not know, from English text: a word or two after a determiner
 * ("the escalators", "a black coat"). Capitalised words mid-sentence are skipped as probable names.
 */
function extraEnglishDetails(tokens: Token[], known: Set<string>): PromptDetail[] {
  const out: PromptDetail[] = [];
  for (let i = 0; i < tokens.length - 1 && out.length < 4; i++) {
    if (!EN_DETERMINERS.has(tokens[i]!.norm)) continue;
    const words: string[] = [];
    for (let k = i + 1; k < Math.min(tokens.length, i + 3); k++) {
      const t = tokens[k]!;
      if (
        t.punctBefore ||
        t.capitalised ||
        EN_STOP.has(t.norm) ||
        !/^[a-z][a-z-]*$/.test(t.norm) ||
        t.norm.endsWith('ly')
      )
        break;
      words.push(t.norm.replace(/'s$/, ''));
    }
    if (words.length === 0) continue;
    const phrase = words.join(' ');
    const noun = words[words.length - 1]!;
    if (known.has(noun) || known.has(phrase) || noun.length < 3) continue;
    known.add(phrase);
    out.push({ phrase, noun, kind: 'object' });
  }
  return out;
}

const CATEGORY_TITLES: Record<DreamCategory, { ru: string; en: string }> = {
  gothic: { ru: 'Мрачный сон', en: 'Dark Dream' },
  chase: { ru: 'Погоня', en: 'The Chase' },
  flight: { ru: 'Полёт', en: 'Flight' },
  transformation: { ru: 'Превращение', en: 'Transformation' },
  physics: { ru: 'Сломанная физика', en: 'Broken Physics' },
  liminal: { ru: 'Пустое пространство', en: 'Liminal Space' },
  other: { ru: 'Сон', en: 'A Dream' },
};

const CATEGORY_TAGS: Record<DreamCategory, { ru: string; en: string }> = {
  gothic: { ru: 'готика', en: 'gothic' },
  chase: { ru: 'погоня', en: 'chase' },
  flight: { ru: 'полёт', en: 'flight' },
  transformation: { ru: 'превращение', en: 'transformation' },
  physics: { ru: 'невозможная физика', en: 'impossible physics' },
  liminal: { ru: 'лиминальность', en: 'liminal' },
  other: { ru: 'повседневность', en: 'everyday' },
};

const NARRATIVE_OPENINGS: Record<DreamCategory, { ru: string; en: string }> = {
  gothic: { ru: 'Сон о мрачном, пугающем месте', en: 'A dream of a dark, frightening place' },
  chase: { ru: 'Сон о погоне и бегстве', en: 'A dream of being chased and running away' },
  flight: { ru: 'Сон о полёте', en: 'A dream of flying' },
  transformation: { ru: 'Сон о превращении', en: 'A dream of transformation' },
  physics: { ru: 'Сон о мире, где сломаны законы физики', en: 'A dream of a world where physics breaks' },
  liminal: {
    ru: 'Сон о пустом, странно знакомом месте',
    en: 'A dream of an empty, strangely familiar place',
  },
  other: { ru: 'Сон о повседневном', en: 'A dream about everyday life' },
};

const capitalise = (s: string) => (s ? s[0]!.toLocaleUpperCase() + s.slice(1) : s);
const SMALL_WORDS = new Set(['and', 'of', 'the', 'a', 'an', 'in', 'on']);
const titleCase = (s: string) =>
  s
    .split(' ')
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : capitalise(w)))
    .join(' ');

function joinList(items: string[], language: AiLanguage): string {
  if (items.length <= 1) return items.join('');
  const and = language === 'ru' ? ' и ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Analyses a dream with no network: lexicon matching in Russian and English finds the category,
 * emotions, themes and symbols, and the category template is filled with the dream's own details.
 * Pure and synchronous, so benchmarks can call it directly.
 */
export function analyzeDreamOffline(text: string, language: AiLanguage): DreamAnalysis {
  const tokens = tokenize(text);
  const hits = findHits(tokens);
  const scores = scoreHits(hits);
  const { category, top, second } = chooseCategory(scores);
  const defaults = CATEGORY_DEFAULTS[category];

  const emotionIds: EmotionId[] = [];
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    const emotion = entryOf(hit).emotion;
    if (!emotion) continue;
    if (isNegated(tokens, hit.start)) {
      // "не боялся" / "wasn't afraid": the absence of fear reads as calm; other negated feelings are dropped.
      if (['fear', 'dread', 'panic', 'unease'].includes(emotion) && !emotionIds.includes('calm')) {
        emotionIds.push('calm');
      }
      continue;
    }
    if (!emotionIds.includes(emotion)) emotionIds.push(emotion);
  }
  if (emotionIds.length < 2 && !emotionIds.includes(defaults.emotion)) emotionIds.push(defaults.emotion);
  const emotions = emotionIds.slice(0, 4);

  const symbols = collectSymbols(tokens, hits);
  const themeIds: ThemeId[] = [defaults.theme];
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    const theme = entryOf(hit).theme;
    if (theme && !themeIds.includes(theme)) themeIds.push(theme);
  }
  const themes = themeIds.slice(0, 5).map((t) => THEME_LABELS[t][language]);

  const symbolLabels = symbols.slice(0, 6).map((s) => s.labels[language]);
  const emotionLabels = emotions.map((e) => EMOTION_LABELS[e][language]);

  const details = symbols.map((s) => s.detail);
  if (details.length < 3 && /[a-z]/i.test(text)) {
    const known = new Set(details.flatMap((d) => [d.noun, d.phrase]));
    details.push(...extraEnglishDetails(tokens, known));
  }

  const seed = hashText(normalise(text));
  const promptInput = { category, details, emotions, seed };
  const video_prompt = buildVideoPrompt(promptInput);
  const visual_prompt = buildVisualPrompt({
    ...promptInput,
    emotionWords: emotions.map((e) => EMOTION_LABELS[e].en),
  });

  const catTitle = CATEGORY_TITLES[category][language];
  const titleSymbols = symbolLabels.slice(0, 2);
  const symbolPart = joinList(titleSymbols, language);
  let title: string;
  if (titleSymbols.length === 0) title = catTitle;
  else if (category === 'other') title = capitalise(symbolPart);
  else title = `${catTitle}: ${symbolPart}`;
  if (language === 'en') title = titleCase(title);

  const narrativeParts = [
    `${NARRATIVE_OPENINGS[category][language]}${symbolLabels.length ? `: ${joinList(symbolLabels.slice(0, 5), language)}` : ''}.`,
    language === 'ru'
      ? `${emotionLabels.length > 1 ? 'Главные чувства' : 'Главное чувство'} — ${joinList(emotionLabels, 'ru')}.`
      : `${emotionLabels.length > 1 ? 'The main feelings are' : 'The main feeling is'} ${joinList(emotionLabels, 'en')}.`,
  ];
  // The themes are not repeated here: every reader (the chat card, the Mini App) lists them
  // right under the narrative.

  const tags: string[] = [];
  for (const t of [
    CATEGORY_TAGS[category][language],
    ...symbolLabels.slice(0, 4),
    ...emotionLabels.slice(0, 2),
  ]) {
    const tag = t.toLocaleLowerCase();
    if (!tags.includes(tag)) tags.push(tag);
  }

  const confidence =
    category === 'other'
      ? top < 1
        ? 0.6
        : 0.45
      : Math.min(0.95, Math.max(0.3, 0.35 + 0.04 * top + 0.25 * ((top - second) / top)));

  return {
    title,
    themes,
    emotions: emotionLabels,
    symbols: symbolLabels,
    narrative: narrativeParts.join(' '),
    tags: tags.slice(0, 8),
    category,
    confidence: round2(confidence),
    visual_prompt,
    video_prompt,
  };
}
