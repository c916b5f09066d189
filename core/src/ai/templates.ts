import type { EmotionId, SymbolKind } from './offline/lexicon.ts';
import type { DreamCategory } from './types.ts';

/**
 * The category templates of dreamvision-roadmap.md (Task 2.3.3), verbatim, plus one of the same
 * shape for dreams that fit none of them. Both the remote prompt and the offline analyser use them.
 */
export const CATEGORY_TEMPLATES: Record<DreamCategory, string> = {
  gothic:
    'POV continuous glide through [twisted/decaying space], [oppressive element dominates frame], [unnatural lighting], slow push forward, dread mounting.',
  chase:
    'POV rapid movement through [location], [threat] gaining in peripheral, sharp turns, [environmental obstacles], accelerating panic, abrupt cuts.',
  flight:
    'POV gentle rise through [environment], [surreal elements] drift past, weightless perspective shifts, impossible angles, dreamlike momentum.',
  transformation:
    'POV fixed on [subject/space], [element] gradually shifts/morphs, reality bends, [detail] transforms, unsettling transition, surreal revelation.',
  physics:
    'POV [impossible camera movement] through [space], [objects/gravity] behaving wrong, [architectural impossibility], reality glitches.',
  liminal:
    'POV slow track through [familiar space made wrong], [uncanny detail], sterile/fluorescent lighting, empty wrongness, mounting unease.',
  other:
    'POV soft drift through [remembered place], [everyday details] glow gently at the edges of the frame, [warm hazy lighting], time moving slowly, quiet dreamlike calm.',
};

/** The rules every video prompt follows, shared by the remote system prompt and the tests. */
export const VIDEO_PROMPT_RULES = [
  '100-150 words',
  'ONE continuous 5-second shot, no shot lists or sequences',
  'start with the template, leading with the POV camera movement, then add 2-3 dream-specific details',
  'no names: say "the dreamer" or "a figure"',
  'use active verbs (glide, push, track, drift)',
  'include the lighting direction',
  'end with an emotional beat',
] as const;

export const VIDEO_PROMPT_MIN_WORDS = 100;
export const VIDEO_PROMPT_MAX_WORDS = 150;

/** Words as a video model counts them: runs of non-space characters. */
export function countWords(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === '' ? 0 : words.length;
}

/** One concrete thing from the dream, already in English ("night city", "crows"). */
export interface PromptDetail {
  phrase: string;
  /** The bare noun; equal to `phrase` when the dream gave it no adjective. */
  noun: string;
  kind: SymbolKind;
}

export interface PromptInput {
  category: DreamCategory;
  details: readonly PromptDetail[];
  /** Most important first; the first one shapes the closing emotional beat. */
  emotions: readonly EmotionId[];
  /** Any integer; picks among equivalent phrasings so different dreams read differently. */
  seed: number;
}

const EMOTION_BEATS: Record<EmotionId, string> = {
  fear: 'a held breath of rising fear',
  dread: 'a slow, cold wave of dread',
  panic: 'a spike of pure panic',
  unease: 'a quiet, creeping unease',
  calm: 'a deep exhale of calm',
  joy: 'a sudden burst of quiet joy',
  freedom: 'a rush of weightless freedom',
  wonder: 'a moment of breathless wonder',
  confusion: 'the dizzy certainty that nothing adds up',
  sadness: 'a soft ache of sadness',
  loneliness: 'the weight of being utterly alone',
  nostalgia: 'a bittersweet pang of nostalgia',
  helplessness: 'the helpless feeling of being unable to move',
  love: 'a warm glow of tenderness',
  anger: 'a flash of smouldering anger',
  shame: 'a hot flush of embarrassment',
  curiosity: 'an irresistible pull of curiosity',
};

const LIGHTING: Record<DreamCategory, readonly string[]> = {
  gothic: [
    'Cold blue moonlight slants in from high on the left, carving long shadows across the floor.',
    'A faint crimson glow leaks up from below, lighting every surface from underneath.',
  ],
  chase: [
    'Harsh sodium light strobes in from the right as the camera races past each gap.',
    "Glaring light sweeps in from behind, throwing the dreamer's shadow far ahead.",
  ],
  flight: [
    'Warm golden light pours in from the horizon ahead, rim-lighting every edge.',
    'Soft moonlight falls from above and behind, silvering everything below.',
  ],
  transformation: [
    'A single soft key light from the left slowly shifts from amber to violet as the change takes hold.',
    'Pale light from directly above ripples as if filtered through water.',
  ],
  physics: [
    'Light falls from the wrong direction, from below, so every shadow climbs upward.',
    'A cold white light circles around the frame as if the sun itself were spinning.',
  ],
  liminal: [
    'Flat fluorescent light hums from directly overhead, casting almost no shadows.',
    'Dim yellow light from ceiling panels far ahead flickers in a slow, uneven rhythm.',
  ],
  other: [
    'Gentle morning light drifts in from the right, soft, warm and slightly overexposed.',
    'Late afternoon sun slants in from a low window on the left, dust glowing in the air.',
  ],
};

/** Sentences that place one detail in the shot; the detail always sits in object position. */
const DETAIL_LINES: Record<DreamCategory, readonly string[]> = {
  gothic: [
    'The camera creeps past {x}, every surface slick with age.',
    'For a long moment the frame lingers on {x}, half-swallowed by shadow.',
    'Something unseen seems to breathe behind {x} as the camera slides on.',
  ],
  chase: [
    'The camera skids past {x} without slowing.',
    'For a split second the frame catches {x} before the view whips away.',
    "The dreamer's breath fogs the lens as the view swerves around {x}.",
  ],
  flight: [
    'The camera sweeps low over {x} before lifting again.',
    'For a heartbeat the view tilts toward {x}, soft and glittering far below.',
    "The dreamer's gaze drifts across {x} as the horizon slowly rolls.",
  ],
  transformation: [
    'The camera holds steady while the outline of {x} softens, stretches and reforms.',
    'Colour bleeds out of {x} and returns as something new.',
    'Light ripples across {x} like water over glass.',
  ],
  physics: [
    'The camera rolls slowly past {x}, suspended where the floor should be.',
    'The horizon tilts ninety degrees around {x} without a single cut.',
    'Shadows fall the wrong way beneath {x}.',
  ],
  liminal: [
    'The camera passes {x} with no one in sight.',
    'The view lingers on {x}, familiar yet subtly wrong.',
    'Somewhere beyond {x} a faint electrical hum fills the silence.',
  ],
  other: [
    'The camera drifts past {x}, softly out of focus.',
    'The view lingers on {x}, warm and half-remembered.',
    'A gentle haze settles over {x} as the moment stretches.',
  ],
};

/** Atmosphere used to bring a short prompt up to the minimum length. */
const ATMOSPHERE: Record<DreamCategory, readonly string[]> = {
  gothic: [
    'Dust hangs motionless in the air, and the silence feels heavy, as if something is listening.',
    'Every edge is soft and grainy, like a memory that has begun to rot.',
    'The walls seem to breathe slowly, closing in by a fraction with each moment.',
  ],
  chase: [
    'The frame shakes with every footfall, breath loud and ragged over the rushing air.',
    'Every corner reveals another corner, and the way out never comes closer.',
    'The ground seems to stretch and slow the dreamer down, as in every chase dream.',
  ],
  flight: [
    'The air feels thick and warm, holding the dreamer up like water.',
    'Colours are soft and saturated, edges glowing as if painted with light.',
    'There is no sound but a low rushing wind and a distant, gentle hum.',
  ],
  transformation: [
    'Textures crawl and resettle like liquid finding a new shape.',
    'Nothing jumps or cuts; every change is slow, smooth and impossible to stop.',
    'The air shimmers faintly, as if the scene itself is deciding what to become.',
  ],
  physics: [
    'Dust drifts sideways, droplets hang in place, and the horizon refuses to stay level.',
    'Perspective folds smoothly, so near and far swap places without a seam.',
    'Small objects turn slowly in the air, obeying a gravity that points nowhere.',
  ],
  liminal: [
    'There is no sound but the electric hum and faint footsteps that belong to no one.',
    'Everything is clean, ordinary and completely deserted, which is exactly what feels wrong.',
    'The space seems to continue just a little further than it should.',
  ],
  other: [
    'Colours are muted and warm, edges softened like an old photograph.',
    'Sounds arrive muffled and distant, as if heard through a wall of cotton.',
    'Small details blur and sharpen again, the way remembered places do.',
  ],
};

/** Used after a category's own atmosphere lines when a prompt is still short. */
const RESERVE = [
  'The camera never pauses and never cuts away, every movement slow, smooth and deliberate.',
  'Edges stay soft and slightly out of focus, as if the whole scene were being remembered rather than seen.',
];

const CONTINUITY =
  'It all unfolds in one unbroken five-second shot; the dreamer is never shown, only felt through the moving point of view.';

const VISUAL_STYLE: Record<DreamCategory, string> = {
  gothic: 'gothic atmosphere, deep violet and crimson shadows, candle-like glow, drifting mist',
  chase: 'motion blur, streaks of amber and red light, tense diagonal composition',
  flight: 'vast open sky, luminous blues and soft gold, weightless floating composition',
  transformation: 'flowing morphing forms, violet, magenta and teal gradients, liquid light',
  physics: 'impossible looping architecture, tilted horizon, cyan and lime accents',
  liminal: 'an empty liminal space, pale yellow fluorescent light, sterile repeating surfaces',
  other: 'soft pastel haze, warm light, gentle bokeh, quiet nostalgic mood',
};

const the = (d: PromptDetail) => `the ${d.phrase}`;
const pick = <T>(list: readonly T[], seed: number, offset = 0): T =>
  list[(((seed + offset) % list.length) + list.length) % list.length]!;

function take(details: PromptDetail[], accept: (d: PromptDetail) => boolean): PromptDetail | undefined {
  const i = details.findIndex(accept);
  if (i < 0) return undefined;
  return details.splice(i, 1)[0];
}

const isPlace = (d: PromptDetail) => d.kind === 'place';
const isBeing = (d: PromptDetail) => d.kind === 'being';
const isThing = (d: PromptDetail) => d.kind !== 'place';
const startsWithAny = (phrase: string, words: string[]) => words.some((w) => phrase.startsWith(`${w} `));

/** Fills the category template with the dream's own details; what is left over is returned for later lines. */
function fillTemplate(category: DreamCategory, pool: PromptDetail[], seed: number): string {
  switch (category) {
    case 'gothic': {
      const place = take(pool, isPlace);
      const presence = take(pool, isBeing) ?? take(pool, (d) => d.kind === 'object' || d.kind === 'element');
      const light = take(pool, (d) => d.kind === 'light');
      const space = place
        ? startsWithAny(place.phrase, ['decaying', 'abandoned', 'rotting', 'crumbling'])
          ? the(place)
          : `the decaying ${place.phrase}`
        : 'a twisted, decaying hallway';
      const oppressive = presence
        ? `the frame dominated by ${presence.phrase === presence.noun ? `the looming ${presence.noun}` : the(presence)}`
        : 'the frame dominated by a towering shadow';
      const lighting = light
        ? `${the(light)} giving off an unnatural glow`
        : 'sickly green light bleeding from nowhere';
      return `POV continuous glide through ${space}, ${oppressive}, ${lighting}, slow push forward, dread mounting.`;
    }
    case 'chase': {
      const place = take(pool, isPlace);
      const threat = take(pool, isBeing);
      const obstacle = take(pool, (d) => d.kind === 'object' || d.kind === 'element');
      return `POV rapid movement through ${place ? the(place) : 'narrow night streets'}, ${
        threat ? the(threat) : 'a faceless figure'
      } gaining in the peripheral vision, sharp turns, ${
        obstacle ? `${the(obstacle)} blocking the way` : 'toppled obstacles blocking the way'
      }, accelerating panic, abrupt cuts of light and shadow.`;
    }
    case 'flight': {
      const place = take(pool, isPlace);
      const a = take(pool, isThing);
      const b = take(pool, isThing);
      const environment = place
        ? place.noun === 'sky' || place.noun === 'outer space'
          ? the(place)
          : `open air above ${the(place)}`
        : 'an open night sky';
      const elements = a
        ? `${b ? `${the(a)} and ${the(b)}` : the(a)} drifting past`
        : 'luminous clouds and slow lanterns drifting past';
      return `POV gentle rise through ${environment}, ${elements}, weightless perspective shifts, impossible angles, dreamlike momentum.`;
    }
    case 'transformation': {
      // A mirror is where a dream transformation is usually watched from, so it frames the shot.
      const subject =
        take(pool, (d) => d.noun === 'mirror') ??
        take(pool, (d) => d.kind === 'being' || d.kind === 'body') ??
        take(pool, () => true);
      const element = take(pool, isThing);
      const detail = take(pool, () => true);
      return `POV fixed on ${subject ? the(subject) : "the dreamer's reflection"}, ${
        element ? the(element) : 'every surface'
      } gradually shifting and morphing, reality bending, ${
        detail ? `${the(detail)} transforming` : 'each familiar detail transforming'
      }, unsettling transition, surreal revelation.`;
    }
    case 'physics': {
      // The staircase becomes the architectural impossibility rather than one more floating object.
      const stairs = take(pool, (d) => d.noun === 'staircase') !== undefined;
      const place = take(pool, isPlace);
      const objects = take(pool, isThing);
      const move = pick(['slow inverted drift', 'sideways barrel roll', 'upside-down glide'], seed);
      const architecture = stairs
        ? 'a staircase folding back into itself'
        : pick(['walls meeting at impossible angles', 'doorways opening onto the same room'], seed, 1);
      return `POV ${move} through ${place ? the(place) : 'a tilted room'}, ${
        objects ? the(objects) : 'loose objects'
      } behaving wrong against gravity, ${architecture}, reality glitches.`;
    }
    case 'liminal': {
      const place = take(pool, isPlace);
      const uncanny = take(pool, isThing);
      const space = place
        ? startsWithAny(place.phrase, ['empty', 'deserted', 'endless'])
          ? the(place)
          : `the empty ${place.phrase}`
        : 'an empty corridor';
      return `POV slow track through ${space}, ${
        uncanny ? `${the(uncanny)} repeating without end` : 'identical doors repeating without end'
      }, sterile fluorescent lighting, empty wrongness, mounting unease.`;
    }
    default: {
      const place = take(pool, isPlace);
      const a = take(pool, isThing);
      const b = take(pool, isThing);
      const things = a ? (b ? `${the(a)} and ${the(b)}` : the(a)) : 'familiar objects';
      return `POV soft drift through ${
        place ? the(place) : 'a half-remembered room'
      }, ${things} glowing gently at the edges of the frame, warm hazy lighting, time moving slowly, quiet dreamlike calm.`;
    }
  }
}

/**
 * A 100–150 word, single-shot POV video prompt: the category template first, then 2–3 of the
 * dream's details, the lighting direction, and an emotional beat at the end.
 */
export function buildVideoPrompt(input: PromptInput): string {
  const { category, seed } = input;
  const pool = input.details.slice(0, 8);
  const template = fillTemplate(category, pool, seed);
  const detailLines = pool
    .slice(0, 3)
    .map((d, i) => pick(DETAIL_LINES[category], seed, i).replace('{x}', the(d)));
  const emotion = input.emotions[0];
  const ending = `The shot ends on ${emotion ? EMOTION_BEATS[emotion] : 'a quiet, suspended breath'}.`;
  const lighting = pick(LIGHTING[category], seed);
  const atmosphere = [...ATMOSPHERE[category].map((_, i) => pick(ATMOSPHERE[category], seed, i)), ...RESERVE];

  const compose = (details: string[], pads: string[]) =>
    [template, ...details, lighting, CONTINUITY, ...pads, ending].join(' ');
  let details = detailLines;
  let pads: string[] = [];
  for (const line of atmosphere) {
    if (countWords(compose(details, pads)) >= VIDEO_PROMPT_MIN_WORDS + 5) break;
    pads = [...pads, line];
  }
  while (countWords(compose(details, pads)) > VIDEO_PROMPT_MAX_WORDS && details.length > 0) {
    details = details.slice(0, -1);
  }
  while (countWords(compose(details, pads)) > VIDEO_PROMPT_MAX_WORDS && pads.length > 0) {
    pads = pads.slice(0, -1);
  }
  return compose(details, pads);
}

/** An ethereal, dreamlike image prompt built from the same details. */
export function buildVisualPrompt(input: PromptInput & { emotionWords: readonly string[] }): string {
  const [main, ...rest] = input.details;
  const subject = main ? the(main) : 'a half-remembered dreamscape';
  const extras = rest.slice(0, 4).map(the);
  const mood =
    input.emotionWords.length > 0
      ? `a mood of ${input.emotionWords.slice(0, 3).join(' and ')}`
      : 'a hushed mood';
  return [
    `Ethereal, dreamlike painting of ${subject}${extras.length ? `, with ${extras.join(', ')}` : ''}`,
    VISUAL_STYLE[input.category],
    mood,
    'soft volumetric light, gentle glow, surreal atmosphere, painterly textures, no text, no recognisable faces',
  ].join('; ');
}
