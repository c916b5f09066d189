import type { Language } from '@mechta/core';
import { InlineKeyboard } from 'grammy';

/** The zones most of the language's users live in, first in the time zone question; label → IANA zone. */
export const QUICK_ZONES: Record<Language, [label: string, zone: string][]> = {
  ru: [
    ['Москва', 'Europe/Moscow'],
    ['Санкт-Петербург', 'Europe/Moscow'],
    ['Екатеринбург', 'Asia/Yekaterinburg'],
    ['Новосибирск', 'Asia/Novosibirsk'],
    ['Калининград', 'Europe/Kaliningrad'],
    ['Самара', 'Europe/Samara'],
    ['Владивосток', 'Asia/Vladivostok'],
    ['Минск', 'Europe/Minsk'],
    ['Киев', 'Europe/Kyiv'],
    ['Алматы', 'Asia/Almaty'],
  ],
  en: [
    ['London', 'Europe/London'],
    ['New York', 'America/New_York'],
    ['Los Angeles', 'America/Los_Angeles'],
    ['Chicago', 'America/Chicago'],
    ['Berlin', 'Europe/Berlin'],
    ['Paris', 'Europe/Paris'],
    ['Toronto', 'America/Toronto'],
    ['Sydney', 'Australia/Sydney'],
    ['Dubai', 'Asia/Dubai'],
    ['Tokyo', 'Asia/Tokyo'],
  ],
};

/** A city typed in either language that the quick lists name (`москва`, `Kyiv` aside): its zone. */
export function zoneForCity(text: string): string | undefined {
  const wanted = text.trim().toLowerCase();
  for (const list of Object.values(QUICK_ZONES)) {
    for (const [label, zone] of list) if (label.toLowerCase() === wanted) return zone;
  }
  return undefined;
}

/** The quick zone buttons, two a row; each button's data is `prefix` + the zone. */
export function quickZonesKeyboard(language: Language, prefix: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  QUICK_ZONES[language].forEach(([label, zone], i) => {
    keyboard.text(label, prefix + zone);
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}
