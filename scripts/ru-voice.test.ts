import fs from 'node:fs';
import path from 'node:path';
import {
  FluentParser,
  Message,
  type Pattern,
  Placeable,
  TextElement,
  VariableReference,
} from '@fluent/syntax';
import { describe, expect, it } from 'vitest';
import { findTextFiles } from './check-texts.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Masculine first-person forms the bot would use of itself. Мечта is feminine ("я поняла"), so none
 * of these may appear in a Russian text or in a sentence the offline analysis builds.
 */
const MASCULINE = [
  'понял',
  'услышал',
  'сохранил',
  'записал',
  'нашёл',
  'нашел',
  'отправил',
  'смог',
  'увидел',
  'запомнил',
  'подготовил',
  'прочитал',
  'узнал',
];
/** Adjectives that are masculine only after "я" ("будет готов разбор" is fine). */
const MASCULINE_AFTER_I = ['готов', 'рад', 'уверен', 'должен', 'согласен'];

/** Prepositions that would make a name need declension ("у Аня", "для Аня"). */
const PREPOSITIONS = ['у', 'для', 'с', 'со', 'к', 'ко', 'от', 'о', 'об', 'про', 'без', 'по'];

const masculineRe = new RegExp(
  `(?<![а-яё])(${MASCULINE.join('|')})(?![а-яё])|(?<![а-яё])я\\s+(${MASCULINE_AFTER_I.join('|')})(?![а-яё])`,
  'iu',
);

const ruFiles = () => findTextFiles(ROOT).files.filter((f) => f.language === 'ru');

/** Text of a pattern with every placeable written as `{ $name }` / `{ … }`. */
function flatten(pattern: Pattern | null): string {
  if (!pattern) return '';
  return pattern.elements
    .map((e) => {
      if (e instanceof TextElement) return e.value;
      if (e instanceof Placeable && e.expression instanceof VariableReference)
        return `{ $${e.expression.id.name} }`;
      return '{ … }';
    })
    .join('');
}

function messages(): { where: string; text: string }[] {
  const parser = new FluentParser();
  const out: { where: string; text: string }[] = [];
  for (const file of ruFiles()) {
    for (const entry of parser.parse(file.source).body) {
      if (!(entry instanceof Message)) continue;
      out.push({ where: `${file.path} ${entry.id.name}`, text: flatten(entry.value) });
      for (const attr of entry.attributes)
        out.push({ where: `${file.path} ${entry.id.name}.${attr.id.name}`, text: flatten(attr.value) });
    }
  }
  return out;
}

describe('Russian texts speak as Мечта', () => {
  it('scans the project: ru texts are found', () => {
    expect(ruFiles().length).toBeGreaterThan(5);
  });

  it('never uses a masculine first-person form of the bot', () => {
    const found = messages().filter((m) => masculineRe.test(m.text));
    expect(found.map((m) => `${m.where}: ${m.text}`)).toEqual([]);
  });

  it('the pattern catches what it is meant to catch', () => {
    expect(masculineRe.test('Я не совсем понял.')).toBe(true);
    expect(masculineRe.test('Вот что я услышал')).toBe(true);
    expect(masculineRe.test('я рад')).toBe(true);
    expect(masculineRe.test('Я не совсем поняла.')).toBe(false);
    expect(masculineRe.test('Видео будет, когда будет готов разбор.')).toBe(false);
  });

  it('machine-built sentences (offline analysis, bot formats) are feminine too', () => {
    const sources = [
      ...fs
        .readdirSync(path.join(ROOT, 'core/src/ai/offline'))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'lexicon.ts')
        .map((f) => path.join(ROOT, 'core/src/ai/offline', f)),
      ...fs
        .readdirSync(path.join(ROOT, 'bot/src/features'))
        .map((d) => path.join(ROOT, 'bot/src/features', d, 'format.ts'))
        .filter((f) => fs.existsSync(f)),
    ];
    const found: string[] = [];
    for (const file of sources) {
      // Only string literals: identifiers are English.
      for (const literal of fs.readFileSync(file, 'utf8').match(/'[^'\n]*'|`[^`]*`|"[^"\n]*"/g) ?? []) {
        if (masculineRe.test(literal)) found.push(`${path.relative(ROOT, file)}: ${literal}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('Russian texts never decline a name', () => {
  const nameVars = ['name', 'firstName', 'user', 'userName', 'inviter', 'friend'];
  const re = new RegExp(`(?<![а-яё])(${PREPOSITIONS.join('|')})\\s+\\{ \\$(${nameVars.join('|')}) \\}`, 'iu');

  it('no preposition stands before a name placeholder', () => {
    const found = messages().filter((m) => re.test(m.text));
    expect(found.map((m) => `${m.where}: ${m.text}`)).toEqual([]);
  });

  it('the pattern catches what it is meant to catch', () => {
    expect(re.test('Сколько токенов списать у { $name }?')).toBe(true);
    expect(re.test('Выберите тариф для { $name }:')).toBe(true);
    expect(re.test('{ $name } — выберите тариф:')).toBe(false);
  });
});
