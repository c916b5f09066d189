export interface TimeZoneGroup {
  region: string;
  zones: { value: string; label: string }[];
}

// Old Telegram WebViews (iOS before 15.4) lack Intl.supportedValuesOf; they get a short list.
const FALLBACK_ZONES = [
  'UTC',
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Yakutsk',
  'Asia/Vladivostok',
  'Asia/Magadan',
  'Asia/Kamchatka',
  'Europe/Kyiv',
  'Europe/Minsk',
  'Asia/Almaty',
  'Asia/Tashkent',
  'Asia/Tbilisi',
  'Asia/Yerevan',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Istanbul',
  'Asia/Dubai',
  'America/New_York',
  'America/Los_Angeles',
];

function supportedZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return FALLBACK_ZONES;
  }
}

/** "GMT+3", "GMT-4:30", "GMT" for the zone's offset today. */
function offsetOf(timeZone: string, now: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(
      now,
    );
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/**
 * The IANA time zones this browser knows, grouped by region for a `<select>` and labelled
 * "Buenos Aires (Argentina) · GMT-3"; `current` is always included, even if the browser lacks it.
 */
export function timeZoneGroups(current: string): TimeZoneGroup[] {
  const zones = new Set(supportedZones());
  zones.add('UTC');
  if (current) zones.add(current);
  const now = new Date();
  const groups = new Map<string, TimeZoneGroup['zones']>();
  for (const zone of [...zones].sort()) {
    const [region = zone, ...rest] = zone.split('/');
    const key = rest.length ? region : 'UTC';
    const place = rest.length ? rest.reverse().join(', ').replaceAll('_', ' ') : zone;
    const offset = offsetOf(zone, now);
    const label = offset ? `${place} · ${offset}` : place;
    const list = groups.get(key) ?? [];
    list.push({ value: zone, label });
    groups.set(key, list);
  }
  return [...groups.entries()].map(([region, list]) => ({ region, zones: list }));
}

/** The device's own time zone, as the browser reports it. */
export function deviceTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}
