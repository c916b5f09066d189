import type { DreamCategory } from '../types.ts';

/**
 * Dream vocabulary for the offline analyser, Russian and English.
 *
 * Pattern syntax (matched against lower-cased text with ё folded to е):
 * - words separated by spaces must follow each other (`'не по себе'`);
 * - `a|b` are alternatives for one word;
 * - a trailing `*` matches any ending, which is how Russian cases and conjugations are covered
 *   (`'город*'` → города, городом, ...). Short stems that would swallow unrelated words are spelt
 *   out form by form instead (`'сад'`, `'сада'`, `'саду'`, ... but not `садился`).
 * Entries marked `verb` also match after a Russian verbal prefix, so `'летел*'` finds
 * полетел, взлетела, улетели, пролетел.
 */

export type EmotionId =
  | 'fear'
  | 'dread'
  | 'panic'
  | 'unease'
  | 'calm'
  | 'joy'
  | 'freedom'
  | 'wonder'
  | 'confusion'
  | 'sadness'
  | 'loneliness'
  | 'nostalgia'
  | 'helplessness'
  | 'love'
  | 'anger'
  | 'shame'
  | 'curiosity';

export type ThemeId =
  | 'freedom'
  | 'escape'
  | 'danger'
  | 'darkness'
  | 'death'
  | 'change'
  | 'identity'
  | 'control'
  | 'emptiness'
  | 'everyday'
  | 'family'
  | 'home'
  | 'childhood'
  | 'school'
  | 'work'
  | 'nature'
  | 'water'
  | 'city'
  | 'time'
  | 'friendship'
  | 'love'
  | 'journey'
  | 'animals'
  | 'body';

export type SymbolKind = 'place' | 'element' | 'being' | 'object' | 'body' | 'light';

export interface Labels {
  ru: string;
  en: string;
}

export const EMOTION_LABELS: Record<EmotionId, Labels> = {
  fear: { ru: 'страх', en: 'fear' },
  dread: { ru: 'жуть', en: 'dread' },
  panic: { ru: 'паника', en: 'panic' },
  unease: { ru: 'тревога', en: 'unease' },
  calm: { ru: 'спокойствие', en: 'calm' },
  joy: { ru: 'радость', en: 'joy' },
  freedom: { ru: 'свобода', en: 'freedom' },
  wonder: { ru: 'изумление', en: 'wonder' },
  confusion: { ru: 'растерянность', en: 'confusion' },
  sadness: { ru: 'грусть', en: 'sadness' },
  loneliness: { ru: 'одиночество', en: 'loneliness' },
  nostalgia: { ru: 'ностальгия', en: 'nostalgia' },
  helplessness: { ru: 'беспомощность', en: 'helplessness' },
  love: { ru: 'нежность', en: 'love' },
  anger: { ru: 'злость', en: 'anger' },
  shame: { ru: 'стыд', en: 'shame' },
  curiosity: { ru: 'любопытство', en: 'curiosity' },
};

export const THEME_LABELS: Record<ThemeId, Labels> = {
  freedom: { ru: 'свобода', en: 'freedom' },
  escape: { ru: 'бегство', en: 'escape' },
  danger: { ru: 'опасность', en: 'danger' },
  darkness: { ru: 'тьма', en: 'darkness' },
  death: { ru: 'смерть', en: 'death' },
  change: { ru: 'перемены', en: 'change' },
  identity: { ru: 'образ себя', en: 'identity' },
  control: { ru: 'потеря контроля', en: 'loss of control' },
  emptiness: { ru: 'пустота', en: 'emptiness' },
  everyday: { ru: 'повседневность', en: 'everyday life' },
  family: { ru: 'семья', en: 'family' },
  home: { ru: 'дом', en: 'home' },
  childhood: { ru: 'детство', en: 'childhood' },
  school: { ru: 'учёба', en: 'school' },
  work: { ru: 'работа', en: 'work' },
  nature: { ru: 'природа', en: 'nature' },
  water: { ru: 'вода', en: 'water' },
  city: { ru: 'город', en: 'city' },
  time: { ru: 'время', en: 'time' },
  friendship: { ru: 'дружба', en: 'friendship' },
  love: { ru: 'любовь', en: 'love' },
  journey: { ru: 'путь', en: 'journey' },
  animals: { ru: 'животные', en: 'animals' },
  body: { ru: 'тело', en: 'body' },
};

/** What each category means when nothing more specific is found. */
export const CATEGORY_DEFAULTS: Record<DreamCategory, { theme: ThemeId; emotion: EmotionId }> = {
  gothic: { theme: 'darkness', emotion: 'dread' },
  chase: { theme: 'escape', emotion: 'fear' },
  flight: { theme: 'freedom', emotion: 'freedom' },
  transformation: { theme: 'change', emotion: 'wonder' },
  physics: { theme: 'control', emotion: 'confusion' },
  liminal: { theme: 'emptiness', emotion: 'unease' },
  other: { theme: 'everyday', emotion: 'calm' },
};

export interface LexiconEntry {
  ru?: readonly string[];
  en?: readonly string[];
  /** How strongly a mention points at a category. */
  cat?: Partial<Record<DreamCategory, number>>;
  emotion?: EmotionId;
  theme?: ThemeId;
  symbol?: Labels & { kind: SymbolKind };
  /** English adjective used to qualify the following symbol in prompts ("ночной город" → "night city"). */
  adj?: string;
  verb?: boolean;
}

type Cat = Partial<Record<DreamCategory, number>>;
type Extra = Pick<LexiconEntry, 'cat' | 'emotion' | 'theme' | 'adj' | 'verb'>;

const cue = (cat: Cat, ru: string[], en: string[], extra: Extra = {}): LexiconEntry => ({
  ru,
  en,
  cat,
  ...extra,
});
const verb = (cat: Cat, ru: string[], en: string[], extra: Extra = {}): LexiconEntry => ({
  ru,
  en,
  cat,
  verb: true,
  ...extra,
});
const sym = (
  ruLabel: string,
  enLabel: string,
  kind: SymbolKind,
  ru: string[],
  en: string[],
  extra: Extra = {},
): LexiconEntry => ({ ru, en, symbol: { ru: ruLabel, en: enLabel, kind }, ...extra });
const emo = (emotion: EmotionId, ru: string[], en: string[], extra: Extra = {}): LexiconEntry => ({
  ru,
  en,
  emotion,
  ...extra,
});
const adj = (enAdj: string, ru: string[], en: string[], extra: Extra = {}): LexiconEntry => ({
  ru,
  en,
  adj: enAdj,
  ...extra,
});

const CATEGORY_CUES: LexiconEntry[] = [
  // flight
  verb(
    { flight: 3 },
    ['летал*', 'летел*', 'летат*', 'летаю*', 'летае*', 'летет*', 'летит', 'летят', 'лечу', 'летим', 'летя*'],
    ['fly', 'flies', 'flying', 'flew', 'flown'],
  ),
  cue({ flight: 2.5 }, ['полет*', 'полеты'], ['airborne', 'levitat*'], { theme: 'freedom' }),
  verb(
    { flight: 3 },
    ['парил*', 'парит', 'парю', 'парят', 'паря', 'парящ*', 'парени*', 'воспар*'],
    ['soar*', 'glid*'],
  ),
  cue({ flight: 2 }, ['планир*', 'порха*', 'ввысь'], ['hover*', 'flap*'], { verb: true }),
  cue(
    { flight: 1.5 },
    ['оторвал* от земл*', 'в небо', 'в небе', 'как птица', 'словно птица', 'махал* руками|крыльями'],
    ['took off', 'in the air', 'into the air', 'like a bird', 'flapping my arms'],
  ),
  cue({ flight: 1.5 }, [], ['float', 'floats', 'floated', 'floating']),
  cue({ flight: 1 }, ['высот*'], ['flight', 'drift*', 'high above']),
  cue(
    { flight: 0.5 },
    ['выше', 'сверху', 'поднима*', 'поднялся', 'поднялась', 'оттолкнул*'],
    ['higher', 'rising', 'rose'],
  ),
  cue({ flight: 0.3 }, ['над'], ['above']),

  // chase
  verb({ chase: 3 }, ['гнал*', 'удира*', 'удрал*'], ['chas*', 'pursu*']),
  cue({ chase: 3 }, ['погон*', 'преслед*'], ['pursuit'], { theme: 'danger' }),
  verb(
    { chase: 2.5 },
    ['гоня*', 'гонит*', 'догна*', 'настиг*', 'настига*'],
    ['fled', 'flee', 'flees', 'fleeing'],
  ),
  verb({ chase: 2 }, ['бежа*', 'бега*', 'бегу', 'бежим', 'бежит', 'бегут', 'бегом', 'бегств*'], ['sprint*']),
  cue({ chase: 2 }, [], ['hunt*', 'gaining']),
  cue(
    { chase: 1.5 },
    ['за мной', 'за нами', 'охот*', 'убийц*', 'маньяк*'],
    [
      'run',
      'runs',
      'ran',
      'running',
      'escap*',
      'follow*',
      'behind me',
      'after me',
      'getting|got|came|coming|drew|drawing closer|nearer',
    ],
  ),
  verb(
    { chase: 1 },
    ['прятал*', 'прячу*', 'пряча*', 'прятат*', 'спотыка*', 'отстава*', 'напал*', 'нападал*'],
    ['hid', 'hide', 'hiding', 'footsteps', 'attack*', 'finding me', 'catch me', 'caught me'],
  ),
  cue({ chase: 1 }, ['позади', 'сзади', 'за спиной', 'поймат*', 'поймал*', 'ловил*', 'ловит*'], []),
  cue({ chase: 1.5 }, ['бежал*|убегал*|бегу|бежим от'], ['run|runs|ran|running|fled|fleeing from|away']),
  cue({ chase: 0.5 }, ['ближе', 'шаг*', 'спаса*', 'скорее'], ['closer', 'faster']),

  // gothic
  cue({ gothic: 2.5 }, ['кошмар*'], ['nightmare*'], { emotion: 'fear' }),
  cue({ gothic: 2 }, ['жутк*', 'жуть', 'зловещ*'], ['creepy', 'sinister', 'macabre'], { emotion: 'dread' }),
  cue({ gothic: 2 }, ['гниющ*', 'гнил*', 'гниен*', 'сгни*'], ['rot', 'rots', 'rotting', 'rotten', 'rotted'], {
    adj: 'rotting',
  }),
  cue({ gothic: 2 }, ['разлагающ*', 'истлевш*'], ['decay*'], { adj: 'decaying' }),
  cue({ gothic: 2 }, ['готическ*', 'проклят*'], ['gothic', 'haunt*', 'cursed'], { adj: 'haunted' }),
  cue(
    { gothic: 1.5 },
    ['мрачн*', 'плесен*', 'разлага*', 'кровоточ*'],
    ['ominous', 'gloomy', 'mold*', 'mould*', 'dread*'],
    { emotion: 'dread' },
  ),
  verb(
    { gothic: 1.5 },
    ['шепт*', 'шепот*', 'стонал*', 'стонет', 'стоны', 'стон', 'скрип*'],
    ['whisper*', 'moan*', 'creak*', 'groan*'],
  ),
  cue({ gothic: 1.5 }, ['мертв*', 'покойник*'], ['dead', 'death', 'dying'], { theme: 'death' }),
  cue({ gothic: 1, liminal: 0.5 }, ['заброшен*'], ['abandoned'], { adj: 'abandoned' }),
  cue({ gothic: 1, liminal: 0.5 }, [], ['eerie'], { emotion: 'dread' }),
  verb({ gothic: 1 }, ['ползл*', 'ползал*', 'ползет', 'ползут', 'ползущ*'], ['crawl*', 'slither*']),
  cue({ gothic: 0.5 }, ['ворочал*', 'проступал*', 'тень', 'тени', 'теней'], ['shadowy']),

  // transformation
  cue(
    { transformation: 3 },
    ['превра*', 'трансформ*', 'метаморф*', 'перевоплощ*'],
    ['transform*', 'morph*', 'metamorph*', 'shapeshift*', 'turn*|chang*|shift*|morph* into'],
  ),
  cue({ transformation: 2 }, ['мутир*', 'мутаци*', 'оборачивал*'], ['becoming', 'mutat*', 'reshap*']),
  verb(
    { transformation: 1.5 },
    ['менял*', 'меняет*', 'меняют*', 'изменил*', 'изменял*'],
    ['became', 'dissolv*'],
  ),
  verb(
    { transformation: 1.5 },
    ['таял*', 'тает', 'таять', 'плавил*', 'расплав*', 'перетека*', 'обраста*', 'обрасл*'],
    ['melt*'],
  ),
  cue(
    { transformation: 1 },
    ['постепенно', 'становил*', 'становит*', 'другим человеком', 'другой человек'],
    ['gradually', 'become', 'someone else', 'sprout*', 'grew|growing on'],
  ),
  cue({ transformation: 1 }, ['прозрачн*'], ['transparent', 'translucent'], { adj: 'transparent' }),
  cue({ transformation: 0.7 }, ['стал', 'стала', 'стало', 'стали'], ['no longer', 'instead of']),
  cue({ transformation: 0.5 }, ['покрывал*'], ['slowly', 'grew', 'growing']),

  // physics
  cue(
    { physics: 3 },
    ['гравитац*', 'вверх ногами', 'закон* физики'],
    ['gravity', 'upside down', 'laws of physics'],
  ),
  cue(
    { physics: 2.5 },
    ['эшер*', 'по потолку', 'по стене', 'по стенам'],
    ['escher*', 'walk*|stood|standing|stand|ran|running|climb* on|along|up|across the wall|walls|ceiling'],
  ),
  cue(
    { physics: 2 },
    ['притяжени*', 'парадокс*', 'зацикл*', 'глюк*', 'глитч*', 'физик*'],
    [
      'paradox*',
      'glitch*',
      'physics',
      'in reverse',
      'back on|onto|into itself',
      'falling up',
      'frozen in time',
      'time stopped',
    ],
  ),
  cue(
    { physics: 1.5 },
    ['наоборот', 'обратн*', 'петл*', 'невозможн*', 'перевернул*', 'переворач*'],
    [
      'loop*',
      'impossible',
      'sideways',
      'backward*',
      'flipped',
      'flipping',
      'rotat*',
      'same room',
      'floating off',
      'defy*',
    ],
  ),
  cue(
    { physics: 1.2 },
    ['крутил*', 'крутят*', 'крутит*', 'вращ*', 'искаж*', 'искривл*'],
    ['upward*', 'revers*', 'spinning', 'spun'],
  ),
  verb(
    { physics: 1 },
    ['кручива*', 'изгиба*', 'изогнул*', 'оказывал*', 'застыл*'],
    ['tilt*', 'warp*', 'objects', 'bent', 'bending'],
  ),
  cue({ physics: 1, flight: 0.3 }, ['в воздухе', 'предмет*', 'боком', 'сбоку'], ['mid-air', 'midair']),
  cue({ physics: 0.7 }, ['вверх', 'назад', 'сломал*', 'сломалась', 'сломался'], ['broke', 'broken rules']),
  cue({ physics: 0.5 }, ['время', 'времени', 'снова', 'висел*'], ['time', 'forever']),

  // liminal
  cue(
    { liminal: 1.5 },
    [
      'пустой',
      'пустая',
      'пустое',
      'пустые',
      'пустом',
      'пустую',
      'пустых',
      'пустыми',
      'пустому',
      'пусто',
      'пустынн*',
    ],
    ['empty', 'vacant'],
    { adj: 'empty' },
  ),
  cue(
    { liminal: 2 },
    ['ни души', 'безлюдн*'],
    ['deserted', 'uncanny', 'deja vu', 'déjà vu', 'waiting room'],
    { adj: 'deserted' },
  ),
  cue({ liminal: 1.5 }, ['никого', 'ни одного человека'], ['nobody', 'no one', 'noone', 'not a soul'], {
    emotion: 'loneliness',
  }),
  cue({ liminal: 1.5 }, ['одинаков*'], ['identical'], { adj: 'identical' }),
  cue({ liminal: 2.5 }, ['флуоресц*', 'люминесц*', 'дневного света', 'ламп* дневн*'], ['fluorescent*'], {
    adj: 'fluorescent',
  }),
  cue({ liminal: 3 }, ['закулис*', 'бэкрум*', 'лиминальн*'], ['backrooms', 'liminal']),
  verb(
    { liminal: 1.5 },
    ['гудят', 'гудел*', 'гудит', 'гудени*', 'жужж*'],
    ['buzz*', 'hum', 'hums', 'humming', 'hummed'],
  ),
  cue({ liminal: 2 }, ['не по себе', 'дежавю', 'дежа вю'], ['felt|feels|feel|seemed wrong'], {
    emotion: 'unease',
  }),
  cue({ liminal: 1.5 }, ['эхо', 'эхом', 'неправильн*'], ['echo*', 'wrong']),
  cue({ liminal: 1.2 }, ['здесь|уже был|была|бывал*|бывала'], ['been here before']),
  cue({ liminal: 1, physics: 0.3 }, ['бесконечн*'], ['endless*', 'infinite'], { adj: 'endless' }),
  cue(
    { liminal: 1 },
    ['тишин*', 'заперт*', 'ни окон', 'странн* чувств*'],
    ['silent', 'silence', 'locked', 'repeat*', 'rows of', 'in circles', 'familiar'],
  ),
  verb({ liminal: 1 }, ['тянет*', 'тянул*', 'тянут*', 'тянулся'], ['stretching']),
  cue({ liminal: 0.7 }, ['мига*', 'мигнул*', 'повторял*', 'знаком*'], ['flicker*', 'somehow', 'unsettling']),
  cue({ liminal: 0.5 }, ['мерца*', 'тихо', 'тихая', 'тихий', 'тихой'], ['quiet', 'alone', 'same']),
  cue({ liminal: 0.3 }, ['ночью'], ['at night']),
];

const SYMBOLS: LexiconEntry[] = [
  // places
  sym('город', 'city', 'place', ['город*'], ['city', 'cities', 'town', 'towns'], { theme: 'city' }),
  sym('улица', 'street', 'place', ['улиц*'], ['street*', 'road', 'roads'], { theme: 'city' }),
  sym('переулок', 'alley', 'place', ['переул*'], ['alley*', 'alleyway*'], {
    cat: { chase: 0.5 },
    theme: 'city',
  }),
  sym(
    'море',
    'sea',
    'place',
    ['море', 'моря', 'морю', 'морем', 'морей', 'морск*', 'океан*'],
    ['sea', 'seas', 'ocean*'],
    { theme: 'water' },
  ),
  sym('река', 'river', 'place', ['река', 'реки', 'реке', 'реку', 'рекой', 'речк*'], ['river*', 'stream'], {
    theme: 'water',
  }),
  sym('озеро', 'lake', 'place', ['озер*'], ['lake*', 'pond*'], { theme: 'water' }),
  sym('вода', 'water', 'element', ['вода', 'воды', 'воде', 'воду', 'водой', 'водн*'], ['water*'], {
    theme: 'water',
  }),
  sym(
    'лес',
    'forest',
    'place',
    ['лес', 'леса', 'лесу', 'лесом', 'лесе', 'лесн*', 'чащ*'],
    ['forest*', 'woods', 'jungle*'],
    { theme: 'nature' },
  ),
  sym(
    'поле',
    'field',
    'place',
    ['поле', 'поля', 'полю', 'полем', 'полях', 'полям', 'полями', 'луг*'],
    ['field*', 'meadow*'],
    { theme: 'nature' },
  ),
  sym(
    'горы',
    'mountains',
    'place',
    ['гора', 'горы', 'гор', 'горам', 'горах', 'горой', 'гору', 'горн*', 'вершин*', 'холм*'],
    ['mountain*', 'peak*', 'hill*', 'cliff*'],
    { theme: 'nature' },
  ),
  sym('долина', 'valley', 'place', ['долин*'], ['valley*'], { theme: 'nature' }),
  sym('небо', 'sky', 'place', ['небо', 'неба', 'небе', 'небом', 'небес*'], ['sky', 'skies'], {
    cat: { flight: 1 },
  }),
  sym('облака', 'clouds', 'element', ['облак*', 'туч*'], ['cloud*'], { cat: { flight: 1 } }),
  sym(
    'космос',
    'outer space',
    'place',
    ['космос*', 'космическ*', 'галактик*', 'планет*'],
    ['outer space', 'galax*', 'planet*', 'cosmos'],
    { cat: { flight: 0.5 } },
  ),
  sym(
    'замок',
    'castle',
    'place',
    ['замок', 'замка', 'замке', 'замку', 'замком', 'замки', 'замков'],
    ['castle*'],
    { cat: { gothic: 1.5 } },
  ),
  sym('особняк', 'manor', 'place', ['особняк*', 'усадьб*'], ['manor*', 'mansion*'], { cat: { gothic: 1.5 } }),
  sym(
    'собор',
    'cathedral',
    'place',
    ['собор*', 'церк*', 'храм*', 'часовн*'],
    ['cathedral*', 'church*', 'chapel*'],
    { cat: { gothic: 0.7 } },
  ),
  sym('кладбище', 'graveyard', 'place', ['кладбищ*', 'погост*'], ['graveyard*', 'cemeter*'], {
    cat: { gothic: 2.5 },
    theme: 'death',
  }),
  sym('могила', 'grave', 'object', ['могил*', 'надгроб*'], ['grave', 'graves', 'gravestone*', 'tombstone*'], {
    cat: { gothic: 2 },
    theme: 'death',
  }),
  sym('склеп', 'crypt', 'place', ['склеп*', 'гробниц*'], ['crypt*', 'tomb', 'tombs', 'mausoleum*'], {
    cat: { gothic: 2.5 },
    theme: 'death',
  }),
  sym(
    'дом',
    'house',
    'place',
    ['дом', 'дома', 'дому', 'домом', 'доме', 'домик*', 'домой'],
    ['house*', 'home'],
    { theme: 'home' },
  ),
  sym('комната', 'room', 'place', ['комнат*', 'спальн*'], ['room', 'rooms', 'bedroom*'], {}),
  sym('квартира', 'apartment', 'place', ['квартир*'], ['apartment*'], { theme: 'home' }),
  sym('кухня', 'kitchen', 'place', ['кухн*'], ['kitchen*'], { theme: 'home' }),
  sym('дача', 'country house', 'place', ['дача', 'даче', 'дачу', 'дачи', 'дачей'], ['cottage*', 'cabin*'], {
    theme: 'home',
  }),
  sym('коридор', 'corridor', 'place', ['коридор*'], ['corridor*', 'hallway*', 'hall', 'halls'], {
    cat: { liminal: 1.5 },
  }),
  sym('лестница', 'staircase', 'object', ['лестниц*', 'ступен*'], ['stair*', 'steps'], {
    cat: { physics: 0.5 },
  }),
  sym('подвал', 'basement', 'place', ['подвал*'], ['basement*', 'cellar*'], { cat: { gothic: 1 } }),
  sym('чердак', 'attic', 'place', ['чердак*'], ['attic*'], { cat: { gothic: 1 } }),
  sym('крыша', 'rooftops', 'place', ['крыш*'], ['roof*', 'rooftop*'], { cat: { flight: 0.3 } }),
  sym('школа', 'school', 'place', ['школ*', 'класс', 'класса', 'классе'], ['school*', 'classroom*'], {
    theme: 'school',
  }),
  sym('офис', 'office', 'place', ['офис*'], ['office*'], { cat: { liminal: 0.5 }, theme: 'work' }),
  sym(
    'торговый центр',
    'shopping mall',
    'place',
    ['торгов* центр*', 'молл*', 'супермаркет*'],
    ['mall', 'malls', 'shopping centre', 'shopping center', 'supermarket*'],
    { cat: { liminal: 1.5 } },
  ),
  sym('отель', 'hotel', 'place', ['отел*', 'гостиниц*'], ['hotel*', 'motel*'], { cat: { liminal: 1 } }),
  sym('больница', 'hospital', 'place', ['больниц*', 'палат*'], ['hospital*', 'ward'], {
    cat: { liminal: 0.7 },
  }),
  sym('бассейн', 'swimming pool', 'place', ['бассейн*'], ['pool', 'pools'], { cat: { liminal: 1.5 } }),
  sym('парковка', 'parking garage', 'place', ['парковк*', 'стоянк*'], ['parking', 'garage*'], {
    cat: { liminal: 1.5 },
  }),
  sym('вокзал', 'station', 'place', ['вокзал*', 'станци*', 'перрон*'], ['station*', 'platform*'], {
    cat: { liminal: 0.5 },
    theme: 'journey',
  }),
  sym('аэропорт', 'airport', 'place', ['аэропорт*'], ['airport*', 'terminal*'], {
    cat: { liminal: 0.5 },
    theme: 'journey',
  }),
  sym('поезд', 'train', 'object', ['поезд*', 'электричк*', 'вагон*'], ['train', 'trains', 'carriage*'], {
    theme: 'journey',
  }),
  sym('метро', 'subway', 'place', ['метро'], ['subway', 'metro', 'underground'], { cat: { liminal: 0.5 } }),
  sym('лифт', 'elevator', 'object', ['лифт*'], ['elevator*'], { cat: { liminal: 0.5 } }),
  sym('мост', 'bridge', 'place', ['мост', 'моста', 'мосту', 'мостом', 'мосте', 'мосты'], ['bridge*'], {}),
  sym('пустыня', 'desert', 'place', ['пустын*'], ['desert', 'deserts', 'dune*'], { theme: 'nature' }),
  sym('остров', 'island', 'place', ['остров*'], ['island*'], {}),
  sym('берег', 'shore', 'place', ['пляж*', 'берег*'], ['beach*', 'shore*', 'coast*'], { theme: 'water' }),
  sym('сад', 'garden', 'place', ['сад', 'сада', 'саду', 'садом', 'сады', 'садов'], ['garden*'], {
    theme: 'nature',
  }),
  sym('деревня', 'village', 'place', ['деревн*', 'село', 'села', 'селе'], ['village*'], {}),
  sym('тоннель', 'tunnel', 'place', ['тоннел*', 'туннел*'], ['tunnel*'], { cat: { liminal: 0.5 } }),
  sym('лабиринт', 'labyrinth', 'place', ['лабиринт*'], ['maze*', 'labyrinth*'], {
    cat: { physics: 1, liminal: 0.5 },
  }),
  sym(
    'двор',
    'yard',
    'place',
    ['двор', 'двора', 'дворе', 'двору', 'двором', 'дворик*'],
    ['yard', 'courtyard*', 'playground*'],
    {},
  ),
  sym('парк', 'park', 'place', ['парк', 'парка', 'парке', 'парку', 'парком'], ['park'], { theme: 'nature' }),
  // architecture and objects
  sym(
    'стены',
    'walls',
    'object',
    ['стена', 'стены', 'стене', 'стену', 'стеной', 'стен', 'стенам', 'стенах'],
    ['wall', 'walls'],
    {},
  ),
  sym('потолок', 'ceiling', 'object', ['потол*'], ['ceiling*'], { cat: { physics: 1.5 } }),
  sym('пол', 'floor', 'object', ['пол', 'пола', 'полу', 'полом'], ['floor', 'floors'], {}),
  sym('двери', 'doors', 'object', ['двер*'], ['door', 'doors', 'doorway*'], {}),
  sym(
    'окна',
    'windows',
    'object',
    ['окно', 'окна', 'окне', 'окон', 'окнам', 'окнами', 'окнах'],
    ['window*'],
    {},
  ),
  sym('зеркало', 'mirror', 'object', ['зеркал*', 'отражени*'], ['mirror*', 'reflection*'], {
    cat: { transformation: 1 },
    theme: 'identity',
  }),
  sym('часы', 'clocks', 'object', ['часы', 'часами', 'циферблат*'], ['clock', 'clocks'], {
    cat: { physics: 0.5 },
    theme: 'time',
  }),
  sym('свечи', 'candles', 'light', ['свеч*', 'канделябр*'], ['candle*', 'candelabr*'], {
    cat: { gothic: 1 },
  }),
  sym('лампы', 'lamps', 'light', ['ламп*', 'светильник*'], ['lamp*', 'light bulb*'], { cat: { liminal: 1 } }),
  sym(
    'огни',
    'lights',
    'light',
    ['огни', 'огней', 'огоньк*', 'фонар*'],
    ['lights', 'lantern*', 'streetlight*', 'neon'],
    {},
  ),
  sym(
    'огонь',
    'fire',
    'light',
    ['огонь', 'огня', 'огнем', 'пламя', 'пламени', 'пожар*'],
    ['fire', 'fires', 'flame*', 'blaze'],
    {},
  ),
  sym('чашка', 'cup', 'object', ['чашк*', 'кружк*', 'стакан*'], ['cup', 'cups', 'mug'], {}),
  sym('ключ', 'key', 'object', ['ключ', 'ключа', 'ключи', 'ключом'], ['key', 'keys'], {}),
  sym('книга', 'book', 'object', ['книг*'], ['book', 'books'], {}),
  sym('телефон', 'phone', 'object', ['телефон*'], ['phone*', 'telephone*'], {}),
  sym('машина', 'car', 'object', ['машин*', 'автомобил*'], ['car', 'cars'], {}),
  sym(
    'гроб',
    'coffin',
    'object',
    ['гроб', 'гроба', 'гробу', 'гробом', 'гробы', 'гробов'],
    ['coffin*', 'casket*'],
    { cat: { gothic: 2.5 }, theme: 'death' },
  ),
  sym('портреты', 'portraits', 'object', ['портрет*'], ['portrait*', 'painting*'], { cat: { gothic: 1 } }),
  sym('маска', 'mask', 'object', ['маск*'], ['mask*'], { cat: { gothic: 0.5 } }),
  sym('алтарь', 'altar', 'object', ['алтар*'], ['altar*', 'pew*'], { cat: { gothic: 1 } }),
  sym('стекло', 'glass', 'object', ['стекл*', 'стеклян*'], ['glass'], { cat: { transformation: 0.5 } }),
  sym('плитка', 'tiles', 'object', ['плитк*', 'кафел*'], ['tile*'], { cat: { liminal: 1 } }),
  sym('ковёр', 'carpet', 'object', ['ковер', 'ковра', 'ковре', 'ковролин*'], ['carpet*'], {
    cat: { liminal: 1 },
  }),
  sym('кабинки', 'cubicles', 'object', ['кабинк*'], ['cubicle*'], { cat: { liminal: 1.5 }, theme: 'work' }),
  sym(
    'выход',
    'exit signs',
    'object',
    ['выход', 'выхода', 'выходов', 'выходы', 'выходу'],
    ['exit', 'exits', 'exit sign*'],
    { cat: { liminal: 1 } },
  ),
  sym('эскалатор', 'escalators', 'object', ['эскалатор*'], ['escalator*'], { cat: { liminal: 0.3 } }),
  sym('музыка', 'music', 'object', ['музык*', 'мелоди*'], ['music', 'melody', 'song'], {}),
  sym('корабль', 'ship', 'object', ['корабл*', 'лодк*'], ['ship', 'ships', 'boat*'], { theme: 'journey' }),
  sym('самолёт', 'airplane', 'object', ['самолет*'], ['plane', 'planes', 'airplane*', 'aeroplane*'], {
    cat: { flight: 0.5 },
    theme: 'journey',
  }),
  sym(
    'экзамен',
    'exam',
    'object',
    ['экзамен*', 'зачет*', 'контрольн*', 'билеты'],
    ['exam*', 'test', 'tests'],
    { theme: 'school' },
  ),
  sym(
    'работа',
    'work',
    'object',
    ['работ*', 'рабоч*', 'совещани*', 'планерк*'],
    ['work', 'job', 'meeting*'],
    { theme: 'work' },
  ),
  sym('письма', 'letters', 'object', ['письм*', 'почт*'], ['letter', 'letters', 'email*', 'mail'], {}),
  sym('обед', 'lunch', 'object', ['обед*'], ['lunch'], {}),
  sym('ужин', 'dinner', 'object', ['ужин*'], ['dinner*', 'supper'], { theme: 'family' }),
  sym('суп', 'soup', 'object', ['суп', 'супа', 'супом', 'супу'], ['soup'], {}),
  sym('пирог', 'pie', 'object', ['пирог*', 'торт*'], ['pie', 'pies', 'cake*'], {}),
  sym('пицца', 'pizza', 'object', ['пицц*'], ['pizza*'], {}),
  sym('чай', 'tea', 'object', ['чай', 'чая', 'чаю', 'чаем'], ['tea'], {}),
  sym('кофе', 'coffee', 'object', ['кофе'], ['coffee'], {}),
  sym('свадьба', 'wedding', 'object', ['свадьб*'], ['wedding*'], { theme: 'love' }),
  sym('футбол', 'football', 'object', ['футбол*', 'мяч*'], ['football', 'soccer', 'ball'], {}),
  sym('новости', 'news', 'object', ['новост*', 'газет*'], ['news', 'newspaper*'], {}),
  // elements of nature and light
  sym('корни', 'roots', 'element', ['корни', 'корней', 'корнями', 'корень'], ['root', 'roots'], {
    theme: 'nature',
  }),
  sym(
    'листья',
    'leaves',
    'element',
    ['листья', 'листьями', 'листьев', 'листва', 'листвой'],
    ['leaves', 'leaf'],
    { theme: 'nature' },
  ),
  sym(
    'цветы',
    'flowers',
    'element',
    ['цветы', 'цветов', 'цветами', 'цветок', 'цветка'],
    ['flower*', 'blossom*'],
    { theme: 'nature' },
  ),
  sym(
    'дерево',
    'tree',
    'element',
    ['дерево', 'дерева', 'дереву', 'деревом', 'деревья', 'деревьев', 'деревьями', 'деревьях'],
    ['tree', 'trees'],
    { theme: 'nature' },
  ),
  sym('луна', 'moon', 'light', ['луна', 'луны', 'луне', 'луну', 'луной', 'лунн*'], ['moon*'], {
    cat: { gothic: 0.5 },
  }),
  sym(
    'солнце',
    'sun',
    'light',
    ['солнц*', 'рассвет*', 'закат*'],
    ['sun', 'sunrise', 'sunset', 'sunlight', 'dawn'],
    { cat: { flight: 0.3 } },
  ),
  sym('звёзды', 'stars', 'light', ['звезд*'], ['star', 'stars', 'starry'], { cat: { flight: 0.5 } }),
  sym('туман', 'fog', 'element', ['туман*', 'мгл*'], ['fog*', 'mist*'], { cat: { gothic: 0.5 } }),
  sym('дождь', 'rain', 'element', ['дожд*', 'ливен*', 'ливн*'], ['rain', 'rains', 'raining', 'rainfall'], {}),
  sym('снег', 'snow', 'element', ['снег*', 'снеж*', 'метел*'], ['snow*'], {}),
  sym('лёд', 'ice', 'element', ['лед', 'льда', 'льду', 'ледян*'], ['ice', 'icy'], {}),
  sym('ветер', 'wind', 'element', ['ветер', 'ветра', 'ветром', 'ветру', 'ветре'], ['wind'], {
    cat: { flight: 0.3 },
  }),
  sym(
    'гроза',
    'storm',
    'element',
    ['гроз*', 'гром', 'грома', 'громом', 'молни*'],
    ['thunder*', 'storm*', 'lightning'],
    { cat: { gothic: 1 } },
  ),
  sym(
    'тьма',
    'darkness',
    'element',
    ['тьма', 'тьмы', 'тьме', 'тьму', 'темнот*', 'мрак*', 'мраке'],
    ['darkness', 'the dark'],
    { cat: { gothic: 1 }, theme: 'darkness' },
  ),
  sym('тень', 'shadow', 'being', ['тень', 'тенью', 'тенями'], ['shadow*'], { cat: { gothic: 0.5 } }),
  sym(
    'кровь',
    'blood',
    'element',
    ['кровь', 'крови', 'кровью', 'кровав*', 'окровав*'],
    ['blood*', 'bleed*'],
    { cat: { gothic: 1.5 } },
  ),
  sym('дым', 'smoke', 'element', ['дым', 'дыма', 'дымом', 'дымк*'], ['smoke*'], {}),
  // beings
  sym(
    'призрак',
    'ghost',
    'being',
    ['призрак*', 'привидени*', 'дух', 'духа'],
    ['ghost*', 'phantom*', 'spirit*', 'specter*', 'spectre*'],
    { cat: { gothic: 2 } },
  ),
  sym(
    'чудовище',
    'monster',
    'being',
    ['чудовищ*', 'монстр*', 'тварь', 'твари', 'существо', 'существа'],
    ['monster*', 'creature*', 'beast*'],
    { cat: { gothic: 1, chase: 0.5 } },
  ),
  sym(
    'демон',
    'demon',
    'being',
    ['демон*', 'дьявол*', 'черт', 'черти', 'бес', 'бесы'],
    ['demon*', 'devil*'],
    { cat: { gothic: 2 } },
  ),
  sym('вампир', 'vampire', 'being', ['вампир*', 'ведьм*', 'зомби'], ['vampire*', 'witch*', 'zombie*'], {
    cat: { gothic: 2 },
  }),
  sym('оборотень', 'werewolf', 'being', ['оборотн*', 'оборотень'], ['werewolf', 'werewolves'], {
    cat: { transformation: 2 },
  }),
  sym(
    'скелет',
    'skeleton',
    'being',
    ['скелет*', 'череп', 'черепа', 'черепом', 'черепов'],
    ['skeleton*', 'skull*'],
    { cat: { gothic: 2 }, theme: 'death' },
  ),
  sym('мертвец', 'corpse', 'being', ['мертвец*', 'труп*'], ['corpse*', 'body bag*'], {
    cat: { gothic: 2 },
    theme: 'death',
  }),
  sym('паук', 'spider', 'being', ['паук*', 'паутин*'], ['spider*', 'cobweb*'], { cat: { gothic: 1 } }),
  sym(
    'вороны',
    'crows',
    'being',
    ['ворон', 'вороны', 'ворона', 'воронов', 'воронье'],
    ['crow', 'crows', 'raven*'],
    { cat: { gothic: 1 }, theme: 'animals' },
  ),
  sym(
    'птицы',
    'birds',
    'being',
    ['птиц*', 'чайк*', 'голуб*'],
    ['bird*', 'seagull*', 'gull', 'gulls', 'dove*', 'pigeon*'],
    { cat: { flight: 0.5 }, theme: 'animals' },
  ),
  sym(
    'собака',
    'dog',
    'being',
    ['собак*', 'пес', 'пса', 'псы', 'псов', 'щен*'],
    ['dog', 'dogs', 'hound*', 'puppy'],
    { cat: { chase: 0.5 }, theme: 'animals' },
  ),
  sym(
    'кошка',
    'cat',
    'being',
    ['кошк*', 'кот', 'кота', 'котом', 'коту', 'котенок', 'котенк*'],
    ['cat', 'cats', 'kitten*'],
    { theme: 'animals' },
  ),
  sym('волк', 'wolf', 'being', ['волк*', 'волч*'], ['wolf', 'wolves'], { theme: 'animals' }),
  sym('лиса', 'fox', 'being', ['лиса', 'лисы', 'лису', 'лисой', 'лис', 'лисиц*'], ['fox', 'foxes'], {
    theme: 'animals',
  }),
  sym(
    'змея',
    'snake',
    'being',
    ['змея', 'змеи', 'змей', 'змею', 'змеей', 'змеи', 'змеями'],
    ['snake*', 'serpent*'],
    { theme: 'animals' },
  ),
  sym('рыбы', 'fish', 'being', ['рыб*', 'кит', 'кита', 'киты', 'китом'], ['fish', 'whale*'], {
    theme: 'animals',
  }),
  sym('лошадь', 'horse', 'being', ['лошад*', 'конь', 'коня', 'конем'], ['horse*'], { theme: 'animals' }),
  sym('медведь', 'bear', 'being', ['медвед*'], ['bear', 'bears'], { cat: { chase: 0.5 }, theme: 'animals' }),
  sym('тигр', 'tiger', 'being', ['тигр*', 'лев', 'льва', 'львы', 'львом'], ['tiger*', 'lion*'], {
    cat: { chase: 0.5 },
    theme: 'animals',
  }),
  sym('дракон', 'dragon', 'being', ['дракон*'], ['dragon*'], { cat: { flight: 0.5 } }),
  sym(
    'фигура',
    'figure',
    'being',
    ['фигур*', 'силуэт*', 'незнаком*', 'кто-то', 'некто'],
    ['figure*', 'silhouette*', 'stranger*', 'someone', 'something'],
    { cat: { chase: 0.3 } },
  ),
  sym('мужчина', 'man', 'being', ['мужчин*'], ['man', 'men'], {}),
  sym('женщина', 'woman', 'being', ['женщин*'], ['woman', 'women'], {}),
  sym(
    'ребёнок',
    'child',
    'being',
    ['ребен*', 'дети', 'детей', 'детьми', 'малыш*'],
    ['child', 'children', 'kid', 'kids', 'baby'],
    { theme: 'childhood' },
  ),
  sym('полиция', 'police', 'being', ['полици*', 'полицейск*', 'милици*'], ['police*', 'cop', 'cops'], {
    cat: { chase: 1 },
  }),
  sym('убийца', 'killer', 'being', ['убийц*', 'маньяк*', 'бандит*'], ['killer*', 'murderer*', 'maniac*'], {
    cat: { chase: 1.5 },
    theme: 'danger',
  }),
  sym(
    'люди',
    'people',
    'being',
    ['люди', 'людей', 'людьми', 'толп*', 'прохож*'],
    ['people', 'crowd*', 'passers-by'],
    {},
  ),
  sym(
    'мама',
    'mother',
    'being',
    ['мама', 'мамы', 'маме', 'маму', 'мамой', 'мать', 'матери', 'мамочк*'],
    ['mother*', 'mom', 'mum', 'mama'],
    { theme: 'family' },
  ),
  sym(
    'отец',
    'father',
    'being',
    ['папа', 'папы', 'папе', 'папу', 'папой', 'отец', 'отца', 'отцом', 'отцу'],
    ['father*', 'dad'],
    { theme: 'family' },
  ),
  sym('бабушка', 'grandmother', 'being', ['бабушк*'], ['grandmother*', 'grandma*', 'granny'], {
    theme: 'family',
  }),
  sym('дедушка', 'grandfather', 'being', ['дедушк*', 'дед', 'деда', 'дедом'], ['grandfather*', 'grandpa*'], {
    theme: 'family',
  }),
  sym('брат', 'brother', 'being', ['брат', 'брата', 'братом', 'брату', 'братья', 'братьями'], ['brother*'], {
    theme: 'family',
  }),
  sym('сестра', 'sister', 'being', ['сестр*'], ['sister*'], { theme: 'family' }),
  sym(
    'родственники',
    'relatives',
    'being',
    ['двоюродн*', 'кузен*', 'кузин*', 'родственник*', 'родител*', 'семь*'],
    ['cousin*', 'relative*', 'parents', 'family'],
    { theme: 'family' },
  ),
  sym(
    'друг',
    'friend',
    'being',
    ['друг', 'друга', 'другом', 'другу', 'друзья', 'друзей', 'друзьями', 'подруг*'],
    ['friend*'],
    { theme: 'friendship' },
  ),
  sym('одноклассники', 'classmates', 'being', ['одноклассник*'], ['classmate*'], { theme: 'school' }),
  sym('учитель', 'teacher', 'being', ['учител*', 'преподавател*'], ['teacher*', 'professor*'], {
    theme: 'school',
  }),
  sym(
    'коллега',
    'colleague',
    'being',
    ['коллег*', 'начальник*', 'босс*'],
    ['colleague*', 'coworker*', 'boss'],
    { theme: 'work' },
  ),
  // the body
  sym('лицо', 'face', 'body', ['лицо', 'лица', 'лицом', 'лицу', 'лице', 'лиц'], ['face', 'faces'], {
    theme: 'identity',
  }),
  sym(
    'руки',
    'hands',
    'body',
    ['рука', 'руки', 'руку', 'рукой', 'руками', 'рук', 'руках', 'ладон*'],
    ['hand', 'hands', 'arm', 'arms'],
    { theme: 'body' },
  ),
  sym(
    'ноги',
    'legs',
    'body',
    ['нога', 'ноги', 'ногу', 'ногой', 'ногами', 'ног'],
    ['leg', 'legs', 'feet', 'foot'],
    { theme: 'body' },
  ),
  sym('тело', 'body', 'body', ['тело', 'тела', 'телом', 'теле'], ['body'], {
    cat: { transformation: 0.5 },
    theme: 'body',
  }),
  sym('глаза', 'eyes', 'body', ['глаз', 'глаза', 'глазами', 'глазах'], ['eye', 'eyes'], {}),
  sym('зубы', 'teeth', 'body', ['зуб', 'зубы', 'зубов', 'зубами'], ['tooth', 'teeth'], { theme: 'body' }),
  sym('волосы', 'hair', 'body', ['волос*'], ['hair'], { theme: 'body' }),
  sym('голос', 'voice', 'body', ['голос*'], ['voice*'], {}),
  sym('перья', 'feathers', 'body', ['перья', 'перьями', 'перьев', 'перо'], ['feather*'], {
    cat: { transformation: 1 },
  }),
  sym('шерсть', 'fur', 'body', ['шерст*', 'мех'], ['fur'], { cat: { transformation: 1 } }),
  sym('чешуя', 'scales', 'body', ['чешу*'], ['scales'], { cat: { transformation: 1 } }),
  sym(
    'крылья',
    'wings',
    'body',
    ['крылья', 'крыльев', 'крыльями', 'крыльях', 'крыло', 'крылом', 'крыла'],
    ['wing', 'wings'],
    { cat: { flight: 2 } },
  ),
];

const EMOTIONS: LexiconEntry[] = [
  emo(
    'fear',
    ['страх*', 'страшн*', 'боял*', 'боюсь', 'боятся', 'бояться', 'боязн*', 'испуг*', 'ужас*'],
    ['fear*', 'afraid', 'scared', 'scary', 'terrified', 'terror', 'frighten*', 'horrified', 'horror*'],
  ),
  { ...emo('fear', ['пуга*', 'пугал*'], []), verb: true },
  emo('panic', ['паник*', 'колотил*', 'бешено'], ['panic*', 'frantic*', 'pounding'], { cat: { chase: 1 } }),
  emo(
    'unease',
    ['тревог*', 'тревожн*', 'беспокой*', 'беспокои*', 'неуютн*', 'неприятн*'],
    ['uneas*', 'unsettl*', 'anxious', 'anxiety', 'nervous', 'worried', 'uncomfortable'],
  ),
  emo(
    'calm',
    ['спокойн*', 'спокойств*', 'умиротвор*', 'безмятежн*'],
    ['calm*', 'peaceful', 'peace', 'serene', 'tranquil', 'relaxed'],
  ),
  emo(
    'joy',
    ['радост*', 'радова*', 'рад', 'рада', 'счаст*', 'весел*', 'смеял*', 'смех*', 'улыба*'],
    ['joy*', 'happy', 'happiness', 'laugh*', 'smil*', 'delight*', 'glad', 'fun', 'cheerful'],
  ),
  emo('freedom', ['свобод*', 'невесом*', 'легкост*'], ['free', 'freedom', 'weightless*', 'liberat*'], {
    cat: { flight: 1 },
  }),
  emo(
    'wonder',
    ['восхищ*', 'изумл*', 'удивл*', 'чудесн*', 'волшебн*', 'красив*', 'восторг*', 'сказочн*'],
    ['wonder*', 'amaz*', 'awe*', 'beautiful', 'magical', 'marvel*', 'breathtaking', 'stunning'],
  ),
  emo(
    'confusion',
    ['странн*', 'непонятн*', 'растерян*', 'недоумен*', 'запута*'],
    ['strange*', 'weird*', 'confus*', 'bizarre', 'odd', 'disorient*', 'surreal', 'puzzled'],
  ),
  emo(
    'sadness',
    ['груст*', 'печал*', 'плакал*', 'плака*', 'слез*', 'тоск*'],
    ['sad', 'sadness', 'cried', 'cry', 'crying', 'tears', 'grief', 'sorrow*', 'melanchol*', 'mourn*'],
  ),
  emo('loneliness', ['одинок*', 'одиночеств*'], ['lonely', 'loneliness', 'lonesome']),
  emo('nostalgia', ['ностальг*', 'детств*'], ['nostalg*', 'childhood'], { theme: 'childhood' }),
  emo(
    'helplessness',
    ['беспомощ*', 'не мог*', 'не могу', 'ловушк*', 'застрял*'],
    ["couldn't", 'could not', "can't", 'helpless*', 'trapped', 'stuck', 'powerless', 'paraly*'],
  ),
  emo(
    'love',
    ['любов*', 'люблю', 'любил*', 'нежн*', 'обнима*', 'обнял*', 'поцел*'],
    ['love', 'loved', 'loving', 'hug', 'hugs', 'hugged', 'hugging', 'kiss*', 'tender*', 'embrac*'],
    { theme: 'love' },
  ),
  emo('anger', ['злост*', 'злил*', 'гнев*', 'ярост*'], ['angry', 'anger', 'rage', 'furious']),
  emo('shame', ['стыд*', 'неловк*', 'позор*'], ['ashamed', 'embarrass*', 'shame*', 'humiliat*']),
  emo('curiosity', ['любопыт*'], ['curious*', 'curiosity', 'intrigu*']),
];

const ADJECTIVES: LexiconEntry[] = [
  adj('night', ['ночн*'], ['night', 'nighttime']),
  adj('dark', ['темн*', 'темен'], ['dark', 'darkened'], { cat: { gothic: 0.5 } }),
  adj(
    'old',
    [
      'старый',
      'старая',
      'старое',
      'старые',
      'старого',
      'старой',
      'старом',
      'старую',
      'старых',
      'старым',
      'старинн*',
    ],
    ['old'],
  ),
  adj('ancient', ['древн*'], ['ancient']),
  adj('huge', ['огромн*', 'гигантск*', 'громадн*'], ['huge', 'giant', 'enormous', 'massive']),
  adj('tiny', ['крошечн*', 'маленьк*', 'крохотн*'], ['tiny', 'small', 'little']),
  adj('red', ['красн*', 'алый', 'алая', 'алой'], ['red', 'crimson', 'scarlet']),
  adj('black', ['черн*'], ['black']),
  adj(
    'white',
    ['белый', 'белая', 'белое', 'белые', 'белой', 'белым', 'белых', 'белую', 'белом', 'белоснеж*'],
    ['white'],
  ),
  adj(
    'blue',
    ['синий', 'синяя', 'синее', 'синие', 'синей', 'синим', 'синих', 'синюю', 'синем', 'голуб*'],
    ['blue'],
  ),
  adj('green', ['зелен*'], ['green']),
  adj('yellow', ['желт*'], ['yellow'], { cat: { liminal: 0.4 } }),
  adj('golden', ['золот*'], ['golden', 'gold']),
  adj('silver', ['серебр*'], ['silver']),
  adj('glowing', ['светящ*', 'сияющ*', 'светил*'], ['glowing', 'shining', 'bright']),
  adj('burning', ['горящ*', 'горел*', 'огненн*'], ['burning', 'fiery']),
  adj('broken', ['разбит*', 'сломанн*', 'треснувш*'], ['broken', 'shattered', 'cracked']),
  adj('narrow', ['узк*', 'тесн*'], ['narrow']),
  adj('long', ['длинн*'], ['long']),
  adj('tall', ['высокий', 'высокая', 'высокие', 'высоких', 'высоким'], ['tall', 'towering']),
  adj('deep', ['глубок*'], ['deep']),
  adj('cold', ['холодн*'], ['cold']),
  adj('foggy', ['туманн*'], ['foggy', 'misty']),
  adj('frozen', ['замерзш*', 'мерзл*', 'заледен*'], ['frozen']),
  adj('moonlit', ['лунн*'], ['moonlit']),
  adj('starry', ['звездн*'], ['starry']),
  adj('sunny', ['солнечн*'], ['sunny', 'sunlit']),
  adj('flooded', ['затоплен*'], ['flooded']),
  adj('twisted', ['искривлен*', 'кривы*'], ['twisted', 'crooked']),
  adj('crumbling', ['ветх*', 'полуразруш*', 'разрушен*'], ['crumbling', 'ruined'], { cat: { gothic: 0.5 } }),
  adj('green', ['изумрудн*'], ['emerald']),
];

/** Every entry, in a fixed order so that analysis is deterministic. */
export const LEXICON: readonly LexiconEntry[] = [...CATEGORY_CUES, ...SYMBOLS, ...EMOTIONS, ...ADJECTIVES];

/** Russian verbal prefixes tried in front of `verb` stems, longest first. */
export const RU_VERB_PREFIXES = [
  'пере',
  'недо',
  'обо',
  'подо',
  'ото',
  'взо',
  'вос',
  'раз',
  'рас',
  'под',
  'над',
  'при',
  'про',
  'пре',
  'вз',
  'вс',
  'вы',
  'до',
  'за',
  'из',
  'ис',
  'на',
  'об',
  'от',
  'по',
  'со',
  'во',
  'о',
  'с',
  'у',
  'в',
] as const;

/** Words that turn the next emotion around ("не боялся" is not fear). */
export const NEGATORS = new Set(['не', 'ни', 'без', 'not', 'no', 'never', 'without', 'nothing', 'nor']);

/** The lenses a dream can be read through (see core/src/readings). */
export type LensId = 'jung' | 'cognitive' | 'folk';

type LensNotes = Record<LensId, Labels>;

/**
 * What each lens sees in a symbol, keyed by the symbol's English label; a short clause that follows
 * "<symbol> — ". Symbols without their own notes are read through {@link KIND_LENS_NOTES}. Folk notes
 * retell popular dream-book beliefs and are always presented as folklore.
 */
export const SYMBOL_LENS_NOTES: Record<string, LensNotes> = {
  sea: {
    jung: {
      ru: 'образ самого бессознательного: огромного, глубокого, ещё не разобранного',
      en: 'an image of the unconscious itself: vast, deep and not yet sorted',
    },
    cognitive: {
      ru: 'часто след отпуска, воды или простора, о котором вы думали днём',
      en: 'often the trace of a holiday, water or open space you thought about during the day',
    },
    folk: {
      ru: 'в сонниках спокойное море — к ровной жизни, бурное — к переменам',
      en: 'in dream books a calm sea means a smooth stretch, a stormy one means change',
    },
  },
  water: {
    jung: {
      ru: 'стихия чувств и бессознательного, из которой рождается новое',
      en: 'the element of feeling and the unconscious, where new things are born',
    },
    cognitive: {
      ru: 'мозг часто превращает в воду усталость и переполненность чувствами',
      en: 'the brain often turns tiredness and overflowing feelings into water',
    },
    folk: {
      ru: 'чистая вода в народных приметах — к здоровью, мутная — к хлопотам',
      en: 'in folk belief clear water means health, murky water means worries',
    },
  },
  river: {
    jung: {
      ru: 'течение жизни и переход из одного состояния в другое',
      en: 'the flow of life and a crossing from one state to another',
    },
    cognitive: {
      ru: 'картинка для того, что «утекает» или движется само, без вашего участия',
      en: 'a picture for something that flows on by itself, without your say',
    },
    folk: {
      ru: 'переплыть реку во сне — по поверью, к преодолённому препятствию',
      en: 'crossing a river in a dream is said to mean an obstacle overcome',
    },
  },
  house: {
    jung: {
      ru: 'образ души: этажи и комнаты — разные стороны вашей личности',
      en: 'an image of the psyche: its floors and rooms are sides of your personality',
    },
    cognitive: {
      ru: 'отражение того, как вы сейчас чувствуете себя дома и в своей жизни',
      en: 'a reflection of how at home you feel in your life right now',
    },
    folk: {
      ru: 'новый дом в сонниках — к переменам, старый — к воспоминаниям и родне',
      en: 'in dream books a new house means change, an old one means memories and kin',
    },
  },
  room: {
    jung: {
      ru: 'отдельная часть вашей психики; незнакомая комната — то, что ещё не освоено',
      en: 'one part of your psyche; an unknown room is something not yet explored',
    },
    cognitive: {
      ru: 'часто повторяет обстановку, в которой вы провели день',
      en: 'often replays the surroundings you spent the day in',
    },
    folk: {
      ru: 'светлая комната по поверью — к ясности, тёмная — к тайне',
      en: 'folk belief reads a bright room as clarity, a dark one as a secret',
    },
  },
  forest: {
    jung: {
      ru: 'неизведанная, дикая часть бессознательного, где легко заблудиться',
      en: 'the wild, unexplored part of the unconscious, where one gets lost',
    },
    cognitive: {
      ru: 'часто образ неопределённости: много путей и ни одного ясного',
      en: 'often an image of uncertainty: many paths and none of them clear',
    },
    folk: {
      ru: 'густой лес в сонниках — к запутанным делам, светлый — к отдыху',
      en: 'in dream books a dense forest means tangled affairs, a light one means rest',
    },
  },
  city: {
    jung: {
      ru: 'коллективная сторона жизни: роли, маски, люди вокруг',
      en: 'the collective side of life: roles, masks, the people around you',
    },
    cognitive: {
      ru: 'сцена, собранная из мест, где вы бываете каждый день',
      en: 'a stage built from the places you pass every day',
    },
    folk: {
      ru: 'незнакомый город, по поверью, — к новостям и поездке',
      en: 'an unknown city is said to bring news or a journey',
    },
  },
  school: {
    jung: {
      ru: 'место, где Эго проходит испытание и взрослеет',
      en: 'a place where the ego is tested and grows up',
    },
    cognitive: {
      ru: 'частый сон при оценке и дедлайнах: мозг повторяет старые экзамены',
      en: 'a common dream under deadlines and judgement: the brain replays old exams',
    },
    folk: {
      ru: 'школа в сонниках — к уроку, который жизнь ещё преподаст',
      en: 'in dream books school means a lesson life has yet to teach',
    },
  },
  exam: {
    jung: {
      ru: 'испытание, которое ставит вам ваша же внутренняя инстанция',
      en: 'a trial set by your own inner judge',
    },
    cognitive: {
      ru: 'типичная репетиция тревоги перед оценкой или важным делом',
      en: 'a typical rehearsal of worry before being judged or a big task',
    },
    folk: {
      ru: 'сдать экзамен во сне, по поверью, — к удаче в деле',
      en: 'passing an exam in a dream is said to bring luck in an affair',
    },
  },
  snake: {
    jung: {
      ru: 'архетип превращения и исцеления — старая кожа сбрасывается',
      en: 'an archetype of transformation and healing: an old skin is shed',
    },
    cognitive: {
      ru: 'мозг рисует змеёй скрытую угрозу или человека, которому вы не доверяете',
      en: 'the brain draws a hidden threat, or someone you distrust, as a snake',
    },
    folk: {
      ru: 'в народных сонниках змея — к хитрому недругу или к мудрости',
      en: 'folk dream books read a snake as a sly rival, or as wisdom',
    },
  },
  dog: {
    jung: {
      ru: 'инстинктивный спутник, верная часть вашей природы',
      en: 'an instinctive companion, a loyal part of your own nature',
    },
    cognitive: {
      ru: 'часто связана с близким человеком или с реальной собакой рядом',
      en: 'often tied to someone close, or a real dog in your life',
    },
    folk: {
      ru: 'дружелюбная собака по поверью — к верному другу',
      en: 'a friendly dog is said to mean a faithful friend',
    },
  },
  cat: {
    jung: {
      ru: 'независимая, интуитивная, женственная сторона души',
      en: 'the independent, intuitive, feminine side of the soul',
    },
    cognitive: {
      ru: 'нередко отражает реальное животное или желание побыть одному',
      en: 'often a real pet, or a wish to be left alone for a while',
    },
    folk: {
      ru: 'кошка в сонниках — к лукавству и скрытым намерениям',
      en: 'in dream books a cat means cunning and hidden intentions',
    },
  },
  mother: {
    jung: {
      ru: 'архетип Матери: забота, исток, а иногда и удушающая опека',
      en: 'the Mother archetype: care, origin and sometimes smothering hold',
    },
    cognitive: {
      ru: 'обычно отклик на недавний разговор или мысли о ней',
      en: 'usually an echo of a recent talk with her or thoughts of her',
    },
    folk: {
      ru: 'мама во сне, по поверью, — к защите и доброй вести',
      en: 'a mother in a dream is said to bring protection and good news',
    },
  },
  father: {
    jung: {
      ru: 'архетип Отца: порядок, закон и внутренний авторитет',
      en: 'the Father archetype: order, law and inner authority',
    },
    cognitive: {
      ru: 'часто связан с темами правил, оценки и ответственности',
      en: 'often linked to rules, judgement and responsibility',
    },
    folk: {
      ru: 'отец во сне, по поверью, — к совету, которого стоит послушаться',
      en: 'a father in a dream is said to bring advice worth heeding',
    },
  },
  child: {
    jung: {
      ru: 'архетип Божественного ребёнка: новое начало и будущее',
      en: 'the Divine Child archetype: a new beginning and what is to come',
    },
    cognitive: {
      ru: 'мозг так показывает уязвимость или новое, о чём нужно заботиться',
      en: 'the brain shows vulnerability, or something new that needs care',
    },
    folk: {
      ru: 'ребёнок в сонниках — к хлопотам, но добрым',
      en: 'in dream books a child means bustle, but of a good kind',
    },
  },
  shadow: {
    jung: {
      ru: 'Тень — отвергнутые черты, которые просятся быть признанными',
      en: 'the Shadow: disowned traits asking to be acknowledged',
    },
    cognitive: {
      ru: 'смутная угроза без лица — так выглядит неоформленное беспокойство',
      en: 'a faceless threat is what unformed worry looks like',
    },
    folk: {
      ru: 'тень во сне, по поверью, — к тайне, которая откроется',
      en: 'a shadow in a dream is said to be a secret about to come out',
    },
  },
  figure: {
    jung: {
      ru: 'часто Тень: та часть вас, которую вы не хотите видеть',
      en: 'often the Shadow: a part of you that you would rather not see',
    },
    cognitive: {
      ru: 'собирательный образ людей и тревог последних дней',
      en: 'a composite of the people and worries of recent days',
    },
    folk: {
      ru: 'незнакомец в сонниках — к нежданному гостю',
      en: 'in dream books a stranger means an unexpected visitor',
    },
  },
  fire: {
    jung: {
      ru: 'преображение и страсть: то, что сгорает, освобождает место',
      en: 'transformation and passion: what burns makes room',
    },
    cognitive: {
      ru: 'образ сильного чувства — гнева, влюблённости или срочности',
      en: 'an image of strong feeling: anger, love or urgency',
    },
    folk: {
      ru: 'огонь без дыма по поверью — к радости, пожар — к вестям',
      en: 'in folk belief a clean flame means joy, a blaze means news',
    },
  },
  mirror: {
    jung: {
      ru: 'встреча с собой: с Персоной или с тем, что за ней',
      en: 'meeting yourself: the Persona, or what lies behind it',
    },
    cognitive: {
      ru: 'отражение мыслей о внешности, оценке и самооценке',
      en: 'a reflection of thoughts about looks, judgement and self-worth',
    },
    folk: {
      ru: 'зеркало в сонниках — к гаданию о себе; разбитое — к переменам',
      en: 'in dream books a mirror means self-knowledge, a broken one change',
    },
  },
  teeth: {
    jung: {
      ru: 'сила и уверенность; их потеря — страх утратить опору',
      en: 'strength and confidence; losing them is fear of losing your footing',
    },
    cognitive: {
      ru: 'один из самых частых снов при стрессе и напряжении челюсти',
      en: 'one of the most common stress dreams, sometimes from a clenched jaw',
    },
    folk: {
      ru: 'выпавший зуб в народных приметах — к вестям о родне',
      en: 'in folk belief a lost tooth means news about relatives',
    },
  },
  sky: {
    jung: {
      ru: 'стремление к высшему, к духу и свободе от земного',
      en: 'a reach for the higher, for spirit and freedom from the earthly',
    },
    cognitive: {
      ru: 'простор, которого, может быть, не хватает днём',
      en: 'open space you may be missing in your days',
    },
    folk: {
      ru: 'ясное небо, по поверью, — к исполнению желаний',
      en: 'a clear sky is said to mean a wish coming true',
    },
  },
  wings: {
    jung: { ru: 'дух, поднимающийся над обстоятельствами', en: 'the spirit rising above circumstances' },
    cognitive: {
      ru: 'желание свободы или облегчения после нагрузки',
      en: 'a wish for freedom or relief after strain',
    },
    folk: {
      ru: 'крылья во сне по поверью — к успеху и высокому положению',
      en: 'wings in a dream are said to bring success and standing',
    },
  },
  moon: {
    jung: {
      ru: 'женское начало и ритмы бессознательного',
      en: 'the feminine principle and the rhythms of the unconscious',
    },
    cognitive: {
      ru: 'часто просто ночь за окном, вплетённая в сон',
      en: 'often just the night outside woven into the dream',
    },
    folk: {
      ru: 'полная луна в сонниках — к исполнению задуманного',
      en: 'in dream books a full moon means a plan fulfilled',
    },
  },
  train: {
    jung: {
      ru: 'путь жизни, идущий по рельсам, которые проложили не вы',
      en: 'the path of life along rails someone else laid',
    },
    cognitive: {
      ru: 'образ расписаний, сроков и страха опоздать',
      en: 'an image of schedules, deadlines and the fear of being late',
    },
    folk: {
      ru: 'поезд, по поверью, — к дороге и переменам',
      en: 'a train is said to mean a journey and change',
    },
  },
};

/** Notes for symbols without their own, by kind; same shape as {@link SYMBOL_LENS_NOTES}. */
export const KIND_LENS_NOTES: Record<SymbolKind, LensNotes> = {
  place: {
    jung: {
      ru: 'место во сне — состояние души, в котором вы сейчас находитесь',
      en: 'a place in a dream is the state of the psyche you are in now',
    },
    cognitive: {
      ru: 'место, собранное из впечатлений последних дней',
      en: 'a place assembled from the impressions of recent days',
    },
    folk: {
      ru: 'в сонниках такие места — к дороге или переменам обстановки',
      en: 'in dream books such places mean a journey or a change of scene',
    },
  },
  element: {
    jung: {
      ru: 'стихия — энергия психики, ещё не принявшая формы',
      en: 'an element is psychic energy that has not yet taken shape',
    },
    cognitive: {
      ru: 'часто телесные ощущения сна — холод, жар, шум — превращённые в картинку',
      en: 'often bodily sensations of sleep, cold, heat or noise, turned into a picture',
    },
    folk: {
      ru: 'стихии в народных приметах предвещают погоду в делах',
      en: 'in folk belief the elements foretell the weather of your affairs',
    },
  },
  being: {
    jung: {
      ru: 'существо во сне — часто персонификация части вашей личности',
      en: 'a being in a dream often personifies a part of your personality',
    },
    cognitive: {
      ru: 'чаще всего отражает реальных людей и ваши чувства к ним',
      en: 'most often it mirrors real people and your feelings about them',
    },
    folk: {
      ru: 'в сонниках встреча с ним — к вестям или гостям',
      en: 'in dream books meeting it means news or visitors',
    },
  },
  object: {
    jung: {
      ru: 'вещь-символ: то, чем вы пытаетесь овладеть или что ищете в себе',
      en: 'an object-symbol: something you seek to hold or find in yourself',
    },
    cognitive: {
      ru: 'вероятный «дневной остаток» — вещь, попавшая на глаза днём',
      en: 'likely day residue: a thing that caught your eye during the day',
    },
    folk: {
      ru: 'в сонниках найденная вещь — к прибыли, потерянная — к заботам',
      en: 'in dream books a found object means gain, a lost one worry',
    },
  },
  body: {
    jung: {
      ru: 'тело во сне — о цельности и о том, как вы себя ощущаете',
      en: 'the body in a dream speaks of wholeness and how you feel in yourself',
    },
    cognitive: {
      ru: 'мозг во сне обрабатывает сигналы тела и заботы о здоровье',
      en: 'in sleep the brain works through body signals and health worries',
    },
    folk: {
      ru: 'народные приметы читают тело во сне как знак о здоровье',
      en: 'folk belief reads the body in a dream as a sign about health',
    },
  },
  light: {
    jung: {
      ru: 'свет — сознание, проникающее в тёмные области психики',
      en: 'light is consciousness reaching into the dark parts of the psyche',
    },
    cognitive: {
      ru: 'яркие образы света часто приходят вместе с сильными чувствами',
      en: 'bright images of light often come with strong feelings',
    },
    folk: {
      ru: 'свет во сне, по поверью, — к надежде и добрым вестям',
      en: 'light in a dream is said to bring hope and good news',
    },
  },
};

/** Symbols by label in either language, for finding an analysis's symbols in the lexicon. */
export const SYMBOLS_BY_LABEL: ReadonlyMap<string, Labels & { kind: SymbolKind }> = new Map(
  SYMBOLS.flatMap((e) =>
    e.symbol
      ? [
          [e.symbol.ru.toLocaleLowerCase(), e.symbol],
          [e.symbol.en.toLocaleLowerCase(), e.symbol],
        ]
      : [],
  ),
);
