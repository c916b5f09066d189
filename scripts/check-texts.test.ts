import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTexts, findTextFiles, type TextFile } from './check-texts.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Writes the given files under a fresh folder and checks them as the `pnpm check` step does. */
function checkTree(files: Record<string, string>): string[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-texts-'));
  try {
    for (const [rel, source] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), source);
    }
    const found = findTextFiles(root);
    return [...found.problems, ...checkTexts(found.files)];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const file = (p: string, language: 'ru' | 'en', source: string): TextFile => ({
  path: p,
  language,
  twin: p.replace(`/${language}/`, '/*/'),
  source,
});

describe('check-texts', () => {
  it("passes the project's own texts", () => {
    const { files, problems } = findTextFiles(ROOT);
    expect(problems).toEqual([]);
    expect(files.length).toBeGreaterThan(10);
    expect(checkTexts(files)).toEqual([]);
  });

  it('fails on one key in two files, across the bot, core and the Mini App', () => {
    const problems = checkTree({
      'core/locales/ru/shared.ftl': 'settings-language = Язык\n',
      'core/locales/en/shared.ftl': 'settings-language = Language\n',
      'miniapp/i18n/ru.ftl': 'title = Мечта\nsettings-language = Язык\n',
      'miniapp/i18n/en.ftl': 'title = Mechta\nsettings-language = Language\n',
    });
    expect(problems).toEqual([
      'settings-language: defined 2 times (core/locales/en/shared.ftl:1, miniapp/i18n/en.ftl:2); give it one home',
      'settings-language: defined 2 times (core/locales/ru/shared.ftl:1, miniapp/i18n/ru.ftl:2); give it one home',
    ]);
  });

  it('fails on a key twice in one file, and on a duplicate in one language only', () => {
    const problems = checkTexts([
      file('a/ru/x.ftl', 'ru', 'k = один\nk = два\n'),
      file('a/en/x.ftl', 'en', 'k = one\n'),
    ]);
    expect(problems).toEqual(['k: defined 2 times (a/ru/x.ftl:1, a/ru/x.ftl:2); give it one home']);
  });

  it('fails on a key present in one language only, either way round, and on a missing twin', () => {
    const problems = checkTexts([
      file('a/ru/x.ftl', 'ru', 'only-ru = да\nboth = оба\n'),
      file('a/en/x.ftl', 'en', 'both = both\nonly-en = yes\n-brand = Mechta\n'),
      file('a/ru/y.ftl', 'ru', 'y = игрек\n'),
    ]);
    expect(problems).toEqual([
      'a/ru/x.ftl: no only-en (en has it)',
      'a/ru/x.ftl: no -brand (en has it)',
      'a/en/x.ftl: no only-ru (ru has it)',
      'a/en/y.ftl: missing (its ru twin exists)',
    ]);
  });

  it('fails on Fluent syntax errors with the line', () => {
    const problems = checkTexts([
      file('a/ru/x.ftl', 'ru', 'ok = да\nbroken = { $count ->\n    [one] один\n}\n'),
      file('a/en/x.ftl', 'en', 'ok = yes\nbroken = { $count ->\n   *[one] one\n}\n'),
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^a\/ru\/x\.ftl:2: Fluent syntax error: E\d+ /);
    // The broken message is not defined at all, so its en twin is reported as unmatched too.
    expect(problems[1]).toBe('a/ru/x.ftl: no broken (en has it)');
  });

  it('fails on a .ftl whose language cannot be told', () => {
    expect(checkTree({ 'texts/common.ftl': 'k = v\n' })).toEqual([
      'texts/common.ftl: no language in its path (put it under ru/ or en/, or name it ru.ftl / en.ftl)',
    ]);
  });
});
