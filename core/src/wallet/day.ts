import { localDayAt } from '../time/localDay.ts';

/**
 * The quota day ('YYYY-MM-DD') at `at`: the user's local day (core/src/time/localDay.ts), which
 * starts at `dayStartsAt` in their time zone. Pass the user's `dayStartsAt`; omitted, it is midnight.
 */
export function localDay(at: Date, timeZone: string, dayStartsAt = '00:00'): string {
  return localDayAt(at, timeZone, dayStartsAt).date;
}

/**
 * When the user's next local day starts, i.e. when today's quotas reset (the user's day start, not
 * necessarily midnight, despite the name kept for its callers).
 */
export function nextLocalMidnight(at: Date, timeZone: string, dayStartsAt = '00:00'): Date {
  return localDayAt(at, timeZone, dayStartsAt).end;
}
