import type { Language } from '../../api/types.ts';
import type { Translate } from '../../i18n/index.tsx';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "2 d 4 h", "3 h 12 min", "12 min" until a moment `ms` away; the two largest units are enough. */
export function formatTimeLeft(ms: number, t: Translate): string {
  if (ms >= DAY_MS) {
    const days = Math.floor(ms / DAY_MS);
    return t('wallet-left-days-hours', { days, hours: Math.floor((ms % DAY_MS) / HOUR_MS) });
  }
  const minutes = Math.floor(ms / MINUTE_MS);
  if (minutes >= 60) {
    return t('wallet-left-hours-minutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  }
  // The last minute still reads "1 min" rather than "0 min".
  return t('wallet-left-minutes', { minutes: Math.max(1, minutes) });
}

/** A pass length as people say it: "1 hour", "12 hours", "1 day", "7 days", "30 days". */
export function formatPassDuration(hours: number, t: Translate): string {
  if (hours >= 24 && hours % 24 === 0) return t('wallet-duration-days', { count: hours / 24 });
  return t('wallet-duration-hours', { count: hours });
}

/** "00:00": a time of day on this device's clock. */
export function formatClock(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "Today, 14:05", "Yesterday, 09:12", "12 Nov, 14:05", "12 Nov 2025, 14:05". */
export function formatMoment(iso: string, language: Language, t: Translate, now = new Date()): string {
  const date = new Date(iso);
  const time = formatClock(iso, language);
  if (sameDay(date, now)) return t('wallet-today-at', { time });
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(date, yesterday)) return t('wallet-yesterday-at', { time });
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
  if (date.getFullYear() !== now.getFullYear()) options.year = 'numeric';
  return `${new Intl.DateTimeFormat(language, options).format(date)}, ${time}`;
}

/** "12 November, 14:05": a pass's end, precise to the minute. */
export function formatExpiry(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Grouped digits in the UI language: "1 250" in Russian, "1,250" in English. */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language).format(value);
}

/** "+20" or "−3", with a real minus sign. */
export function formatDelta(delta: number, language: Language): string {
  const digits = formatNumber(Math.abs(delta), language);
  return delta > 0 ? `+${digits}` : delta < 0 ? `\u2212${digits}` : digits;
}
