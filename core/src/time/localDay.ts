/**
 * The user's "local day": the one rule for quotas, the dreams-per-day limit, streaks and the date
 * a dream is filed under. A day starts at the user's `day_starts_at` (04:00 by default) in their
 * time zone, so a dream written at 2 a.m. belongs to the night before.
 */

/** When a user's day starts unless they chose otherwise. */
export const DEFAULT_DAY_STARTS_AT = '04:00';

export interface LocalDay {
  /** The day's date, `YYYY-MM-DD`: the calendar date on which it started. */
  date: string;
  /** The instant the day started (inclusive). */
  start: Date;
  /** The instant the next day starts (exclusive); quotas reset then. */
  end: Date;
}

/** What `localDayOf` needs from a user row. */
export interface DayOwner {
  timezone: string;
  dayStartsAt?: string | null;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      // A zone the runtime no longer knows: count the day in UTC rather than fail the user's action.
      f = formatterFor('UTC');
    }
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(at: number, timeZone: string): WallClock & { seconds: number } {
  const parts = formatterFor(timeZone).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    minutes: get('hour') * 60 + get('minute'),
    seconds: get('second'),
  };
}

/** How far the zone's wall clock is ahead of UTC at `at`, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, 0, w.minutes, w.seconds);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant the zone's clock shows the given wall time. The offset is looked up twice because it
 * may change between the naive guess and the answer (a DST change that night); a wall time that a
 * DST gap skips maps to the instant just after the gap.
 */
function instantOf(w: WallClock, timeZone: string): number {
  const naive = Date.UTC(w.year, w.month - 1, w.day, 0, w.minutes);
  const first = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(first, timeZone);
  return Math.min(first, second);
}

function parseDayStart(dayStartsAt: string | null | undefined): number {
  const m = /^(\d{2}):(\d{2})$/.exec(dayStartsAt ?? DEFAULT_DAY_STARTS_AT);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 4 * 60;
}

const pad = (n: number) => String(n).padStart(2, '0');

function shiftDate(w: WallClock, days: number): WallClock {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), minutes: w.minutes };
}

/** The local day that contains `at` for a day starting at `dayStartsAt` ('HH:MM') in `timeZone`. */
export function localDayAt(at: Date, timeZone: string, dayStartsAt?: string | null): LocalDay {
  const startMinutes = parseDayStart(dayStartsAt);
  const now = wallClock(at.getTime(), timeZone);
  // Before the day's start on the clock, it is still the previous day.
  const dayWall = { ...shiftDate(now, now.minutes < startMinutes ? -1 : 0), minutes: startMinutes };
  let start = instantOf(dayWall, timeZone);
  let end = instantOf(shiftDate(dayWall, 1), timeZone);
  // A day start inside a DST gap or repeated hour can land a little off; keep `at` inside [start, end).
  if (start > at.getTime()) start = at.getTime();
  if (end <= at.getTime()) end = at.getTime() + 1;
  return {
    date: `${dayWall.year}-${pad(dayWall.month)}-${pad(dayWall.day)}`,
    start: new Date(start),
    end: new Date(end),
  };
}

/** The user's current local day (or the one containing `at`): their quota day and journal date. */
export function localDayOf(user: DayOwner, at: Date): LocalDay {
  return localDayAt(at, user.timezone, user.dayStartsAt);
}
