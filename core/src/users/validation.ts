/** Settings parsing shared by the bot conversation and the API: one set of rules for both. */

let zonesByCity: Map<string, string> | undefined;

/** The IANA zone whose city part is `name` ('tokyo', 'New York' → Asia/Tokyo, America/New_York). */
function zoneByCity(name: string): string | undefined {
  if (!zonesByCity) {
    zonesByCity = new Map();
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const city = zone.split('/').pop();
      if (city) zonesByCity.set(city.replace(/_/g, ' ').toLowerCase(), zone);
    }
  }
  return zonesByCity.get(name.replace(/_/g, ' ').replace(/\s+/g, ' ').toLowerCase());
}

/**
 * Accepts an IANA zone (any case), a city that names one (`Tokyo`), or a UTC offset like `UTC+3`,
 * `GMT-5`, `+03:00`; returns the canonical zone.
 */
export function parseTimezone(input: string): string | undefined {
  const raw = input.trim();
  const offset = /^(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?00)?$/i.exec(raw);
  if (offset) {
    const hours = Number(offset[2]);
    if (hours > 14) return undefined;
    if (hours === 0) return 'UTC';
    // The Etc/GMT zones have POSIX's inverted sign: UTC+3 is Etc/GMT-3.
    return `Etc/GMT${offset[1] === '+' ? '-' : '+'}${hours}`;
  }
  if (/^(utc|gmt|z)$/i.test(raw)) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    return zoneByCity(raw);
  }
}

/** `HH:MM` (also `H:MM`, `HH.MM`) → normalised `HH:MM`, or undefined. */
export function parseReminderTime(input: string): string | undefined {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(input.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/**
 * `DD.MM.YYYY` or `YYYY-MM-DD` → `YYYY-MM-DD` when it is a real calendar date between 1900 and today.
 */
export function parseBirthDate(input: string, today: Date = new Date()): string | undefined {
  const s = input.trim();
  let y: number;
  let mo: number;
  let d: number;
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (dmy) [d, mo, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (ymd) [y, mo, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  if (y < 1900 || date.getTime() > today.getTime()) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
