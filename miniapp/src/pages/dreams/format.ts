import type { Dream } from '../../api/dreams.ts';
import type { Language } from '../../api/types.ts';
import type { Translate } from '../../i18n/index.tsx';

/** Characters as a person counts them (code points), the way the server counts the limits. */
export function charCount(text: string): number {
  return [...text].length;
}

/** The dream's name: its own title, the analysis's, else its first words. */
export function dreamTitle(dream: Pick<Dream, 'title' | 'analysis' | 'text'>): string {
  const title = dream.title?.trim() || dream.analysis?.title?.trim();
  if (title) return title;
  const words = dream.text.trim().split(/\s+/).slice(0, 6).join(' ');
  return words.length < dream.text.trim().length ? `${words}…` : words;
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/**
 * "Today", "Yesterday", "12 Nov" or "12 Nov 2025" for a date in the past. A bare `YYYY-MM-DD` (a
 * dream's `dream_date`, the night it belongs to) is that calendar day, whatever the browser's zone.
 */
export function formatDreamDate(iso: string, language: Language, t: Translate, now = new Date()): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(iso);
  if (sameDay(date, now)) return t('dreams-date-today');
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(date, yesterday)) return t('dreams-date-yesterday');
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
  if (date.getFullYear() !== now.getFullYear()) options.year = 'numeric';
  return new Intl.DateTimeFormat(language, options).format(date);
}

/** "5 minutes ago", "2 hours ago" — for the feed, where everything is less than a day old. */
export function formatAgo(iso: string, language: Language, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return format.format(0, 'minute');
  if (Math.abs(seconds) < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (Math.abs(seconds) < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

/** How long until `iso`, as "5 h 12 min" / "40 min"; null once it has passed. */
export function formatTimeLeft(iso: string, t: Translate, now = Date.now()): string | null {
  const minutes = Math.floor((new Date(iso).getTime() - now) / 60_000);
  if (minutes < 0) return null;
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return t('dreams-duration-minutes', { minutes: Math.max(1, minutes) });
  return t('dreams-duration-hours-minutes', { hours, minutes: minutes % 60 });
}

/** Monday of an ISO week written as `2026-W47`. */
export function isoWeekStart(week: string): Date | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  // 4 January is always in week 1; its week's Monday starts the ISO year.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (number - 1) * 7);
  return monday;
}
