import { describe, expect, it } from 'vitest';
import { createTranslator, loadLanguage } from './index.tsx';

describe('Mini App texts', () => {
  it("read the texts shared with the server from core's shared.ftl, and their own", async () => {
    await Promise.all([loadLanguage('ru'), loadLanguage('en')]);
    const ru = createTranslator('ru');
    expect(ru('dream-category-liminal')).toBe('Лиминальные пространства');
    expect(ru('settings-language')).toBe('Язык');
    expect(ru('notify-weekly')).toBe('Итоги недели');
    expect(ru('settings-title')).toBe('Настройки');
    expect(createTranslator('en')('validation-dream-too-short')).toBe(
      'too short — describe the dream in a few more words',
    );
  });
});
