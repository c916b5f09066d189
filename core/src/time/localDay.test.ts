import { describe, expect, it } from 'vitest';
import { localDayAt, localDayOf } from './localDay.ts';

const iso = (d: Date) => d.toISOString();

describe('localDayAt', () => {
  it('files 02:00 in UTC+3 under the previous day with the default 04:00 start', () => {
    // 02:00 in Moscow on 5 December is 23:00 UTC on 4 December.
    const day = localDayOf({ timezone: 'Europe/Moscow' }, new Date('2026-12-04T23:00:00Z'));
    expect(day.date).toBe('2026-12-04');
    expect(iso(day.start)).toBe('2026-12-04T01:00:00.000Z');
    expect(iso(day.end)).toBe('2026-12-05T01:00:00.000Z');
    // From 04:00 Moscow time it is the new day.
    expect(localDayAt(new Date('2026-12-05T01:00:00Z'), 'Europe/Moscow', '04:00').date).toBe('2026-12-05');
    expect(localDayAt(new Date('2026-12-05T00:59:59Z'), 'Europe/Moscow', '04:00').date).toBe('2026-12-04');
  });

  it('treats a 00:00 start as local midnight', () => {
    const day = localDayAt(new Date('2026-12-04T23:00:00Z'), 'Europe/Moscow', '00:00');
    expect(day.date).toBe('2026-12-05');
    expect(iso(day.start)).toBe('2026-12-04T21:00:00.000Z');
    expect(iso(day.end)).toBe('2026-12-05T21:00:00.000Z');
    expect(localDayAt(new Date('2026-12-04T20:59:59Z'), 'Europe/Moscow', '00:00').date).toBe('2026-12-04');
  });

  it('gives the DST days in Europe/Berlin 23 and 25 hours', () => {
    // Spring forward on 29 March 2026 (02:00 → 03:00): the 28th's day runs 04:00 CET → 04:00 CEST.
    const spring = localDayAt(new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin', '04:00');
    expect(spring.date).toBe('2026-03-29');
    expect(iso(spring.start)).toBe('2026-03-29T02:00:00.000Z'); // 04:00 CEST
    const before = localDayAt(new Date('2026-03-28T12:00:00Z'), 'Europe/Berlin', '04:00');
    expect(iso(before.start)).toBe('2026-03-28T03:00:00.000Z'); // 04:00 CET
    expect(before.end.getTime() - before.start.getTime()).toBe(23 * 3_600_000);
    // Fall back on 25 October 2026 (03:00 → 02:00): the midnight-started day is 25 hours long.
    const autumn = localDayAt(new Date('2026-10-25T12:00:00Z'), 'Europe/Berlin', '00:00');
    expect(autumn.date).toBe('2026-10-25');
    expect(iso(autumn.start)).toBe('2026-10-24T22:00:00.000Z');
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
    // 02:30 on the spring day does not exist on the clock; a day starting then still contains its instants.
    const gap = localDayAt(new Date('2026-03-29T01:45:00Z'), 'Europe/Berlin', '02:30');
    expect(gap.start.getTime()).toBeLessThanOrEqual(Date.parse('2026-03-29T01:45:00Z'));
    expect(gap.end.getTime()).toBeGreaterThan(Date.parse('2026-03-29T01:45:00Z'));
  });

  it('counts an unknown zone in UTC rather than failing', () => {
    expect(localDayAt(new Date('2026-12-04T05:00:00Z'), 'Mars/Olympus', '04:00').date).toBe('2026-12-04');
  });
});
