import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator, LOCALES_DIR } from './index.ts';

describe('createTranslator', () => {
  it('reads several folders into one bundle per language', () => {
    const extra = fs.mkdtempSync(path.join(os.tmpdir(), 'locales-'));
    for (const lang of ['ru', 'en']) {
      fs.mkdirSync(path.join(extra, lang));
      fs.writeFileSync(path.join(extra, lang, 'x.ftl'), `extra-hello = ${lang}\n`);
    }
    const t = createTranslator([LOCALES_DIR, extra]);
    expect(t.t('ru', 'extra-hello')).toBe('ru');
    expect(t.t('ru', 'error-NOT_FOUND')).toBe('Не удалось найти.');
    fs.rmSync(extra, { recursive: true });
  });

  it('refuses a key defined in two folders', () => {
    const extra = fs.mkdtempSync(path.join(os.tmpdir(), 'locales-'));
    for (const lang of ['ru', 'en']) {
      fs.mkdirSync(path.join(extra, lang));
      fs.writeFileSync(path.join(extra, lang, 'x.ftl'), 'error-NOT_FOUND = again\n');
    }
    expect(() => createTranslator([LOCALES_DIR, extra])).toThrow(/error-NOT_FOUND/);
    fs.rmSync(extra, { recursive: true });
  });

  it('names the exhausted quota in words, not its code', () => {
    const t = createTranslator();
    expect(t.t('ru', 'error-QUOTA_EXCEEDED', { kind: 'image', limit: 3 })).toBe(
      'Дневная квота на картинки исчерпана (3). Она обновится, когда начнётся ваш следующий день (по умолчанию в 04:00 по вашему времени).',
    );
    expect(t.t('en', 'error-QUOTA_EXCEEDED', { kind: 'text', limit: 20 })).toBe(
      "Today's AI text quota is used up (20). It resets when your next day starts (by default at 04:00 your time).",
    );
  });
});
